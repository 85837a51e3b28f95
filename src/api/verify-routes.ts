import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { badRequest } from '../domain/errors.js';
import type { Verifier } from '../provenance/verify-mp4.js';
import { parseInput, uploadedFileSchema } from '../services/video-request.js';
import { escapeHtml, sendHtml } from './html-page.js';
import { readMultipartBody } from './multipart-body.js';
import { sendJson } from './route-helpers.js';

const verifySchema = z.object({ file: uploadedFileSchema }).strict();

/** Where the "Signed · C2PA" badges link: how to check a video, and a form that does it (no script needed). */
const howToVerifyPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark">
<title>Verify a Kinora video</title>
<link rel="stylesheet" href="/share.css">
</head>
<body>
<main>
<h1>Verify a video's provenance</h1>
<p>Every video Kinora makes carries a signed <a href="https://c2pa.org/" rel="noopener">C2PA</a> manifest inside its MP4:
what made it (model, seed, a hash of the prompt, the credited artists), signed by this Kinora's key. Checking it tells
you whether the signature holds and whether the file was changed after it was signed. A re-encoded or trimmed copy
loses the manifest: it is then recognised by its picture as an altered copy of the video it came from.</p>
<form method="post" action="/v1/verify" enctype="multipart/form-data">
<p><input type="file" name="file" accept="video/mp4" required> <button type="submit">Verify</button></p>
</form>
<p>From a terminal: <code>curl -F file=@video.mp4 ORIGIN/v1/verify</code> or <code>kinora verify video.mp4</code>.
Any C2PA reader (such as c2patool or contentcredentials.org/verify) reads the manifest too.</p>
<p class="make"><a href="/">Kinora</a> · <a href="/gallery">Gallery</a></p>
</main>
</body>
</html>
`;

/**
 * `POST /v1/verify`: anyone may check a video's provenance, so it needs no key. The upload is bounded by the
 * multipart limits (the server's upload limit, 413 beyond it) and is only read in memory, never stored.
 */
export function registerVerifyRoutes(app: FastifyInstance, deps: { verifier: Verifier }): void {
  app.get('/verify', (request, reply) => sendHtml(reply, howToVerifyPage.replace('ORIGIN', escapeHtml(`${request.protocol}://${request.host}`))));

  app.post('/v1/verify', async (request, reply) => {
    if (!request.isMultipart()) throw badRequest('Upload the video as multipart/form-data in the field file.', 'file', 'invalid_request');
    const { file } = parseInput(verifySchema, await readMultipartBody(request));
    if (file.buffer.length === 0) throw badRequest('The uploaded file is empty.', 'file', 'empty_file');
    return sendJson(reply, { object: 'provenance.verification', filename: file.filename, ...(await deps.verifier(file.buffer)) });
  });
}
