/**
 * The one way the app talks to the server. The session travels in the HttpOnly cookie set at
 * sign-in; every failure becomes an `ApiError` carrying the API's `{ error: { code, message,
 * details } }`, or a `NetworkError` when the server could not be reached. Callers keep what the
 * user typed in either case.
 */
import { problemText } from './problem-text';

export interface ApiErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Someone else changed the file since it was loaded. */
  get isStale(): boolean {
    return this.code === 'STALE_VERSION';
  }

  get isUnauthenticated(): boolean {
    return (
      this.status === 401 && this.code !== 'INVALID_CREDENTIALS' && this.code !== 'MFA_REQUIRED'
    );
  }

  /**
   * Field-level problems of a 400 as the server wrote them: `{ field: problem }`, for code that
   * recognises a problem. Show `fieldProblemTexts` to people.
   */
  get fieldProblems(): Record<string, string> {
    const issues = this.details.issues;
    if (!Array.isArray(issues)) return {};
    const problems: Record<string, string> = {};
    for (const issue of issues as { field?: unknown; problem?: unknown }[]) {
      if (typeof issue.field === 'string' && typeof issue.problem === 'string') {
        problems[issue.field] = issue.problem;
      }
    }
    return problems;
  }

  /** The same problems in the user's language, to show next to inputs. */
  get fieldProblemTexts(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.fieldProblems).map(([field, problem]) => [field, problemText(problem)]),
    );
  }
}

export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when the session has ended (expired, signed out elsewhere): the app returns to sign-in. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(response.status, errorBodyOf(parsed, response));
    if (error.isUnauthenticated) for (const listener of unauthenticatedListeners) listener(error);
    throw error;
  }
  return parsed as T;
}

function errorBodyOf(parsed: unknown, response: Response): ApiErrorBody {
  if (parsed && typeof parsed === 'object' && 'error' in parsed) {
    const error = (parsed as { error: Partial<ApiErrorBody> }).error;
    return {
      code: error.code ?? 'UNKNOWN',
      message: error.message ?? response.statusText,
      details: error.details ?? {},
    };
  }
  return {
    code: response.status >= 500 ? 'INTERNAL' : 'UNKNOWN',
    message: response.statusText,
    details: {},
  };
}

export const api = {
  get: <T>(path: string, query: Record<string, QueryValue> = {}) =>
    request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown = {}) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
