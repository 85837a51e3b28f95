/**
 * The first render of a fresh process used to pay, while its person waited for the preview, for everything loaded on
 * first use: the lexicon, the icon sets and their parser, Skia's fonts and codecs, and the JIT's first pass over the
 * drawing code (measured: 1.4–1.9 s to the first preview cold, against 0.3–0.8 s warm). Drawing one small first
 * frame and its preview still when a worker starts moves that cost off the request path.
 */
import { compose, DEFAULT_FPS } from './compose.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';

/** Words that reach the common paths: a Fluent sprite and a silhouette, scenery, weather, light and a camera move. */
export const warmUpPrompt = 'a red fox and a deer running through a snowy forest at dusk while the camera pans right';

export async function warmUpProcedural(): Promise<void> {
  const plan = planPrompt(warmUpPrompt, { seconds: 1 });
  const timeline = compose({ plan, seed: 1, width: 480, height: 854, seconds: 1, fps: DEFAULT_FPS, imageBackdrop: false, loop: false, transition: 'cut' });
  const renderer = new FrameRenderer(timeline);
  await renderer.prepare();
  renderer.render(0);
  renderer.pixels();
  // At the preview's own size (render/preview.ts), so the JPEG encoder is loaded too.
  await renderer.canvas.encode('jpeg', 80);
}
