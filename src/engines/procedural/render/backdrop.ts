/**
 * A picture the scene is drawn over instead of drawn scenery: an input image, animated with a slow push-in and pan
 * whose parallax comes from a guess at the picture's depth, or the frames of an input video (video-backdrop.ts).
 * Either is lit for the shot's time of day and weather, as drawn scenery is, so the subjects, weather and grade
 * drawn over it sit in the same light.
 */
import { Canvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { lit, sceneLight, shadesNoticeably } from '../palette.js';
import type { ShotTrack, Timeline } from '../timeline.js';
import { depthBands, guessHorizon } from './depth-bands.js';

export interface Backdrop {
  /** Get the picture of timeline frame `frame` ready (a video decodes up to it); call before draw() for it. */
  load(frame: number): Promise<void>;
  /** Paint the picture of `frame` over the whole canvas, lit for `shot`. */
  draw(ctx: SKRSContext2D, frame: number, shot: ShotTrack): void;
  /** Let go of what it holds (a video's ffmpeg). */
  close(): void;
}

/** How far the nearest band pushes in over the clip (fraction of the frame). */
const PUSH_IN = 0.12;
/** Sideways drift, as a share of what the push-in leaves spare at each side (under 1, so no edge ever shows). */
const DRIFT = 0.6;
/** Soft seam between bands, as a fraction of the frame height. */
const FEATHER = 0.15;
/** Rows a band is drawn past where the next one turns opaque (fraction of the height). */
const BAND_OVERLAP = 0.03;
/** Side of the thumbnail the depth is guessed on. */
const THUMB = 64;

/**
 * The shot's light over the picture: a multiply by the colour white turns into under this light, the rule that
 * lights drawn scenery and sprites. Daylight that hardly dims or tints leaves the picture as it is.
 */
export function lightBackdrop(ctx: SKRSContext2D, shot: ShotTrack, width: number, height: number): void {
  const light = sceneLight(shot.setting, shot.timeOfDay, shot.weather, shot.style);
  if (!shadesNoticeably(light)) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'multiply';
  ctx.fillStyle = lit('#ffffff', light);
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

/** `image` cover-fitted (scaled to fill, centred, overflow cut) into a canvas of `width` x `height`. */
function coverFit(image: Image, width: number, height: number): Canvas {
  const canvas = new Canvas(width, height);
  const ctx = canvas.getContext('2d');
  const scale = Math.max(width / image.width, height / image.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, (width - image.width * scale) / 2, (height - image.height * scale) / 2, image.width * scale, image.height * scale);
  return canvas;
}

/** The picture kept only below `top` (fraction of the height), fading in over the feather above it. */
function maskedBelow(picture: Canvas, top: number): Canvas {
  const { width, height } = picture;
  const canvas = new Canvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(picture, 0, 0);
  ctx.globalCompositeOperation = 'destination-in';
  const y0 = Math.max(0, top - FEATHER / 2) * height;
  const y1 = Math.min(1, top + FEATHER / 2) * height;
  const mask = ctx.createLinearGradient(0, y0, 0, y1);
  mask.addColorStop(0, 'rgba(0,0,0,0)');
  mask.addColorStop(1, 'rgba(0,0,0,1)');
  ctx.fillStyle = mask;
  ctx.fillRect(0, 0, width, height);
  return canvas;
}

/** One depth band ready to draw: the picture masked to the band, and the rows (fractions) worth drawing. */
interface BandLayer {
  canvas: Canvas;
  depth: number;
  from: number;
  to: number;
}

/** An input image moving as if filmed: bands further back push in and drift less than nearer ones. */
class ImageBackdrop implements Backdrop {
  private readonly layers: BandLayer[];
  private readonly horizon: number;
  private readonly drift: 1 | -1;

  constructor(image: Image, private readonly timeline: Timeline) {
    const { width, height } = timeline;
    const thumb = coverFit(image, THUMB, Math.max(8, Math.round((THUMB * height) / width)));
    const pixels = thumb.getContext('2d').getImageData(0, 0, thumb.width, thumb.height);
    this.horizon = guessHorizon(pixels.data, thumb.width, thumb.height);
    const picture = coverFit(image, width, height);
    const bands = depthBands(this.horizon);
    this.layers = bands.map((band, i) => {
      const next = bands[i + 1];
      return {
        canvas: band.top > 0 ? maskedBelow(picture, band.top) : picture,
        depth: band.depth,
        // A band is hidden where the next one is opaque; it is drawn a little past that, as the nearer band's faster
        // push-in pulls its edge down.
        from: Math.max(0, band.top - FEATHER / 2),
        to: next ? Math.min(1, next.top + FEATHER / 2 + BAND_OVERLAP) : 1,
      };
    });
    this.drift = timeline.seed % 2 ? 1 : -1;
  }

  async load(): Promise<void> {}

  /** How far along its move the camera is at `frame`: 0 at the start; a loop goes out and comes back. */
  private progress(frame: number): number {
    const { frames, loopSeam } = this.timeline;
    if (loopSeam > 0) return 0.5 - 0.5 * Math.cos((2 * Math.PI * frame) / frames);
    return frames > 1 ? frame / (frames - 1) : 0;
  }

  draw(ctx: SKRSContext2D, frame: number, shot: ShotTrack): void {
    const { width, height } = this.timeline;
    const p = this.progress(frame);
    ctx.save();
    if (p === 0) {
      // At rest every band lines up: the picture as it is.
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(this.layers[0]!.canvas, 0, 0);
    } else {
      // Pushing in toward a point on the horizon: what is below it (nearer) spreads down and out faster. The scale
      // stays within 1..1+PUSH_IN, where bilinear sampling is as good as the costlier filters and several times faster.
      ctx.imageSmoothingQuality = 'low';
      const focusX = width / 2;
      const focusY = height * this.horizon;
      for (const layer of this.layers) {
        const zoom = 1 + PUSH_IN * layer.depth * p;
        const shift = this.drift * DRIFT * (zoom - 1) * (width / 2);
        ctx.setTransform(zoom, 0, 0, zoom, focusX * (1 - zoom) + shift, focusY * (1 - zoom));
        const y = Math.floor(layer.from * height);
        const rows = Math.ceil(layer.to * height) - y;
        ctx.drawImage(layer.canvas, 0, y, width, rows, 0, y, width, rows);
      }
    }
    ctx.restore();
    lightBackdrop(ctx, shot, width, height);
  }

  close(): void {}
}

/** The input image at `file` as a backdrop for `timeline`. */
export async function loadImageBackdrop(file: string, timeline: Timeline): Promise<Backdrop> {
  return new ImageBackdrop(await loadImage(file), timeline);
}
