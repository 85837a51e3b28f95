import type { TestServer } from './kinora-server.js';

/** What a browser would hold once the studio started its session: its cookies, and the CSRF token it may read. */
export interface BrowserSession {
  cookie: string;
  csrf: string;
  setCookies: string[];
  response: Response;
}

export const cookieValue = (setCookies: string[], name: string): string | undefined =>
  setCookies.find((line) => line.startsWith(`${name}=`))?.split(';')[0]!.slice(name.length + 1);

/** What the browser keeps from an answer that starts a session (a sign-in, or a guest visit). */
export function sessionFrom(response: Response): BrowserSession {
  const setCookies = response.headers.getSetCookie();
  const session = cookieValue(setCookies, 'kinora_session') ?? '';
  const csrf = cookieValue(setCookies, 'kinora_csrf') ?? '';
  return { cookie: `kinora_session=${session}; kinora_csrf=${csrf}`, csrf, setCookies, response };
}

/** Signs in as the studio page does: the key in a JSON body, once. */
export async function signIn(server: TestServer, apiKey = server.adminKey): Promise<BrowserSession> {
  const response = await fetch(`${server.url}/studio/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: apiKey }),
  });
  return sessionFrom(response);
}

/** A request the studio page would send: cookies always, the CSRF header when `csrf` is given. */
export function asBrowser(server: TestServer, session: BrowserSession, route: string, init: RequestInit & { csrf?: string; origin?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie: session.cookie, ...(init.headers as Record<string, string> | undefined) };
  if (init.csrf !== undefined) headers['x-kinora-csrf'] = init.csrf;
  if (init.origin !== undefined) headers.origin = init.origin;
  if (typeof init.body === 'string') headers['content-type'] = 'application/json';
  return fetch(`${server.url}${route}`, { ...init, headers });
}
