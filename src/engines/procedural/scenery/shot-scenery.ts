/**
 * The scenery of one shot, ready to draw fast: each layer's static items are painted once into cached pictures (one
 * per run of consecutive static items, so the drawing order holds), and only the moving items are drawn every frame.
 * Pictures that hide the whole width below some row tell the ones behind them to skip those rows, which is where most
 * of a frame's pixels would otherwise be drawn twice or three times (sky, far hills, ground).
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { sampleCamera } from '../compose/camera.js';
import type { LayerItem, ShotTrack } from '../timeline.js';
import { CachedPicture, placementFor, type CoverBand } from './cached-picture.js';
import type { LayerRange } from './geometry.js';
import { isStaticItem, LayerPainter } from './layer-painter.js';
import { layerMatrix, layerRange, worldYAtRow, type Camera, type FrameGeometry, type Matrix } from './parallax.js';
import { SkyPainter } from './sky-painter.js';

type Piece =
  | { kind: 'picture'; picture: CachedPicture; cover: number }
  | { kind: 'live'; item: LayerItem; key: string };

/** The first screen row hidden once `band` joins the pictures that already hide rows `cover` to the bottom. */
function extendCover(cover: number, band: CoverBand | null): number {
  return band && band.top < cover && band.bottom >= cover ? Math.max(0, band.top) : cover;
}

interface Layer {
  depth: number;
  range: LayerRange;
  pieces: Piece[];
  /** This frame's world -> screen matrix. */
  matrix: Matrix;
}

export class ShotScenery {
  private readonly painter: LayerPainter;
  private readonly layers: Layer[];
  private readonly sky: SkyPainter;
  /** Screen rows from this one down are hidden by the layers in front, this frame. */
  private skyCover: number;

  /** `frames`: how many frames of the shot will be drawn (a loop's seam runs the last shot on past its end). */
  constructor(shot: ShotTrack, private readonly frame: FrameGeometry, fps: number, frames = shot.frames) {
    this.painter = new LayerPainter(shot.horizon, frame.view);
    this.skyCover = frame.height;
    // Every camera the shot will use: they decide how each picture is placed and which of its rows can ever show.
    const cameras = Array.from({ length: Math.max(1, frames) }, (_, i) => sampleCamera(shot, i / fps));
    this.sky = new SkyPainter(shot, frame, cameras, fps);
    const matricesByLayer = shot.layers.map((layer) => cameras.map((cam) => layerMatrix(frame, layer.depth, cam)));
    this.layers = shot.layers.map((layer, li) => {
      const range = layerRange(frame, shot, layer.depth);
      const matrices = matricesByLayer[li] as Matrix[];
      const { placement, scale } = placementFor(matrices);
      const pieces: Piece[] = [];
      let run: Array<{ item: LayerItem; key: string }> = [];
      const closeRun = (): void => {
        if (run.length === 0) return;
        const items = run;
        const paint = (ctx: SKRSContext2D): void => {
          for (const { item, key } of items) this.painter.drawItem(ctx, item, key, range, 0);
        };
        pieces.push({ kind: 'picture', picture: new CachedPicture(paint, range, scale, placement, matrices[0] as Matrix), cover: frame.height });
        run = [];
      };
      layer.items.forEach((item, i) => {
        const key = `${li}:${i}`;
        if (isStaticItem(item)) run.push({ item, key });
        else {
          closeRun();
          pieces.push({ kind: 'live', item, key });
        }
      });
      closeRun();
      return { depth: layer.depth, range, pieces, matrix: matrices[0] as Matrix };
    });
    this.cropHiddenRows(matricesByLayer, cameras);
  }

  /** Work out this frame's layer matrices and which rows each picture can skip; call before drawing a frame. */
  beginFrame(cam: Camera): void {
    const { width, height } = this.frame;
    let cover = height;
    for (let li = this.layers.length - 1; li >= 0; li--) {
      const layer = this.layers[li] as Layer;
      layer.matrix = layerMatrix(this.frame, layer.depth, cam);
      for (let p = layer.pieces.length - 1; p >= 0; p--) {
        const piece = layer.pieces[p] as Piece;
        if (piece.kind !== 'picture') continue;
        piece.cover = cover;
        cover = extendCover(cover, piece.picture.coverBand(layer.matrix, width));
      }
    }
    this.skyCover = cover;
  }

  /** The sky, or the plain colour behind a backdrop, where the layers leave it visible. */
  drawSky(ctx: SKRSContext2D, cam: Camera, t: number): void {
    this.sky.draw(ctx, cam, t, this.skyCover);
  }

  /** Layer `index` of this frame: its pictures, and its moving items drawn live under its parallax transform. */
  drawLayer(ctx: SKRSContext2D, index: number, t: number): void {
    const layer = this.layers[index];
    if (!layer) return;
    const m = layer.matrix;
    for (const piece of layer.pieces) {
      if (piece.kind === 'picture') piece.picture.draw(ctx, m, this.frame.width, piece.cover);
      else {
        ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f);
        this.painter.drawItem(ctx, piece.item, piece.key, layer.range, t);
      }
    }
  }

  /** Give every cached raster's memory back now. */
  release(): void {
    this.sky.release();
    for (const layer of this.layers) for (const piece of layer.pieces) if (piece.kind === 'picture') piece.picture.release();
  }

  /**
   * Crop each picture to the rows some frame of the shot shows, front to back: a picture's hidden rows depend only on
   * the pictures in front of it, which are final by then.
   */
  private cropHiddenRows(matricesByLayer: Matrix[][], cameras: Camera[]): void {
    const { width, height } = this.frame;
    const covers = cameras.map(() => height);
    for (let li = this.layers.length - 1; li >= 0; li--) {
      const layer = this.layers[li] as Layer;
      const matrices = matricesByLayer[li] as Matrix[];
      for (let p = layer.pieces.length - 1; p >= 0; p--) {
        const piece = layer.pieces[p] as Piece;
        if (piece.kind !== 'picture') continue;
        piece.picture.crop(Math.max(...matrices.map((m, f) => worldYAtRow(m, covers[f] as number))));
        matrices.forEach((m, f) => (covers[f] = extendCover(covers[f] as number, piece.picture.coverBand(m, width))));
      }
    }
    this.sky.cropHidden(cameras, covers);
  }
}
