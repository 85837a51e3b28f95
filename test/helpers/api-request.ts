import type { TestServer } from './kinora-server.js';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T & { error?: { message: string; type: string; param: string | null; code: string | null } };
}

/** One request to the real server, with a key (or none: `null`) and an optional JSON body; answers the parsed JSON. */
export async function apiRequest<T = Record<string, unknown>>(
  server: TestServer,
  method: string,
  route: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const key = options.key === undefined ? server.adminKey : options.key;
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      ...(key !== null && { authorization: `Bearer ${key}` }),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : {}) as ApiResponse<T>['json'] };
}
