/**
 * The cached scenery must look like the scenery drawn the plain way: every item painted live, every frame, back to
 * front. Both are drawn for cameras that slide (pan, tilt), zoom and roll, and compared pixel by pixel.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { frameDiff } from '../../../../test/helpers/frames.js';
import { compose, sampleFrame } from '../compose.js';
import { planPrompt } from '../parse.js';
import type { ShotTrack, Timeline } from '../timeline.js';
import { LayerPainter } from './layer-painter.js';
import { layerMatrix, layerRange, layerZoom, translated, type Camera, type FrameGeometry, type Matrix } from './parallax.js';
import { ShotScenery } from './shot-scenery.js';
import { buildCloudShapes, cloudPosition, drawSkyBodies, fillSkyGradient, paintCloud, skyGradientRows } from './sky.js';

const W = 480;
const H = 270;

const setMatrix = (ctx: SKRSContext2D, m: Matrix): void => ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f);

/** Sky and layers painted live, item by item, the way a frame was drawn before any caching. */
function drawLive(ctx: SKRSContext2D, shot: ShotTrack, frame: FrameGeometry, cam: Camera, t: number): void {
  const { sky, horizon } = shot;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (sky.visible) {
    const cy = frame.view.h / 2 + (cam.y - frame.view.h / 2) * 0.05;
    const [top, bottom] = skyGradientRows(H, H / 2 + frame.unit * layerZoom(0.05, cam) * (horizon - cy));
    fillSkyGradient(ctx, sky, top, bottom, { x: 0, y: 0, w: W, h: H });
    setMatrix(ctx, layerMatrix(frame, 0.03, cam));
    drawSkyBodies(ctx, sky, frame.view, horizon, layerRange(frame, shot, 0.03), t, frame.unit);
    for (const shape of buildCloudShapes(sky)) {
      const { x, y } = cloudPosition(sky, shape, horizon, layerRange(frame, shot, 0.08), t);
      setMatrix(ctx, translated(layerMatrix(frame, 0.08, cam), x, y));
      ctx.scale(shape.size, shape.size * 0.8);
      paintCloud(ctx, sky, shape);
    }
  } else {
    ctx.fillStyle = sky.bottom;
    ctx.fillRect(0, 0, W, H);
  }
  const painter = new LayerPainter(horizon, frame.view);
  shot.layers.forEach((layer, li) => {
    setMatrix(ctx, layerMatrix(frame, layer.depth, cam));
    layer.items.forEach((item, i) => painter.drawItem(ctx, item, `${li}:${i}`, layerRange(frame, shot, layer.depth), t));
  });
}

function drawCached(ctx: SKRSContext2D, scenery: ShotScenery, shot: ShotTrack, cam: Camera, t: number): void {
  scenery.beginFrame(cam);
  scenery.drawSky(ctx, cam, t);
  shot.layers.forEach((_, li) => scenery.drawLayer(ctx, li, t));
}

/** Share of pixels whose colour differs by more than `step` levels in some channel. */
function changedShare(a: Uint8Array, b: Uint8Array, step: number): number {
  let changed = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.max(Math.abs((a[i] as number) - (b[i] as number)), Math.abs((a[i + 1] as number) - (b[i + 1] as number)), Math.abs((a[i + 2] as number) - (b[i + 2] as number))) > step) changed++;
  }
  return changed / (a.length / 4);
}

describe('cached scenery', () => {
  it.each([
    'a pine forest with mountains at noon, the camera pans right',
    'a city skyline at night, the camera tilts up',
    'a desert canyon at sunset, the camera zooms in',
    'a beach with palm trees at dawn, orbit camera',
    'a snowy village at dusk, static camera',
  ])('looks like the scenery drawn live: %s', (prompt) => {
    const timeline: Timeline = compose({ plan: planPrompt(prompt, { seconds: 2 }), seed: 4, width: W, height: H, seconds: 2 });
    const shot = timeline.shots[0] as ShotTrack;
    const frame: FrameGeometry = { width: W, height: H, unit: Math.min(W, H), view: timeline.view };
    const scenery = new ShotScenery(shot, frame, timeline.fps);
    const cached = new Canvas(W, H);
    const live = new Canvas(W, H);
    for (const i of [0, 17, 30, 47]) {
      const { camera, t } = sampleFrame(timeline, i, shot);
      drawCached(cached.getContext('2d'), scenery, shot, camera, t);
      drawLive(live.getContext('2d'), shot, frame, camera, t);
      const a = new Uint8Array(cached.getContext('2d').getImageData(0, 0, W, H).data.buffer);
      const b = new Uint8Array(live.getContext('2d').getImageData(0, 0, W, H).data.buffer);
      // Sub-pixel placement and resampling move edges by a fraction of a pixel; nothing may be missing or misplaced.
      expect(frameDiff(a, b), `frame ${i}`).toBeLessThan(1.5);
      expect(changedShare(a, b, 48), `frame ${i}`).toBeLessThan(0.005);
    }
    scenery.release();
  });
});
