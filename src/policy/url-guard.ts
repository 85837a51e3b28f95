import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { badRequest, type ApiError } from '../domain/errors.js';

/**
 * Whether an address is plain public unicast. Everything else is refused for user URLs: loopback, private, link-local
 * (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved, unspecified, and the IPv6 forms that embed an IPv4
 * address (IPv4-mapped is unwrapped first, so `::ffff:127.0.0.1` is judged as 127.0.0.1; 6to4, Teredo and NAT64 are
 * not unicast in ipaddr.js's table and are refused whole).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The 400 for a user URL that reaches a private or reserved address, found early or at connect time. */
export function privateAddressRefusal(param: string): ApiError {
  return badRequest(`'${param}' points at a private or reserved address, which this server does not fetch.`, param, 'url_not_allowed');
}

/**
 * The early check of a URL a user gives (an image to fetch, a webhook to register), for a clear 400 at the request
 * that named it. It is not the guard: names can resolve differently later (DNS rebinding) and redirects can point
 * anywhere, so outbound-http.ts checks the address of every connection it opens.
 */
export async function assertPublicUrl(raw: string, param: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest(`'${param}' is not a valid URL.`, param, 'invalid_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badRequest(`'${param}' must be an http(s) URL.`, param, 'invalid_url');
  }
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await resolveAll(host, param);
  if (!addresses.every(isPublicAddress)) throw privateAddressRefusal(param);
  return url;
}

async function resolveAll(host: string, param: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw badRequest(`'${param}': the host ${host} could not be resolved.`, param, 'invalid_url');
  }
}
