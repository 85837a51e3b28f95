/**
 * The output frames of a timeline, in order: each is one rendered picture, or a weighted mix of several where shots
 * crossfade or a loop's seam joins the end to the head (compose/sequence.ts says which). Mixing is integer arithmetic
 * on the RGBA bytes, so the same timeline always gives the same bytes.
 */
import { layersOf } from '../compose/sequence.js';
import type { FrameRenderer } from '../render.js';
import type { Backdrop } from './backdrop.js';

/** `into` becomes `into` × (1 − weight) + `layer` × weight, with weight in 256ths. */
function mixInto(into: Uint8Array, layer: Uint8Array, weight: number): void {
  const w = Math.round(weight * 256);
  const keep = 256 - w;
  for (let i = 0; i < into.length; i++) into[i] = ((into[i] as number) * keep + (layer[i] as number) * w + 128) >> 8;
}

/**
 * Render every output frame in order, handing each to `sink` before drawing the next. Yields to the event loop once
 * per frame: @napi-rs/canvas frees getImageData's 8 MB buffers only when finalizers run, so a tight loop grows memory
 * by a frame per frame and slows to a crawl (measured: 2 GB after 250 1080p frames).
 */
export async function renderSequence(
  renderer: FrameRenderer,
  sink: (pixels: Uint8Array, frame: number) => Promise<void>,
  options: { signal?: AbortSignal; backdrop?: Backdrop } = {},
): Promise<void> {
  const { timeline } = renderer;
  // The mix of a blended frame, kept between frames so no buffer is allocated per frame.
  let mixed: Uint8Array | null = null;
  for (let frame = 0; frame < timeline.frames; frame++) {
    options.signal?.throwIfAborted();
    const layers = layersOf(timeline, frame);
    let pixels: Uint8Array | null = null;
    let weightSoFar = 0;
    for (const layer of layers) {
      await options.backdrop?.load(layer.frame);
      renderer.render(layer.frame, timeline.shots[layer.shot]);
      const drawn = renderer.pixels();
      weightSoFar += layer.weight;
      if (layers.length === 1) {
        pixels = drawn;
      } else if (!pixels) {
        mixed ??= new Uint8Array(drawn.length);
        mixed.set(drawn);
        pixels = mixed;
      } else {
        // Each layer's share of what is mixed so far, so the final weights are the layers' own.
        mixInto(pixels, drawn, layer.weight / weightSoFar);
      }
    }
    await sink(pixels as Uint8Array, frame);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
