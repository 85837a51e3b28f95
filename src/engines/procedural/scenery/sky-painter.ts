/**
 * The sky of one shot, drawn from caches. When the camera never tilts, zooms or rolls, the gradient, nebula, sun and
 * moon are one cached picture at the sky's depth, with only the twinkling stars drawn live on top. Otherwise the
 * gradient (which runs in screen space) is a cached strip copied at the row the horizon puts it, and the bodies are
 * drawn live. Each cloud is a cached picture of its own, moved every frame.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ShotTrack } from '../timeline.js';
import { CachedPicture, placementFor } from './cached-picture.js';
import { layerCentre, layerMatrix, layerRange, layerZoom, translated, worldYAtRow, type Camera, type FrameGeometry, type Matrix } from './parallax.js';
import {
  buildCloudShapes, cloudPosition, drawMoon, drawNebula, drawSkyBodies, drawStars, drawSun, fillSkyGradient, paintCloud, skyDiscs,
  skyGradientRows, type CloudShape,
} from './sky.js';

/** Parallax depths of the sky's bodies and of the clouds: both barely move with the camera. */
const SKY_DEPTH = 0.03;
const CLOUD_DEPTH = 0.08;
/** The horizon follows the camera more than the bodies do, so a tilt shows more sky or more ground. */
const GRADIENT_DEPTH = 0.05;
/** The gradient runs over 1.2 frame heights (see skyGradientRows). */
const GRADIENT_SPAN = 1.2;

/** Clouds are drawn squashed to this share of their height. */
const CLOUD_SQUASH = 0.8;

export class SkyPainter {
  private readonly range;
  private readonly cloudRange;
  /** Gradient, nebula, sun and moon at the sky's depth, when the camera keeps them still relative to each other. */
  readonly picture: CachedPicture | null;
  /** Otherwise: the gradient alone, one frame wide, from its top colour to its bottom colour. */
  private strip: Canvas | null = null;
  private readonly clouds: Array<{ shape: CloudShape; picture: CachedPicture }>;

  /** `cameras`: the camera of every frame the shot will draw, `fps` apart. */
  constructor(private readonly shot: ShotTrack, private readonly frame: FrameGeometry, cameras: Camera[], private readonly fps: number) {
    this.range = layerRange(frame, shot, SKY_DEPTH);
    this.cloudRange = layerRange(frame, shot, CLOUD_DEPTH);
    const first = cameras[0] as Camera;
    const still = cameras.every((cam) => cam.rot === 0 && cam.y === first.y && cam.zoom === first.zoom);
    this.picture = shot.sky.visible && still ? this.skyPicture(cameras) : null;
    this.clouds = shot.sky.visible ? buildCloudShapes(shot.sky).map((shape) => ({ shape, picture: this.cloudPicture(shape, cameras) })) : [];
  }

  /** Draw the sky (or, where a backdrop hides it, the plain colour under it) above screen row `coverY`. */
  draw(ctx: SKRSContext2D, cam: Camera, t: number, coverY: number): void {
    const { sky, horizon } = this.shot;
    const { width, view, unit } = this.frame;
    const skyMatrix = layerMatrix(this.frame, SKY_DEPTH, cam);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (!sky.visible) {
      ctx.fillStyle = sky.bottom;
      ctx.fillRect(0, 0, width, coverY);
      return;
    }
    if (this.picture) {
      this.picture.draw(ctx, skyMatrix, width, coverY);
      ctx.setTransform(skyMatrix.a, skyMatrix.b, skyMatrix.c, skyMatrix.d, skyMatrix.e, skyMatrix.f);
      drawStars(ctx, sky, view, horizon, this.range, t, unit, skyDiscs(sky, view, horizon));
    } else {
      this.drawGradient(ctx, cam, coverY);
      ctx.setTransform(skyMatrix.a, skyMatrix.b, skyMatrix.c, skyMatrix.d, skyMatrix.e, skyMatrix.f);
      drawSkyBodies(ctx, sky, view, horizon, this.range, t, unit);
    }
    this.drawClouds(ctx, cam, t, coverY);
  }

  /** Crop the cached sky to the rows some frame shows: above `covers[f]`, the first row the layers hide in frame f. */
  cropHidden(cameras: Camera[], covers: number[]): void {
    this.picture?.crop(Math.max(...cameras.map((cam, f) => worldYAtRow(layerMatrix(this.frame, SKY_DEPTH, cam), covers[f] as number))));
  }

  release(): void {
    this.picture?.release();
    for (const cloud of this.clouds) cloud.picture.release();
    if (this.strip) this.strip.width = this.strip.height = 1;
    this.strip = null;
  }

  /** Screen y of the horizon the gradient ends at. */
  private horizonY(cam: Camera): number {
    const { height, view, unit } = this.frame;
    const { cy } = layerCentre(view, GRADIENT_DEPTH, cam);
    return height / 2 + unit * layerZoom(GRADIENT_DEPTH, cam) * (this.shot.horizon - cy);
  }

  private skyPicture(cameras: Camera[]): CachedPicture {
    const { sky, horizon } = this.shot;
    const { height, view } = this.frame;
    const cam = cameras[0] as Camera;
    const m = layerMatrix(this.frame, SKY_DEPTH, cam);
    // The camera holds still vertically, so the gradient's screen rows are fixed: express them in the sky's world y.
    const [top, bottom] = skyGradientRows(height, this.horizonY(cam)).map((y) => (y - m.f) / m.d) as [number, number];
    const r = this.range;
    const paint = (ctx: SKRSContext2D): void => {
      fillSkyGradient(ctx, sky, top, bottom, { x: r.x0 - 1, y: r.y0 - 1, w: r.x1 - r.x0 + 2, h: r.y1 - r.y0 + 2 });
      drawNebula(ctx, sky, view);
      drawSun(ctx, sky, view, horizon);
      drawMoon(ctx, sky, view, horizon);
    };
    const { placement, scale } = placementFor(cameras.map((c) => layerMatrix(this.frame, SKY_DEPTH, c)));
    return new CachedPicture(paint, r, scale, placement, m);
  }

  /** The screen-space gradient for a camera that tilts, zooms or rolls: the cached strip at the horizon's row. */
  private drawGradient(ctx: SKRSContext2D, cam: Camera, coverY: number): void {
    const { sky } = this.shot;
    const { width, height } = this.frame;
    const [top, bottom] = skyGradientRows(height, this.horizonY(cam));
    const span = Math.ceil(height * GRADIENT_SPAN);
    if (bottom - top > span + 0.5) {
      // The horizon is far below the frame and stretches the gradient: fill it live.
      fillSkyGradient(ctx, sky, top, bottom, { x: 0, y: 0, w: width, h: coverY });
      return;
    }
    if (!this.strip) {
      this.strip = new Canvas(width, span);
      fillSkyGradient(this.strip.getContext('2d'), sky, 0, height * GRADIENT_SPAN, { x: 0, y: 0, w: width, h: span });
    }
    const dy = Math.round(top);
    const v0 = Math.max(0, -dy);
    const v1 = Math.min(span, coverY - dy);
    if (v1 > v0) {
      ctx.save();
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.strip, 0, v0, width, v1 - v0, 0, dy + v0, width, v1 - v0);
      ctx.restore();
    }
    // Below the horizon the gradient holds its bottom colour.
    if (dy + span < coverY) {
      ctx.fillStyle = sky.bottom;
      ctx.fillRect(0, dy + span, width, coverY - dy - span);
    }
  }

  /** Where a cloud's picture is drawn from at time t: the cloud layer's matrix, moved to where the cloud has drifted. */
  private cloudMatrix(shape: CloudShape, cam: Camera, t: number): Matrix {
    const { x, y } = cloudPosition(this.shot.sky, shape, this.shot.horizon, this.cloudRange, t);
    return translated(layerMatrix(this.frame, CLOUD_DEPTH, cam), x, y);
  }

  /** A cloud painted around its own anchor, at its size and squash. */
  private cloudPicture(shape: CloudShape, cameras: Camera[]): CachedPicture {
    const { bounds, size } = shape;
    const rect = { x0: bounds.x0 * size, x1: bounds.x1 * size, y0: bounds.y0 * size * CLOUD_SQUASH, y1: bounds.y1 * size * CLOUD_SQUASH };
    const paint = (ctx: SKRSContext2D): void => {
      ctx.save();
      ctx.scale(size, size * CLOUD_SQUASH);
      paintCloud(ctx, this.shot.sky, shape);
      ctx.restore();
    };
    const matrices = cameras.map((cam, i) => this.cloudMatrix(shape, cam, i / this.fps));
    const { placement, scale } = placementFor(matrices);
    return new CachedPicture(paint, rect, scale, placement, matrices[0] as Matrix);
  }

  private drawClouds(ctx: SKRSContext2D, cam: Camera, t: number, coverY: number): void {
    for (const { shape, picture } of this.clouds) picture.draw(ctx, this.cloudMatrix(shape, cam, t), this.frame.width, coverY);
  }
}
