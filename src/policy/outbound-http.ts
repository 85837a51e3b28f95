import { lookup as systemLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { isPublicAddress } from './url-guard.js';

/**
 * The one HTTP client for every URL the server fetches on a user's behalf (remote `input_reference` images, webhook
 * targets). The real SSRF guard sits here, at connect time: the address each connection is about to open, after DNS
 * resolution, must be public. A name that resolves to a public address for the early check and to 127.0.0.1 a moment
 * later (DNS rebinding) is refused here, and so is every redirect hop, because each hop is a new connection.
 *
 * Operator-configured upstreams (KINORA_UPSTREAM_URL, KINORA_COMFYUI_URLS, KINORA_ALERT_WEBHOOK_URL) are trusted
 * configuration that usually lives on the operator's own network, so they do not go through this client.
 */
export interface OutboundPolicy {
  /** KINORA_ALLOW_PRIVATE_URLS: the operator lets user URLs reach private addresses (a LAN deployment, tests). */
  allowPrivate: boolean;
  /** Name resolution; the system resolver unless a test stands in for DNS. */
  lookup?: LookupFunction;
  /** Which resolved addresses may be connected to; public unicast ones unless a test stands in for the internet. */
  isAllowedAddress?: (address: string) => boolean;
}

export interface OutboundRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The answer's body is cut off past this many bytes: an OutboundError `too_large`, or with `truncate` just the first bytes. */
  maxBytes: number;
  truncate?: boolean;
  /** For the whole exchange, every redirect hop included. */
  timeoutMs: number;
  /** 3xx answers followed, each hop a new guarded connection; 0 answers them as they are (a webhook's 3xx is a failure). */
  maxRedirects: number;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The URL that gave this answer, after redirects. */
  url: URL;
}

export type OutboundFailure = 'address_refused' | 'invalid_url' | 'timeout' | 'too_large' | 'too_many_redirects' | 'unreachable';

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutboundError';
  }
}

/** Sends one request under the policy; throws OutboundError for anything but an HTTP answer within the limits. */
export async function outboundRequest(raw: string | URL, init: OutboundRequest, policy: OutboundPolicy): Promise<OutboundResponse> {
  const agent = new Agent({ connect: guardedConnector(policy) });
  const signal = AbortSignal.timeout(init.timeoutMs);
  try {
    let url = parseHttpUrl(raw);
    for (let hop = 0; ; hop++) {
      const answer = await send(url, init, agent, signal);
      const location = header(answer.headers, 'location');
      const redirect = answer.statusCode >= 300 && answer.statusCode < 400 && location !== undefined && init.maxRedirects > 0;
      if (!redirect) return { status: answer.statusCode, headers: answer.headers, body: await readCapped(answer.body, init.maxBytes, init.truncate ?? false), url };
      await answer.body.dump();
      if (hop >= init.maxRedirects) throw new OutboundError('too_many_redirects', `more than ${init.maxRedirects} redirects`);
      url = parseHttpUrl(new URL(location, url));
    }
  } catch (error) {
    throw asOutboundError(error, signal, init.timeoutMs);
  } finally {
    await agent.destroy();
  }
}

/** Connects only to allowed addresses: literal IPs are checked here (Node skips lookup for them), names after DNS. */
function guardedConnector(policy: OutboundPolicy): buildConnector.connector {
  const allowed = policy.allowPrivate ? () => true : (policy.isAllowedAddress ?? isPublicAddress);
  const connect = buildConnector({ lookup: guardedLookup(policy.lookup ?? systemLookup, allowed) });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 && !allowed(host)) return callback(refused(host, host), null);
    connect(options, callback);
  };
}

/** Resolves, then refuses the whole answer if any address in it is not allowed (the socket would pick one of them). */
function guardedLookup(resolve: LookupFunction, allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      const bad = addresses.find((candidate) => !allowed(candidate));
      if (bad !== undefined) return callback(refused(hostname, bad), address, family);
      callback(null, address, family);
    });
  };
}

function refused(host: string, address: string): OutboundError {
  return new OutboundError('address_refused', `${host} is ${address}, a private or reserved address, which this server does not connect to`);
}

function parseHttpUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('invalid_url', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError('invalid_url', `${url.protocol} URLs are not fetched`);
  return url;
}

function send(url: URL, init: OutboundRequest, dispatcher: Agent, signal: AbortSignal) {
  return request(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, dispatcher, signal, headersTimeout: init.timeoutMs, bodyTimeout: init.timeoutMs });
}

function header(headers: OutboundResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy: () => unknown }, maxBytes: number, truncate: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > maxBytes) {
      body.destroy();
      if (!truncate) throw new OutboundError('too_large', `the answer is larger than ${maxBytes} bytes`);
      return Buffer.concat(chunks).subarray(0, maxBytes);
    }
  }
  return Buffer.concat(chunks);
}

/** undici wraps connector errors; the refusal is found in the cause chain so callers can say why. */
function asOutboundError(error: unknown, signal: AbortSignal, timeoutMs: number): OutboundError {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof OutboundError) return cause;
  }
  if (signal.aborted) return new OutboundError('timeout', `no complete answer within ${timeoutMs / 1000} s`, { cause: error });
  return new OutboundError('unreachable', error instanceof Error ? error.message : String(error), { cause: error });
}
