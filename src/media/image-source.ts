import { badRequest, type ApiError } from '../domain/errors.js';
import { OutboundError, outboundRequest } from '../policy/outbound-http.js';
import { assertPublicUrl, privateAddressRefusal } from '../policy/url-guard.js';

const maxRedirects = 3;
const fetchTimeoutMs = 10_000;

/**
 * The bytes behind an `image_url`: a base64 `data:` URL is decoded in place; an http(s) URL is checked early (for a
 * clear 400), then fetched through the outbound client, which refuses private addresses at every connection and
 * redirect hop and cuts off a slow or huge answer.
 */
export async function loadImageUrl(raw: string, options: { maxBytes: number; allowPrivate: boolean; param: string }): Promise<Buffer> {
  const { param } = options;
  if (raw.startsWith('data:')) {
    const match = /^data:([\w/+.-]*)(;[\w=-]+)*?;base64,(.*)$/s.exec(raw);
    if (!match) throw badRequest(`'${param}' is a data URL but not base64-encoded.`, param, 'invalid_url');
    const bytes = Buffer.from(match[3]!, 'base64');
    if (bytes.length > options.maxBytes) throw tooLarge(param, options.maxBytes);
    return bytes;
  }
  const url = await assertPublicUrl(raw, param, options.allowPrivate);
  try {
    const answer = await outboundRequest(
      url,
      { headers: { accept: 'image/png,image/jpeg,image/webp' }, maxBytes: options.maxBytes, timeoutMs: fetchTimeoutMs, maxRedirects },
      { allowPrivate: options.allowPrivate },
    );
    if (answer.status < 200 || answer.status >= 300) throw badRequest(`'${param}' answered HTTP ${answer.status}.`, param, 'image_fetch_failed');
    return answer.body;
  } catch (error) {
    if (error instanceof OutboundError) throw fetchRefusal(error, param, options.maxBytes);
    throw error;
  }
}

function fetchRefusal(error: OutboundError, param: string, maxBytes: number): ApiError {
  switch (error.reason) {
    case 'too_large':
      return tooLarge(param, maxBytes);
    case 'address_refused':
      return privateAddressRefusal(param);
    case 'invalid_url':
      return badRequest(`'${param}' redirected to a URL this server does not fetch.`, param, 'invalid_url');
    case 'too_many_redirects':
      return badRequest(`'${param}' redirected more than ${maxRedirects} times.`, param, 'image_fetch_failed');
    case 'timeout':
      return badRequest(`'${param}' could not be fetched (no answer within ${fetchTimeoutMs / 1000} s).`, param, 'image_fetch_failed');
    case 'unreachable':
      return badRequest(`'${param}' could not be fetched.`, param, 'image_fetch_failed');
  }
}

function tooLarge(param: string, maxBytes: number): ApiError {
  return badRequest(`'${param}' is larger than ${Math.round(maxBytes / 1048576)} MB.`, param, 'image_too_large');
}
