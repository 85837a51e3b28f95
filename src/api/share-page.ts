import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VideoRecord } from '../domain/video.js';
import { ApiError } from '../domain/errors.js';
import { artworkCredits } from '../services/artwork-credits.js';
import type { GalleryService } from '../services/gallery-service.js';
import { escapeHtml, sendHtml } from './html-page.js';

const excerpt = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/share.css">
${head}
</head>
<body>
<main>
${body}
<p class="make"><a href="/">Make your own with Kinora</a> · <a href="/gallery">Gallery</a></p>
</main>
</body>
</html>
`;
}

/** The share page of a published video: it plays without signing in and unfurls with its thumbnail. */
export function renderSharePage(video: VideoRecord, origin: string): string {
  const base = `${origin}/v1/gallery/${video.id}/content`;
  const [width, height] = video.size.split('x');
  const title = `${excerpt(video.prompt, 70)} — Kinora`;
  const description = `A ${video.seconds} s video made by ${video.model} from the prompt: ${excerpt(video.prompt, 200)} (seed ${video.seed})`;
  const meta = (attribute: 'property' | 'name', name: string, content: string): string =>
    `<meta ${attribute}="${name}" content="${escapeHtml(content)}">`;
  const head = [
    meta('name', 'description', description),
    meta('property', 'og:type', 'video.other'),
    meta('property', 'og:site_name', 'Kinora'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', `${origin}/v/${video.id}`),
    meta('property', 'og:image', `${base}?variant=thumbnail`),
    meta('property', 'og:image:type', 'image/webp'),
    meta('property', 'og:image:width', width ?? ''),
    meta('property', 'og:image:height', height ?? ''),
    meta('property', 'og:video', base),
    meta('property', 'og:video:type', 'video/mp4'),
    meta('property', 'og:video:width', width ?? ''),
    meta('property', 'og:video:height', height ?? ''),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', `${base}?variant=thumbnail`),
  ].join('\n');
  const credits = artworkCredits(video.plan);
  const creditList = credits.length
    ? `<ul class="credits">${credits.map((c) => `<li><a href="${escapeHtml(c.url)}" rel="noopener">${escapeHtml(c.name)}</a> (${escapeHtml(c.license)})</li>`).join('')}</ul>`
    : '<p class="muted">Drawn by Kinora itself: no third-party artwork.</p>';
  const body = `<h1>${escapeHtml(excerpt(video.prompt, 120))}</h1>
<video class="player" src="/v1/gallery/${video.id}/content" poster="/v1/gallery/${video.id}/content?variant=thumbnail" controls loop playsinline preload="metadata" width="${escapeHtml(width ?? '')}" height="${escapeHtml(height ?? '')}"></video>
<dl class="facts">
<dt>Prompt</dt><dd class="prompt">${escapeHtml(video.prompt)}</dd>
<dt>Seed</dt><dd><code>${video.seed}</code></dd>
<dt>Model</dt><dd>${escapeHtml(video.model)}</dd>
<dt>Size</dt><dd>${escapeHtml(video.size)} · ${video.seconds} s${video.hasAudio ? ' · with sound' : ''}</dd>
<dt>Artwork</dt><dd>${creditList}</dd>
${artistCredits(video)}<dt>Provenance</dt><dd>${provenanceBadge(video)}</dd>
</dl>`;
  return page(title, head, body);
}

/** "Signed · C2PA" linking to how to check it, when its MP4 carries Kinora's signed manifest. */
function provenanceBadge(video: VideoRecord): string {
  const signed = video.provenance;
  if (!signed) return '<span class="badge">Not signed</span>';
  const when = new Date(signed.signed_at * 1000).toISOString().slice(0, 10);
  const title = `C2PA manifest signed by ${signed.signer} on ${when}: download the video and check it at /verify`;
  const mark = video.watermark ? ' <span class="muted">· visible corner mark</span>' : '';
  return `<a class="badge signed" href="/verify" title="${escapeHtml(title)}">Signed · C2PA</a>${mark}`;
}

/** The registered artists the prompt named, who consented to be credited (and, for a licence, paid). */
function artistCredits(video: VideoRecord): string {
  if (video.credits.length === 0) return '';
  const items = video.credits.map((c) => `<li>${escapeHtml(c.name)}${c.policy === 'license' ? ' (licensed)' : ''}</li>`).join('');
  return `<dt>Artists</dt><dd><ul class="credits artists">${items}</ul></dd>\n`;
}

function notFoundPage(): string {
  return page('Not found — Kinora', '', '<h1>This video is not shared</h1><p>It does not exist, or its owner has not published it.</p>');
}

/** `GET /v/{id}`: rendered by the server so it works without the studio's script and unfurls in chat apps. */
export function registerSharePage(app: FastifyInstance, deps: { gallery: GalleryService }): void {
  app.get('/v/:video_id', async (request: FastifyRequest, reply) => {
    const id = (request.params as { video_id: string }).video_id;
    try {
      const video = await deps.gallery.published(id);
      return sendHtml(reply, renderSharePage(video, `${request.protocol}://${request.host}`));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return sendHtml(reply, notFoundPage(), 404);
      throw error;
    }
  });
}
