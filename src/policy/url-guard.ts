import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { badRequest } from '../domain/errors.js';

/**
 * Outbound URLs that come from users must not reach the operator's own network: loopback, private, link-local
 * (cloud metadata lives there), multicast and reserved ranges are refused unless the operator allows them.
 * Every address a name resolves to is checked, and callers re-check after each redirect.
 */
export async function assertPublicUrl(raw: string, param: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest(`'${param}' is not a valid URL.`, param, 'invalid_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badRequest(`'${param}' must be an http(s) URL or a data: URL.`, param, 'invalid_url');
  }
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await resolveAll(host, param);
  for (const address of addresses) {
    const parsed = ipaddr.process(address);
    if (parsed.range() !== 'unicast') {
      throw badRequest(`'${param}' points at a private or reserved address, which this server does not fetch.`, param, 'url_not_allowed');
    }
  }
  return url;
}

async function resolveAll(host: string, param: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw badRequest(`'${param}': the host ${host} could not be resolved.`, param, 'invalid_url');
  }
}
