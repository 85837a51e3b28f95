import type { FastifyReply } from 'fastify';

/** Only this server's own files: no inline script or style, no other origin, no framing. */
export const studioCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** An HTML page with the studio's CSP (nosniff and the referrer policy come with every response: response-headers.ts). */
export function sendHtml(reply: FastifyReply, html: string | Buffer, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', studioCsp)
    .header('cache-control', 'no-cache')
    .send(html);
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that change how the text around them reads (bidi overrides and isolates: "evil\u202Egnp.exe") or that
 * HTML forbids (control characters other than tab and line breaks). A user's text (a prompt) may hold them; a page
 * shows it without them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisibleCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(invisibleCharacters, '').replace(/[&<>"']/g, (c) => entities[c]!);
}
