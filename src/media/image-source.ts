import { badRequest } from '../domain/errors.js';
import { assertPublicUrl } from '../policy/url-guard.js';

const maxRedirects = 3;
const fetchTimeoutMs = 10_000;

/**
 * The bytes behind an `image_url`: a base64 `data:` URL is decoded in place; an http(s) URL is fetched with the
 * address check applied to every hop, a time limit and a size limit, so a slow or huge answer is cut off.
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
  let url = await assertPublicUrl(raw, param, options.allowPrivate);
  const signal = AbortSignal.timeout(fetchTimeoutMs);
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'image/png,image/jpeg,image/webp' } });
    } catch {
      throw badRequest(`'${param}' could not be fetched (no answer within ${fetchTimeoutMs / 1000} s).`, param, 'image_fetch_failed');
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = await assertPublicUrl(new URL(location, url).toString(), param, options.allowPrivate);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw badRequest(`'${param}' answered HTTP ${response.status}.`, param, 'image_fetch_failed');
    }
    return readCapped(response.body, options.maxBytes, param);
  }
  throw badRequest(`'${param}' redirected more than ${maxRedirects} times.`, param, 'image_fetch_failed');
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, param: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(param, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(param: string, maxBytes: number): Error {
  return badRequest(`'${param}' is larger than ${Math.round(maxBytes / 1048576)} MB.`, param, 'image_too_large');
}
