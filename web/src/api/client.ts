/**
 * The studio's only way to the server: same-origin requests that carry the session cookie, and on writes the CSRF
 * token the server put in a readable cookie. Every failure becomes a StudioError with a message fit to show.
 */
import { describeRefusal, formatWait } from './refusals';

const csrfCookie = 'kinora_csrf';

export class StudioError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly param: string | null = null,
    /** Seconds to wait before trying again (rate limits). */
    readonly retryAfter: number | null = null,
    /** A short heading for a refusal about limits or policy (see refusals.ts); null for other errors. */
    readonly title: string | null = null,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}

function csrfToken(): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${csrfCookie}=`));
  return match ? decodeURIComponent(match.slice(csrfCookie.length + 1)) : '';
}

/** What the person should read when the server answered with an error (OpenAI's error JSON when it can). */
async function errorFrom(response: Response, path: string): Promise<StudioError> {
  const retryAfter = Number(response.headers.get('retry-after')) || null;
  let body: { error?: { message?: string; code?: string | null; param?: string | null } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's page, say): fall back to the status below.
  }
  const code = body.error?.code ?? null;
  let message = body.error?.message ?? `The server answered ${response.status} ${response.statusText}.`;
  // Sign-in answers 401 for a wrong key and says so; elsewhere a 401 means the session is gone.
  if (response.status === 401 && !path.startsWith('/studio/')) message = 'You are signed out: the session ended or its key was revoked. Reload the page to sign in again.';
  const refusal = describeRefusal(code, message, response.headers);
  if (refusal) message = refusal.message;
  else if (response.status === 429) message = `${message}${retryAfter ? ` Try again in ${formatWait(retryAfter)}.` : ''}`;
  if (response.status >= 500 && !body.error?.message) message = 'The server had a problem. Try again in a moment.';
  return new StudioError(message, response.status, code, body.error?.param ?? null, retryAfter, refusal?.title ?? null);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-kinora-csrf'] = csrfToken();
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new StudioError('Could not reach the Kinora server. Check your connection and try again.', 0, 'network_error');
  }
  if (!response.ok) throw await errorFrom(response, path);
  return (await response.json()) as T;
}

export const get = <T>(path: string): Promise<T> => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {});
export const del = <T>(path: string): Promise<T> => request<T>('DELETE', path);

export const contentUrl = (id: string, variant: 'video' | 'thumbnail' = 'video'): string =>
  `/v1/videos/${encodeURIComponent(id)}/content${variant === 'video' ? '' : `?variant=${variant}`}`;

export const publicContentUrl = (id: string, variant: 'video' | 'thumbnail' = 'video'): string =>
  `/v1/gallery/${encodeURIComponent(id)}/content${variant === 'video' ? '' : `?variant=${variant}`}`;
