/**
 * timeline -> pixels. A FrameRenderer owns one Skia canvas of the output size and draws frame i of a timeline into it:
 * sky, scenery layers with parallax, actors as cached sprites (or drawn shapes) with their poses, weather, then the
 * style grade. It holds one frame at a time; the caller streams each frame out (pixels()) before drawing the next,
 * and must yield to the event loop once per frame (see renderFrames) or Skia's pixel buffers pile up.
 */
import { Canvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { FLUENT_PREFIX, loadSprite, SHAPE_PREFIX, type Sprite, type SpriteTreatment } from './assets.js';
import { mix } from './color.js';
import { sampleCamera, sampleFrame, shotAt } from './compose.js';
import { lit, neonAccents, sceneLight } from './palette.js';
import { drawExhaust, drawFloater, drawHalo } from './render/actor-extras.js';
import { Grader } from './render/grade.js';
import { drawWeather } from './render/weather.js';
import type { LayerRange } from './scenery/geometry.js';
import { LayerPainter } from './scenery/layer-painter.js';
import { buildCloudShapes, drawClouds, drawSkyBodies, drawSkyGradient } from './scenery/sky.js';
import { drawShape, shapeAspect } from './shapes.js';
import type { ActorState, FrameState, ShotTrack, Timeline } from './timeline.js';

/** Actions that turn about the middle of the art rather than pivot on the feet. */
const centrePivot = new Set(['spin', 'roll', 'bounce', 'fly', 'swim', 'float', 'glide', 'hover', 'fall', 'orbit', 'dive', 'drift', 'rise', 'sink', 'burst']);
const nightness: Record<string, number> = { night: 1, dusk: 0.6, sunset: 0.25, 'golden-hour': 0.1, dawn: 0.2 };
const SKY_DEPTH = 0.03;
const CLOUD_DEPTH = 0.08;

type Camera = FrameState['camera'];

interface ShotState {
  index: number;
  painter: LayerPainter;
  ranges: LayerRange[];
  skyRange: LayerRange;
  cloudRange: LayerRange;
  clouds: ReturnType<typeof buildCloudShapes>;
  night: number;
}

export interface RendererOptions {
  /** Path of an input image to use as the backdrop (cover-fit, slow Ken Burns move). */
  inputImage?: string;
}

export class FrameRenderer {
  readonly canvas: Canvas;
  private readonly ctx: SKRSContext2D;
  private readonly unit: number;
  private readonly sprites = new Map<string, Sprite>();
  private readonly extras = new Map<string, Sprite>();
  private readonly grader: Grader;
  private backdrop: Image | null = null;
  private shotState: ShotState | null = null;
  private prepared = false;

  constructor(readonly timeline: Timeline) {
    this.canvas = new Canvas(timeline.width, timeline.height);
    this.ctx = this.canvas.getContext('2d');
    this.unit = Math.min(timeline.width, timeline.height);
    this.grader = new Grader(timeline.width, timeline.height, timeline.seed);
  }

  /** Rasterise every sprite the timeline needs (once, at the largest size it will be drawn) and load the image. */
  async prepare(options: RendererOptions = {}): Promise<void> {
    if (this.prepared) return;
    const jobs: Array<Promise<void>> = [];
    for (const shot of this.timeline.shots) {
      const light = sceneLight(shot.setting, shot.timeOfDay, shot.weather, shot.style);
      const dim = light.brightness < 0.95 || light.tintAmount > 0.1;
      const shade = dim && !this.timeline.imageBackdrop && shot.style !== 'neon' ? mix(lit('#ffffff', light), '#ffffff', 0.3) : null;
      const treatment: SpriteTreatment = shot.style === 'comic' || shot.style === 'sketch' ? 'outline' : shot.style === 'neon' ? 'glow' : 'plain';
      const maxZoom = Math.max(shot.camera.zoom0, shot.camera.zoom1);
      shot.actors.forEach((actor, i) => {
        if (!actor.asset.startsWith(FLUENT_PREFIX)) return;
        const pathScale = actor.path.kind === 'approach' ? Math.max(actor.path.s0, actor.path.s1) : actor.path.kind === 'orbit' ? 1.18 : 1;
        const poseScale = actor.action === 'grow' || actor.action === 'shrink' || actor.action === 'burst' ? 1.35 : 1.15;
        const px = actor.size * actor.perspective * pathScale * poseScale * this.unit * maxZoom;
        const glowColor = neonAccents[i % neonAccents.length] as string;
        jobs.push(loadSprite({ asset: actor.asset, heightPx: px, tint: actor.tint, treatment, glowColor, shade }).then((sprite) => {
          this.sprites.set(`${shot.index}:${i}`, sprite);
        }));
      });
    }
    for (const [key, icon] of [['zzz', 'zzz'], ['notes', 'musical-notes']] as const) {
      jobs.push(loadSprite({ asset: FLUENT_PREFIX + icon, heightPx: this.unit * 0.09 }).then((sprite) => {
        this.extras.set(key, sprite);
      }));
    }
    if (options.inputImage && this.timeline.imageBackdrop) {
      jobs.push(loadImage(options.inputImage).then((image) => {
        this.backdrop = image;
      }));
    }
    await Promise.all(jobs);
    this.prepared = true;
  }

  /** RGBA bytes of the current frame (width*height*4), straight alpha; frames are opaque. */
  pixels(): Uint8Array {
    const data = this.ctx.getImageData(0, 0, this.timeline.width, this.timeline.height).data;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }

  /** Draw frame `frame` into the canvas. */
  render(frame: number): void {
    if (!this.prepared) throw new Error('FrameRenderer.prepare() must finish before render()');
    const timeline = this.timeline;
    const state = sampleFrame(timeline, frame);
    const shot = shotAt(timeline, frame);
    const s = this.stateFor(shot);
    const ctx = this.ctx;
    const cam = state.camera;
    const { width, height } = timeline;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';

    if (timeline.imageBackdrop && this.backdrop) {
      this.drawBackdropImage(frame);
    } else if (shot.sky.visible) {
      const zf = 1 + (cam.zoom - 1) * 0.05;
      const cy = timeline.view.h / 2 + (cam.y - timeline.view.h / 2) * 0.05;
      drawSkyGradient(ctx, shot.sky, { width, height, horizonY: height / 2 + this.unit * zf * (shot.horizon - cy), t: state.t });
      this.setLayer(SKY_DEPTH, cam);
      drawSkyBodies(ctx, shot.sky, timeline.view, shot.horizon, s.skyRange, state.t, this.unit);
      this.setLayer(CLOUD_DEPTH, cam);
      drawClouds(ctx, shot.sky, s.clouds, shot.horizon, s.cloudRange, state.t);
    } else {
      ctx.fillStyle = shot.sky.bottom;
      ctx.fillRect(0, 0, width, height);
    }

    // Scenery back to front, with actors slotted in at their own depth (sky things far, ground things at 1).
    const actorsByDepth = new Map<number, ActorState[]>();
    for (const a of state.actors) {
      const depth = shot.actors[a.actor]?.depth ?? 1;
      const list = actorsByDepth.get(depth) ?? [];
      list.push(a);
      actorsByDepth.set(depth, list);
    }
    const depths = [...actorsByDepth.keys()].sort((a, b) => a - b);
    let nextDepth = 0;
    shot.layers.forEach((layer, li) => {
      while (nextDepth < depths.length && (depths[nextDepth] as number) < layer.depth) {
        this.drawActors(shot, actorsByDepth.get(depths[nextDepth] as number) ?? [], cam, state.t, s.night);
        nextDepth++;
      }
      this.setLayer(layer.depth, cam);
      s.painter.draw(ctx, layer, li, s.ranges[li] as LayerRange, state.t);
    });
    while (nextDepth < depths.length) {
      this.drawActors(shot, actorsByDepth.get(depths[nextDepth] as number) ?? [], cam, state.t, s.night);
      nextDepth++;
    }

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    drawWeather(ctx, shot.atmosphere, width, height, this.unit, state.t, state.flash, cam.x - timeline.view.w / 2);
    if (!(timeline.imageBackdrop && shot.style === 'flat')) this.grader.apply(this.canvas, shot.grade, frame, this.unit);
    // A short fade in from black opens every shot after the first, so cuts read as cuts.
    const intoShot = frame - shot.startFrame;
    if (shot.index > 0 && intoShot < 6) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = `rgba(0,0,0,${(0.85 * (1 - intoShot / 6)).toFixed(3)})`;
      ctx.fillRect(0, 0, width, height);
    }
  }

  /** world -> screen for a layer at parallax depth `depth`. */
  private setLayer(depth: number, cam: Camera): void {
    const { width, height, view } = this.timeline;
    const zf = 1 + (cam.zoom - 1) * depth;
    const cx = view.w / 2 + (cam.x - view.w / 2) * depth + cam.orbit * (1 - depth);
    const cy = view.h / 2 + (cam.y - view.h / 2) * depth;
    const k = this.unit * zf;
    const cos = Math.cos(cam.rot);
    const sin = Math.sin(cam.rot);
    const a = k * cos;
    const b = k * sin;
    const c = -k * sin;
    const d = k * cos;
    this.ctx.setTransform(a, b, c, d, width / 2 - (a * cx + c * cy), height / 2 - (b * cx + d * cy));
  }

  /** The world rectangle a layer at `depth` shows over the whole shot (so static geometry is built once). */
  private rangeFor(shot: ShotTrack, depth: number): LayerRange {
    const { width, height, view } = this.timeline;
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let i = 0; i <= 24; i++) {
      const cam = sampleCamera(shot, (shot.seconds * i) / 24);
      const zf = 1 + (cam.zoom - 1) * depth;
      const cx = view.w / 2 + (cam.x - view.w / 2) * depth + cam.orbit * (1 - depth);
      const cy = view.h / 2 + (cam.y - view.h / 2) * depth;
      const hw = (width / 2 / (this.unit * zf)) * 1.15;
      const hh = (height / 2 / (this.unit * zf)) * 1.15;
      x0 = Math.min(x0, cx - hw);
      x1 = Math.max(x1, cx + hw);
      y0 = Math.min(y0, cy - hh);
      y1 = Math.max(y1, cy + hh);
    }
    return { x0: x0 - 0.1, x1: x1 + 0.1, y0: y0 - 0.1, y1: y1 + 0.1 };
  }

  private stateFor(shot: ShotTrack): ShotState {
    if (this.shotState?.index === shot.index) return this.shotState;
    const night = shot.style === 'neon' ? 1 : nightness[shot.timeOfDay] ?? 0;
    this.shotState = {
      index: shot.index,
      painter: new LayerPainter(shot.horizon, this.timeline.view),
      ranges: shot.layers.map((layer) => this.rangeFor(shot, layer.depth)),
      skyRange: this.rangeFor(shot, SKY_DEPTH),
      cloudRange: this.rangeFor(shot, CLOUD_DEPTH),
      clouds: buildCloudShapes(shot.sky),
      night,
    };
    return this.shotState;
  }

  private drawBackdropImage(frame: number): void {
    const image = this.backdrop as Image;
    const { width, height, frames } = this.timeline;
    // Cover-fit; frame 0 shows exactly the image, then a slow push-in drifting a little to one side (Ken Burns).
    const p = frames > 1 ? frame / (frames - 1) : 0;
    const zoom = 1 + 0.08 * p;
    const scale = Math.max(width / image.width, height / image.height) * zoom;
    const w = image.width * scale;
    const h = image.height * scale;
    const driftX = (this.timeline.seed % 2 ? 1 : -1) * (w - width) * 0.25 * p;
    this.ctx.drawImage(image, (width - w) / 2 + driftX, (height - h) / 2, w, h);
  }

  private drawActors(shot: ShotTrack, list: ActorState[], cam: Camera, t: number, night: number): void {
    if (list.length === 0) return;
    const ctx = this.ctx;
    this.setLayer(shot.actors[list[0]?.actor ?? 0]?.depth ?? 1, cam);
    for (const s of list) {
      const actor = shot.actors[s.actor];
      if (!actor) continue;
      const sprite = this.sprites.get(`${shot.index}:${s.actor}`);
      const shapeName = actor.asset.startsWith(SHAPE_PREFIX) ? actor.asset.slice(SHAPE_PREFIX.length) : null;
      const aspect = sprite ? sprite.width / sprite.height : shapeAspect[shapeName ?? ''] ?? 1;
      const h = s.h;
      const w = h * aspect;
      if (s.shadow > 0) {
        const lift = Math.max(0, s.groundY - s.y);
        const k = Math.max(0.4, 1 - lift / (h * 2));
        ctx.fillStyle = `rgba(0,0,0,${(s.shadow * k).toFixed(3)})`;
        ctx.beginPath();
        ctx.ellipse(s.x, s.groundY, w * 0.4 * k, h * 0.055 * k, 0, 0, Math.PI * 2);
        ctx.fill();
      }
      const centre = centrePivot.has(actor.action) || actor.orientation === 'rotate';
      if (actor.extra === 'halo' && actor.glow) drawHalo(ctx, s, actor.glow, h, t);
      if (actor.extra === 'exhaust') drawExhaust(ctx, s, h, t);
      ctx.save();
      ctx.translate(s.x, s.y);
      if (centre) ctx.translate(0, -h / 2);
      ctx.rotate(s.rot);
      ctx.scale(s.flip ? -s.sx : s.sx, s.sy);
      ctx.globalAlpha = s.alpha;
      const bottom = centre ? h / 2 : 0;
      if (sprite) {
        const k = h / sprite.height;
        const pad = sprite.pad * k;
        ctx.drawImage(sprite.canvas, -w / 2 - pad, bottom - h - pad, w + pad * 2, h + pad * 2);
      } else {
        ctx.translate(0, bottom);
        drawShape(ctx, shapeName ?? 'circle', h, t, { tint: actor.tint, night, outline: shot.style === 'comic' || shot.style === 'sketch' ? '#1b1722' : null });
      }
      ctx.restore();
      const floater = actor.extra === 'zzz' || actor.extra === 'notes' ? this.extras.get(actor.extra) : undefined;
      if (floater) drawFloater(ctx, floater, s, h, t);
    }
    ctx.globalAlpha = 1;
  }
}

/**
 * Render every frame in order, handing each to `sink` before drawing the next. Yields to the event loop once per
 * frame: @napi-rs/canvas frees getImageData's 8 MB buffers only when finalizers run, so a tight loop grows memory
 * by a frame per frame and slows to a crawl (measured: 2 GB after 250 1080p frames).
 */
export async function renderFrames(
  renderer: FrameRenderer,
  sink: (pixels: Uint8Array, frame: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  for (let frame = 0; frame < renderer.timeline.frames; frame++) {
    signal?.throwIfAborted();
    renderer.render(frame);
    await sink(renderer.pixels(), frame);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
