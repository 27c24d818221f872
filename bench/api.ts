/**
 * A small client of Qadiya's HTTP API for preparing a run (signing in, topping up files, handing a
 * caseload to the bench prosecutor). The measured load goes through autocannon, not through this.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const { token } = await new ApiClient(baseUrl).send<{ token: string }>(
      'POST',
      '/api/v1/auth/login',
      { username, password },
    );
    return new ApiClient(baseUrl, token);
  }

  get bearer(): string {
    if (!this.token) throw new Error('not signed in');
    return this.token;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, text, `${method} ${path}`);
    return JSON.parse(text) as T;
  }
}
