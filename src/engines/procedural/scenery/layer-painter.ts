/**
 * Drawing the items of the scenery layers described by settings.ts, in world units under the layer's parallax
 * transform. Static geometry (ridges, trees, skylines, ground texture) is built once per shot as Path2D objects; what
 * really moves (water, surf, beams, particles, smoke) is rebuilt for each t. Static items are painted once per shot
 * into cached pictures (shot-scenery.ts); only the moving ones are drawn every frame.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { LayerItem } from '../timeline.js';
import { buildBackdrop, drawBackdrop, drawBeams } from './backdrops.js';
import type { Built, LayerRange } from './geometry.js';
import { buildTexture, drawGroundFill, drawTexture } from './ground.js';
import { drawParticles } from './particles.js';
import { buildProps, drawProps } from './props.js';
import { drawPlanet } from './sky.js';
import { buildSkyline, drawSkyline } from './structures.js';
import { buildRidge, drawRidge, drawVolcano } from './terrain.js';
import { drawShore, drawWater } from './water.js';

/** Items that look the same at every t, and draw with plain source-over (so a cached copy composites the same). */
const staticKinds = new Set<LayerItem['kind']>(['ridge', 'fill', 'props', 'skyline', 'backdrop', 'planet', 'texture']);

export function isStaticItem(item: LayerItem): boolean {
  return staticKinds.has(item.kind);
}

/** Paints the items of one shot's layers, keeping the static geometry of each item between calls. */
export class LayerPainter {
  private readonly cache = new Map<string, Built>();

  constructor(private readonly horizon: number, private readonly view: { w: number; h: number }) {}

  private built(key: string, make: () => Built): Built {
    let entry = this.cache.get(key);
    if (!entry) {
      entry = make();
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** Draw one item; `key` names it within the shot (its geometry is built once under that key). */
  drawItem(ctx: SKRSContext2D, item: LayerItem, key: string, r: LayerRange, t: number): void {
    const { horizon, view } = this;
    switch (item.kind) {
      case 'ridge':
        return drawRidge(ctx, item, this.built(key, () => buildRidge(item, r)));
      case 'fill':
        return drawGroundFill(ctx, item, r, view);
      case 'water':
        return drawWater(ctx, item, r, t);
      case 'shore':
        return drawShore(ctx, item, r, t);
      case 'props':
        return drawProps(ctx, item, this.built(key, () => buildProps(item, r)));
      case 'skyline':
        return drawSkyline(ctx, item, this.built(key, () => buildSkyline(item, r)));
      case 'backdrop':
        return drawBackdrop(ctx, item, r, view, this.built(key, () => buildBackdrop(item, r)));
      case 'volcano':
        return drawVolcano(ctx, item, t, view);
      case 'beams':
        return drawBeams(ctx, item, r, t, view, horizon);
      case 'planet':
        return drawPlanet(ctx, item, view);
      case 'particles':
        return drawParticles(ctx, item, r, t);
      case 'texture':
        return drawTexture(ctx, item, this.built(key, () => buildTexture(item, r, horizon, view)));
    }
  }
}
