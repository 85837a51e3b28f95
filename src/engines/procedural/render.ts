/**
 * timeline -> pixels. A FrameRenderer owns one Skia canvas of the output size and draws frame i of a timeline into it:
 * sky, scenery layers with parallax, actors as cached sprites (or drawn shapes) with their poses, weather, then the
 * style grade. It holds one frame at a time; the caller streams each frame out (pixels()) before drawing the next,
 * and must yield to the event loop once per frame (see render/sequence.ts) or Skia's pixel buffers pile up.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { FLUENT_PREFIX, isRasterAsset, loadSprite, releaseIconSets, SHAPE_PREFIX, type Sprite, type SpriteTreatment } from './assets.js';
import { mix } from './color.js';
import { sampleFrame, shotAt } from './compose.js';
import { inkFor, lit, neonAccents, sceneLight, shadesNoticeably, spriteTreatment } from './palette.js';
import { drawExhaust, drawFloater, drawHalo } from './render/actor-extras.js';
import { loadImageBackdrop, type Backdrop } from './render/backdrop.js';
import { Grader } from './render/grade.js';
import { drawWeather } from './render/weather.js';
import { layerMatrix, type Camera, type FrameGeometry } from './scenery/parallax.js';
import { ShotScenery } from './scenery/shot-scenery.js';
import { drawShape, shapeAspect } from './shapes.js';
import type { ActorState, ShotTrack, Timeline } from './timeline.js';

/** Actions that turn about the middle of the art rather than pivot on the feet. */
const centrePivot = new Set(['spin', 'roll', 'bounce', 'fly', 'swim', 'float', 'glide', 'hover', 'fall', 'orbit', 'dive', 'drift', 'rise', 'sink', 'burst']);
const nightness: Record<string, number> = { night: 1, dusk: 0.6, sunset: 0.25, 'golden-hour': 0.1, dawn: 0.2 };

interface ShotState {
  index: number;
  scenery: ShotScenery;
  night: number;
}

export interface RendererOptions {
  /** Path of an input image to use as the backdrop (cover-fit, slow push-in with parallax). */
  inputImage?: string;
  /** A backdrop ready to use (an input video's frames); its load(frame) must be awaited before render(frame). */
  backdrop?: Backdrop;
}

export class FrameRenderer {
  readonly canvas: Canvas;
  private readonly ctx: SKRSContext2D;
  private readonly unit: number;
  private readonly geometry: FrameGeometry;
  private readonly sprites = new Map<string, Sprite>();
  private readonly extras = new Map<string, Sprite>();
  private readonly grader: Grader;
  private backdrop: Backdrop | null = null;
  private shotStates: ShotState[] = [];
  private prepared = false;

  constructor(readonly timeline: Timeline) {
    this.canvas = new Canvas(timeline.width, timeline.height);
    // Opaque: every frame covers the whole canvas anyway, and reading an opaque surface's pixels skips the
    // un-premultiplying pass (half the cost of getImageData at 1080p).
    this.ctx = this.canvas.getContext('2d', { alpha: false });
    this.unit = Math.min(timeline.width, timeline.height);
    this.geometry = { width: timeline.width, height: timeline.height, unit: this.unit, view: timeline.view };
    this.grader = new Grader(timeline.width, timeline.height, timeline.seed);
  }

  /** Rasterise every sprite the timeline needs (once, at the largest size it will be drawn) and load the image. */
  async prepare(options: RendererOptions = {}): Promise<void> {
    if (this.prepared) return;
    const jobs: Array<Promise<void>> = [];
    for (const shot of this.timeline.shots) {
      const light = sceneLight(shot.setting, shot.timeOfDay, shot.weather, shot.style);
      const shade = shadesNoticeably(light) && shot.style !== 'neon' ? mix(lit('#ffffff', light), '#ffffff', 0.3) : null;
      const treatment: SpriteTreatment = spriteTreatment(shot.style);
      const maxZoom = Math.max(shot.camera.zoom0, shot.camera.zoom1);
      shot.actors.forEach((actor, i) => {
        if (!isRasterAsset(actor.asset)) return;
        const pathScale = actor.path.kind === 'approach' ? Math.max(actor.path.s0, actor.path.s1) : actor.path.kind === 'orbit' ? 1.18 : 1;
        const poseScale = actor.action === 'grow' || actor.action === 'shrink' || actor.action === 'burst' ? 1.35 : 1.15;
        const px = actor.size * actor.perspective * pathScale * poseScale * this.unit * maxZoom;
        const glowColor = neonAccents[i % neonAccents.length] as string;
        // A colour the prompt names must still read as that colour: dimmed by dusk light, yellow turns olive and
        // orange brown, so a subject painted the named colour takes a quarter of the scene's shading.
        const actorShade = shade && actor.tint ? mix(shade, '#ffffff', 0.75) : shade;
        jobs.push(loadSprite({ asset: actor.asset, heightPx: px, tint: actor.tint, treatment, glowColor, shade: actorShade, style: shot.style, ink: inkFor(shot.style) }).then((sprite) => {
          this.sprites.set(`${shot.index}:${i}`, sprite);
        }));
      });
    }
    for (const [key, icon] of [['zzz', 'zzz'], ['notes', 'musical-notes']] as const) {
      jobs.push(loadSprite({ asset: FLUENT_PREFIX + icon, heightPx: this.unit * 0.09 }).then((sprite) => {
        this.extras.set(key, sprite);
      }));
    }
    if (options.backdrop) {
      this.backdrop = options.backdrop;
    } else if (options.inputImage && this.timeline.imageBackdrop) {
      jobs.push(loadImageBackdrop(options.inputImage, this.timeline).then((backdrop) => {
        this.backdrop = backdrop;
      }));
    }
    await Promise.all(jobs);
    releaseIconSets();
    this.prepared = true;
  }

  /** RGBA bytes of the current frame (width*height*4), straight alpha; frames are opaque. */
  pixels(): Uint8Array {
    const data = this.ctx.getImageData(0, 0, this.timeline.width, this.timeline.height).data;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }

  /** Draw frame `frame` of `shot` (by default the shot the frame belongs to) into the canvas. */
  render(frame: number, shot = shotAt(this.timeline, frame)): void {
    if (!this.prepared) throw new Error('FrameRenderer.prepare() must finish before render()');
    const timeline = this.timeline;
    const state = sampleFrame(timeline, frame, shot);
    const s = this.stateFor(shot);
    const ctx = this.ctx;
    const cam = state.camera;
    const { width, height } = timeline;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';

    // Over a backdrop picture the scenery is only drifting particles, which still move with the camera.
    s.scenery.beginFrame(cam);
    if (timeline.imageBackdrop && this.backdrop) {
      this.backdrop.draw(ctx, frame, shot);
    } else {
      s.scenery.drawSky(ctx, cam, state.t);
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
    // Low-poly facets the scenery up to the ground, before the first subject on the ground or anything nearer (the
    // grader does nothing for a style without facets).
    let faceted = false;
    const facetOnce = (depth: number): void => {
      if (faceted || depth < 1) return;
      this.grader.facet(this.canvas, shot.grade, this.unit);
      faceted = true;
    };
    const drawNextActors = (): void => {
      const depth = depths[nextDepth] as number;
      facetOnce(depth);
      this.drawActors(shot, actorsByDepth.get(depth) ?? [], cam, state.t, s.night);
      nextDepth++;
    };
    shot.layers.forEach((layer, li) => {
      while (nextDepth < depths.length && (depths[nextDepth] as number) < layer.depth) drawNextActors();
      if (layer.depth > 1) facetOnce(layer.depth);
      s.scenery.drawLayer(ctx, li, state.t);
    });
    while (nextDepth < depths.length) drawNextActors();
    facetOnce(1);

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    drawWeather(ctx, shot.atmosphere, width, height, this.unit, state.t, state.flash, cam.x - timeline.view.w / 2);
    if (!(timeline.imageBackdrop && shot.style === 'flat')) this.grader.apply(this.canvas, shot.grade, frame, this.unit);
    // A short fade in from black opens every shot after the first, so cuts read as cuts (crossfades blend instead).
    const intoShot = frame - shot.startFrame;
    if (shot.index > 0 && intoShot < 6 && timeline.overlap === 0) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = `rgba(0,0,0,${(0.85 * (1 - intoShot / 6)).toFixed(3)})`;
      ctx.fillRect(0, 0, width, height);
    }
  }

  /** world -> screen for a layer at parallax depth `depth`. */
  private setLayer(depth: number, cam: Camera): void {
    const m = layerMatrix(this.geometry, depth, cam);
    this.ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f);
  }

  private stateFor(shot: ShotTrack): ShotState {
    const held = this.shotStates.find((state) => state.index === shot.index);
    if (held) return held;
    const night = shot.style === 'neon' ? 1 : nightness[shot.timeOfDay] ?? 0;
    // One shot's cached scenery at a time: the previous shot's rasters are freed before the next one's are painted.
    // Crossfades and a loop's seam draw two shots in turn, frame by frame, so both stay cached then.
    const keep = this.timeline.overlap > 0 || this.timeline.loopSeam > 0 ? 2 : 1;
    while (this.shotStates.length >= keep) this.shotStates.shift()?.scenery.release();
    // A loop's seam draws the last shot on past its end.
    const last = shot.index === this.timeline.shots.length - 1;
    const frames = shot.frames + (last ? this.timeline.loopSeam : 0);
    const state = { index: shot.index, scenery: new ShotScenery(shot, this.geometry, this.timeline.fps, frames), night };
    this.shotStates.push(state);
    return state;
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
        // Sprites are painted at about the size they are shown (never enlarged), where bilinear with mipmaps looks
        // the same as bicubic and costs a third as much.
        ctx.imageSmoothingQuality = 'medium';
        ctx.drawImage(sprite.canvas, -w / 2 - pad, bottom - h - pad, w + pad * 2, h + pad * 2);
      } else {
        ctx.translate(0, bottom);
        drawShape(ctx, shapeName ?? 'circle', h, t, { tint: actor.tint, night, outline: inkFor(shot.style) });
      }
      ctx.restore();
      const floater = actor.extra === 'zzz' || actor.extra === 'notes' ? this.extras.get(actor.extra) : undefined;
      if (floater) drawFloater(ctx, floater, s, h, t);
    }
    ctx.globalAlpha = 1;
  }
}
