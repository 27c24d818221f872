/**
 * The API as the browser tests use it to set a scene quickly (a file at a given stage), before
 * the screens under test take over. Signs in as the demo users with bearer tokens.
 */
import { baseUrl, DEMO_PASSWORD } from './browser';

// Parsed JSON of the API: the tests read what they need and assert on it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export async function apiLogin(username: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) {
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { token: string }).token;
}

export async function apiRequest(
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Json> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (response.status === 204 ? {} : await response.json()) as Json;
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
  }
  return parsed;
}

/** Fires a workflow event at the file's current version; returns the file after it. */
export async function fireEvent(
  token: string,
  file: Json,
  event: string,
  payload: object = {},
): Promise<Json> {
  return apiRequest(token, 'POST', `/cases/${file.id as string}/events`, {
    event,
    version: file.version,
    payload,
  });
}

/** The institution with that code, as the directory gives it (with its units). */
export async function institutionByCode(token: string, code: string): Promise<Json> {
  const found = await apiRequest(token, 'GET', `/institutions?q=${encodeURIComponent(code)}`);
  const institution = (found.items as Json[]).find((i) => i.code === code);
  if (!institution) throw new Error(`no institution ${code}`);
  return institution;
}

export async function institutionIdByCode(token: string, code: string): Promise<string> {
  return (await institutionByCode(token, code)).id as string;
}

/** Waits (up to 30 seconds) for the outbox worker to bring the matter's file into the user's inbox. */
export async function waitForInbox(token: string, matterId: string): Promise<Json> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const inbox = await apiRequest(token, 'GET', '/inbox?limit=500');
    const file = (inbox.items as Json[]).find((f) => f.matterId === matterId);
    if (file) return file;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the referred file of matter ${matterId} never reached the inbox`);
}

/** Waits for the matter's file in the inbox, accepts it and returns the accepted file. */
export async function acceptFromInbox(token: string, matterId: string): Promise<Json> {
  const file = await waitForInbox(token, matterId);
  return apiRequest(token, 'POST', `/cases/${file.id as string}/accept`, {
    version: file.version,
  });
}

/** 'YYYY-MM-DD' in the courts' time zone (the browser's in these tests). */
export function hebronDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Hebron' }).format(date);
}
