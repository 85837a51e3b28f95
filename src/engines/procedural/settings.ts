/**
 * Settings as scenery recipes: for each setting, where the horizon sits, what the sky shows, which layers of
 * scenery stand at which parallax depth, and where subjects can stand, swim or fly. Pure data; colours are final
 * (already lit by the time of day, hazed by distance and changed by the style), so the renderer only draws.
 */
import { mix, scale } from './color.js';
import { aerial, inkFor, lit, neonAccents, styleColor, type Light } from './palette.js';
import { Rng } from './prng.js';
import type { LayerItem, LayerSpec, PropKind, SkySpec } from './timeline.js';

export interface Zones {
  /** World y range where ground subjects stand (feet), or null where there is no floor (sky, space, open ocean). */
  ground: [number, number] | null;
  /** World y range of the water volume (underwater) or the water band (lakes, sea). */
  water: [number, number] | null;
  /** World y of the water surface line that boats sit on. */
  surface: number | null;
  air: [number, number];
}

export interface Scenery {
  horizon: number;
  sky: SkySpec;
  layers: LayerSpec[];
  zones: Zones;
}

export const settingNames = [
  'meadow', 'forest', 'beach', 'ocean', 'lake', 'river', 'harbor', 'city', 'street', 'desert', 'canyon', 'mountains',
  'snowfield', 'jungle', 'space', 'moon', 'underwater', 'sky', 'farm', 'park', 'garden', 'island', 'volcano', 'cave',
  'room', 'stage', 'swamp', 'savanna',
] as const;

interface Kit {
  vw: number;
  vh: number;
  light: Light;
  style: string;
  rng: Rng;
  /** A daylight colour lit, hazed for its depth, and styled. */
  c: (color: string, depth: number) => string;
  /** Neon outline colour for a layer, or null in other styles. */
  edge: (k: number) => string | null;
  seed: () => number;
}

function ridge(kit: Kit, base: number, amp: number, freq: number, sharp: number, color: string, depth: number, cap: string | null = null, color2?: string): LayerItem {
  return {
    kind: 'ridge', base, amp, freq, sharp, color: kit.c(color, depth), color2: kit.c(color2 ?? scale(color, 0.85), depth),
    cap: cap ? kit.c(cap, depth) : null, seed: kit.seed(), stroke: kit.edge(Math.round(depth * 10)),
  };
}

function fill(kit: Kit, y0: number, color: string, color2: string, depth = 1): LayerItem {
  return { kind: 'fill', y0, color: kit.c(color, depth), color2: kit.c(color2, depth), stroke: kit.edge(3) };
}

function props(kit: Kit, prop: PropKind, base: number, spacing: number, size: number, color: string, depth: number, spread = 0, jitter = 0.4, color2?: string): LayerItem {
  return {
    kind: 'props', prop, base, spread, spacing, size, jitter, color: kit.c(color, depth),
    color2: kit.c(color2 ?? scale(color, 0.78), depth), seed: kit.seed(), stroke: inkFor(kit.style) ?? kit.edge(depth > 0.6 ? 1 : 2),
  };
}

/**
 * Water mirrors the sky: its far edge, seen at a glancing angle, takes on the colour at the horizon, and its near edge
 * the deeper colour overhead; the more so the lower the sun. A sunset sea glows orange far out and darkens to violet
 * near by, where warm light alone would turn the blue a muddy grey.
 */
function reflecting(kit: Kit, color: string, part: 'far' | 'near'): string {
  const sky = styleColor(part === 'far' ? kit.light.skyBottom : kit.light.skyTop, kit.style === 'neon' ? 'flat' : kit.style);
  const k = Math.min(0.6, 0.2 + kit.light.tintAmount);
  return mix(color, sky, part === 'far' ? k : k * 0.5);
}

function water(kit: Kit, y0: number, y1: number, color: string, color2: string, amp: number, speed: number, depth: number, foam: string | null = null): LayerItem {
  return {
    kind: 'water', y0, y1, color: reflecting(kit, kit.c(color, depth), 'far'), color2: reflecting(kit, kit.c(color2, depth), 'near'),
    highlight: kit.c(mix(color, '#ffffff', 0.55), depth),
    amp, speed, lines: Math.round(10 + 14 * depth), seed: kit.seed(), foam: foam ? kit.c(foam, depth) : null,
  };
}

function texture(kit: Kit, type: Extract<LayerItem, { kind: 'texture' }>['type'], y0: number, color: string, color2: string): LayerItem {
  return { kind: 'texture', type, y0, color: kit.c(color, 1), color2: kit.c(color2, 1), seed: kit.seed() };
}

/** Snowfall settles: the ground turns white, pines carry snow, distant ridges get caps. */
function snowCover(layers: LayerSpec[], kit: Kit): void {
  for (const l of layers) {
    l.items = l.items.map((item): LayerItem => {
      if (item.kind === 'fill' && l.depth >= 1) return { ...item, color: kit.c('#f4f8fd', 1), color2: kit.c('#d6e2f0', 1) };
      if (item.kind === 'texture' && (item.type === 'grass' || item.type === 'sand' || item.type === 'crops')) return { ...item, type: 'snow', color: kit.c('#dbe6f4', 1), color2: kit.c('#ffffff', 1) };
      if (item.kind === 'props' && item.prop === 'pine') return { ...item, prop: 'snowy-pine' };
      if (item.kind === 'props' && (item.prop === 'grass-tuft' || item.prop === 'flower')) return { ...item, prop: 'rock', color: kit.c('#e8eef6', l.depth), color2: kit.c('#c8d4e4', l.depth), size: item.size * 0.6 };
      if (item.kind === 'ridge' && l.depth < 1) return { ...item, color: mix(item.color, kit.c('#e8eef8', l.depth), 0.5), cap: item.cap ?? kit.c('#ffffff', l.depth) };
      return item;
    });
  }
}

const layer = (name: string, depth: number, items: LayerItem[]): LayerSpec => ({ name, depth, items });

/** Build the scenery of one shot. */
export function planScenery(setting: string, light: Light, style: string, view: { w: number; h: number }, seed: number, weather: string): Scenery {
  const rng = new Rng(seed);
  const neon = style === 'neon';
  // Caves, rooms, stages and the sea have their own light: the time of day tints them but never blacks them out.
  const indoor = ['cave', 'underwater', 'stage', 'room'].includes(setting);
  const sceneryLight: Light = indoor ? { ...light, brightness: Math.max(light.brightness, 0.85), tintAmount: Math.min(light.tintAmount, 0.12) } : light;
  const kit: Kit = {
    vw: view.w, vh: view.h, light: sceneryLight, style, rng,
    c: (color, depth) => styleColor(depth >= 1 ? lit(color, sceneryLight) : aerial(color, sceneryLight, depth), style),
    edge: (k) => (neon ? (neonAccents[k % neonAccents.length] as string) : null),
    seed: () => Math.floor(rng.float() * 2 ** 31),
  };
  const vh = view.h;
  const y = (fraction: number): number => fraction * vh;
  const skyColor = (color: string): string => styleColor(color, style === 'neon' ? 'flat' : style);

  const cloudCount = { clear: 3, wind: 6, cloudy: 10, rain: 12, storm: 14, snow: 8, fog: 0 }[weather] ?? 3;
  const dark = weather === 'storm' || weather === 'rain';
  const sky: SkySpec = {
    visible: true,
    top: skyColor(light.skyTop), mid: skyColor(light.skyMid), bottom: skyColor(light.skyBottom),
    sun: light.sun ? { ...light.sun, striped: neon } : null,
    moon: light.moon ? { x: 0.76, y: 0.22, r: 0.05, color: '#f4f1de' } : null,
    stars: light.stars > 0 ? { count: Math.round(260 * light.stars * Math.max(1, view.w * view.h) / 1.78), seed: kit.seed(), color: '#fffbe8' } : null,
    nebula: null,
    clouds: cloudCount > 0
      ? {
        count: cloudCount, color: styleColor(lit(dark ? '#9aa3b0' : '#ffffff', light), style),
        shade: styleColor(lit(dark ? '#5a6270' : '#d8e0ec', light), style), y0: 0.05, y1: 0.4,
        speed: weather === 'wind' || weather === 'storm' ? 0.05 : 0.012, seed: kit.seed(), alpha: dark ? 0.95 : 0.9,
      }
      : null,
  };

  const layers: LayerSpec[] = [];
  let horizon = y(0.6);
  let zones: Zones;
  const groundZone = (h: number): [number, number] => [h + y(0.05), vh - y(0.035)];
  const airZone = (h: number): [number, number] => [y(0.1), Math.max(y(0.18), h - y(0.06))];

  switch (setting) {
    case 'forest': {
      horizon = y(0.6);
      layers.push(layer('far', 0.18, [ridge(kit, horizon, 0.12, 1.1, 0.2, '#6e9a78', 0.18), props(kit, 'pine', horizon + 0.005, 0.045, 0.16, '#3d6e50', 0.25)]));
      layers.push(layer('mid', 0.5, [props(kit, 'pine', horizon + y(0.04), 0.14, 0.34, '#2c5c3e', 0.5, 0.02)]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.02), '#5c9444', '#3f7532'), texture(kit, 'grass', horizon + y(0.02), '#4c8a38', '#79b255')]));
      layers.push(layer('front', 1.35, [props(kit, 'grass-tuft', vh + 0.01, 0.16, 0.07, '#3f7a32', 1.35), props(kit, 'bush', vh + 0.03, 0.9, 0.16, '#2f6a2c', 1.35)]));
      zones = { ground: groundZone(horizon + y(0.02)), water: null, surface: null, air: airZone(horizon) };
      break;
    }
    case 'beach':
    case 'island': {
      horizon = y(0.5);
      const shoreY = horizon + y(setting === 'island' ? 0.2 : 0.16);
      const far: LayerItem[] = [water(kit, horizon, shoreY, '#4aa6dc', '#2d86c4', 0.006, 0.5, 0.35)];
      layers.push(layer('far', 0.2, far));
      if (setting === 'island') {
        layers.push(layer('isle', 0.35, [ridge(kit, horizon + y(0.04), 0.07, 0.6, 0, '#5aa050', 0.35), props(kit, 'palm', horizon + y(0.03), 0.5, 0.2, '#3b7d3a', 0.35, 0.01)]));
      }
      layers.push(layer('mid', 0.6, [water(kit, horizon + y(0.06), shoreY, '#3e9ad6', '#2a7fbe', 0.01, 0.8, 0.6), { kind: 'shore', y: shoreY, color: kit.c('#f3dfac', 0.9), foam: kit.c('#ffffff', 0.9), seed: kit.seed() }]));
      layers.push(layer('ground', 1, [fill(kit, shoreY + y(0.015), '#f2dca6', '#e3c285'), texture(kit, 'sand', shoreY + y(0.015), '#e6cc92', '#fbe9c0')]));
      layers.push(layer('front', 1.3, [props(kit, 'grass-tuft', vh + 0.01, 0.55, 0.09, '#8aa552', 1.3), props(kit, 'rock', vh + 0.02, 1.2, 0.06, '#9a948a', 1.3)]));
      zones = { ground: [shoreY + y(0.05), vh - y(0.035)], water: [horizon, shoreY], surface: horizon + (shoreY - horizon) * 0.55, air: airZone(horizon) };
      break;
    }
    case 'ocean': {
      horizon = y(0.45);
      layers.push(layer('far', 0.2, [water(kit, horizon, horizon + y(0.15), '#3f95d0', '#2c7cba', 0.008, 0.5, 0.3)]));
      layers.push(layer('mid', 0.6, [water(kit, horizon + y(0.1), horizon + y(0.32), '#2f86c4', '#1f6aa6', 0.02, 0.9, 0.6, '#e8f6ff')]));
      layers.push(layer('ground', 1, [water(kit, horizon + y(0.25), vh + 0.2, '#246fae', '#164f85', 0.035, 1.2, 1, '#f2fbff')]));
      zones = { ground: null, water: [horizon + y(0.05), vh], surface: horizon + y(0.3), air: airZone(horizon) };
      break;
    }
    case 'lake':
    case 'swamp':
    case 'river': {
      horizon = y(0.5);
      const murky = setting === 'swamp';
      const bank = horizon + y(setting === 'river' ? 0.22 : 0.24);
      layers.push(layer('far', 0.2, [ridge(kit, horizon, 0.1, 1, 0.2, murky ? '#5a6e52' : '#7aa27a', 0.2), props(kit, murky ? 'dead-tree' : 'pine', horizon + 0.004, murky ? 0.2 : 0.06, 0.13, murky ? '#3d4a38' : '#3f7050', 0.3)]));
      if (setting === 'river') layers.push(layer('bank', 0.35, [fill(kit, horizon + 0.004, '#6f9e54', '#5a8a45', 0.4)]));
      layers.push(layer('water', 0.55, [water(kit, horizon + (setting === 'river' ? y(0.04) : 0), bank, murky ? '#4f6a4a' : '#5aa6d6', murky ? '#3a4f38' : '#3a86bd', 0.006, setting === 'river' ? 2 : 0.4, 0.55)]));
      layers.push(layer('ground', 1, [fill(kit, bank, murky ? '#5a5238' : '#6eaa50', murky ? '#443e2a' : '#558f3f'), texture(kit, murky ? 'sand' : 'grass', bank, murky ? '#4a4430' : '#5f9c45', murky ? '#6a6244' : '#86c060')]));
      layers.push(layer('front', 1.3, [props(kit, 'reed', vh + 0.01, 0.45, 0.16, murky ? '#5a6a38' : '#5f8a3a', 1.3)]));
      zones = { ground: [bank + y(0.05), vh - y(0.035)], water: [horizon + y(0.02), bank], surface: horizon + (bank - horizon) * 0.6, air: airZone(horizon) };
      break;
    }
    case 'harbor': {
      horizon = y(0.5);
      const dock = horizon + y(0.26);
      layers.push(layer('far', 0.15, [{ kind: 'skyline', base: horizon, height: 0.12, width: 0.05, color: kit.c('#7a86a0', 0.15), windows: light.brightness < 0.7 ? '#ffd98a' : null, lit: 0.4, seed: kit.seed(), stroke: kit.edge(0) }, props(kit, 'crane', horizon, 0.7, 0.3, '#c0603a', 0.2)]));
      layers.push(layer('water', 0.55, [water(kit, horizon, dock, '#3a7fb0', '#285f8c', 0.008, 0.6, 0.55), props(kit, 'pier-post', dock - 0.005, 0.22, 0.08, '#5a4030', 0.6)]));
      layers.push(layer('ground', 1, [fill(kit, dock, '#8a6a4a', '#6f5238'), texture(kit, 'planks', dock, '#6a4c32', '#9a7a58')]));
      layers.push(layer('front', 1.25, [props(kit, 'bollard', vh + 0.005, 0.9, 0.07, '#3a3a40', 1.25)]));
      zones = { ground: [dock + y(0.05), vh - y(0.035)], water: [horizon, dock], surface: horizon + (dock - horizon) * 0.6, air: airZone(horizon) };
      break;
    }
    case 'city':
    case 'street': {
      horizon = y(setting === 'city' ? 0.64 : 0.62);
      const night = light.brightness < 0.7;
      const win = night ? '#ffd98a' : null;
      layers.push(layer('far', 0.15, [{ kind: 'skyline', base: horizon, height: setting === 'city' ? 0.42 : 0.3, width: 0.07, color: kit.c('#8792ac', 0.15), windows: win, lit: 0.35, seed: kit.seed(), stroke: kit.edge(1) }]));
      layers.push(layer('mid', 0.45, [{ kind: 'skyline', base: horizon + y(0.01), height: setting === 'city' ? 0.3 : 0.2, width: 0.12, color: kit.c('#56627c', 0.45), windows: win ?? kit.c('#a9c4e0', 0.5), lit: night ? 0.55 : 0.9, seed: kit.seed(), stroke: kit.edge(2) }]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.01), '#8d8f94', '#55585f'), texture(kit, 'road', horizon + y(0.01), '#45484f', '#f2f2ea')]));
      layers.push(layer('front', 1.2, [props(kit, 'lamp-post', vh + 0.01, 0.85, 0.42, '#2e323a', 1.2)]));
      zones = { ground: groundZone(horizon + y(0.03)), water: null, surface: null, air: airZone(horizon - y(0.2)) };
      break;
    }
    case 'desert':
    case 'savanna': {
      const savanna = setting === 'savanna';
      horizon = y(0.62);
      layers.push(layer('far', 0.15, [ridge(kit, horizon, savanna ? 0.04 : 0.07, 0.8, savanna ? 0 : 0.6, savanna ? '#c9a46a' : '#d9a06a', 0.15)]));
      layers.push(layer('mid', 0.45, savanna
        ? [ridge(kit, horizon + y(0.02), 0.03, 1.4, 0, '#c8a860', 0.45), props(kit, 'acacia', horizon + y(0.03), 0.55, 0.22, '#4f6a32', 0.45)]
        : [ridge(kit, horizon + y(0.03), 0.06, 1.6, 0, '#e8b670', 0.45, null, '#d49a58'), props(kit, 'cactus', horizon + y(0.06), 0.6, 0.16, '#4f8a4a', 0.5)]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.05), savanna ? '#d6b466' : '#f0c882', savanna ? '#c09a50' : '#e0aa66'), texture(kit, savanna ? 'grass' : 'sand', horizon + y(0.05), savanna ? '#b89448' : '#dcae70', savanna ? '#e4c780' : '#f8dca8')]));
      layers.push(layer('front', 1.3, [props(kit, savanna ? 'grass-tuft' : 'rock', vh + 0.01, savanna ? 0.2 : 0.9, savanna ? 0.11 : 0.06, savanna ? '#b8963e' : '#b08a60', 1.3)]));
      zones = { ground: groundZone(horizon + y(0.05)), water: null, surface: null, air: airZone(horizon) };
      break;
    }
    case 'canyon': {
      horizon = y(0.58);
      layers.push(layer('far', 0.15, [ridge(kit, horizon, 0.16, 0.7, 1.6, '#c97a52', 0.15)]));
      layers.push(layer('mid', 0.45, [ridge(kit, horizon + y(0.05), 0.24, 0.9, 1.4, '#a9502e', 0.45, null, '#8a3e22')]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.06), '#c98456', '#a8643c'), texture(kit, 'sand', horizon + y(0.06), '#b87448', '#dc9a6a')]));
      layers.push(layer('front', 1.3, [props(kit, 'rock', vh + 0.02, 0.7, 0.08, '#8a4a30', 1.3)]));
      zones = { ground: groundZone(horizon + y(0.06)), water: null, surface: null, air: airZone(horizon - y(0.1)) };
      break;
    }
    case 'mountains':
    case 'snowfield': {
      const snowy = setting === 'snowfield';
      horizon = y(0.62);
      // Mountains are the subject here: tall, snow-capped and clear, hazed as if much nearer than their parallax says.
      layers.push(layer('far', 0.12, [ridge(kit, horizon, snowy ? 0.22 : 0.42, 1.1, 1, snowy ? '#9fb0cc' : '#7886a6', snowy ? 0.12 : 0.45, '#f7faff')]));
      layers.push(layer('mid', 0.4, [ridge(kit, horizon + y(0.03), 0.12, 1.6, 0.5, snowy ? '#dfe8f4' : '#6a8a7a', 0.4, snowy ? null : null), props(kit, snowy ? 'snowy-pine' : 'pine', horizon + y(0.05), 0.2, 0.2, snowy ? '#3a6050' : '#2f5a44', 0.45)]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.05), snowy ? '#f5f9ff' : '#86ad62', snowy ? '#d9e5f3' : '#6a9450'), texture(kit, snowy ? 'snow' : 'grass', horizon + y(0.05), snowy ? '#dbe6f4' : '#739e52', snowy ? '#ffffff' : '#9cc270')]));
      layers.push(layer('front', 1.3, [props(kit, 'rock', vh + 0.02, 0.9, 0.08, snowy ? '#c9d6e6' : '#8a8f96', 1.3)]));
      zones = { ground: groundZone(horizon + y(0.05)), water: null, surface: null, air: airZone(horizon - y(0.12)) };
      break;
    }
    case 'jungle': {
      horizon = y(0.6);
      layers.push(layer('far', 0.18, [ridge(kit, horizon - y(0.04), 0.14, 3.2, 0, '#3f7a48', 0.18), props(kit, 'palm', horizon, 0.18, 0.22, '#2f6a3a', 0.25)]));
      layers.push(layer('mid', 0.5, [props(kit, 'round-tree', horizon + y(0.04), 0.3, 0.4, '#25602e', 0.5), props(kit, 'palm', horizon + y(0.05), 0.45, 0.34, '#2a6a34', 0.5)]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.03), '#4a7f34', '#345f26'), texture(kit, 'grass', horizon + y(0.03), '#3d6f2a', '#6a9e48')]));
      layers.push(layer('front', 1.4, [props(kit, 'big-leaf', vh + 0.04, 1.1, 0.34, '#1f5a2a', 1.4)]));
      zones = { ground: groundZone(horizon + y(0.03)), water: null, surface: null, air: airZone(horizon) };
      break;
    }
    case 'space':
    case 'moon': {
      sky.top = skyColor('#02030a');
      sky.mid = skyColor('#070b1e');
      sky.bottom = skyColor(setting === 'moon' ? '#0c1026' : '#141033');
      sky.sun = null;
      sky.moon = null;
      sky.clouds = null;
      sky.stars = { count: Math.round(420 * Math.max(1, view.w * view.h) / 1.78), seed: kit.seed(), color: '#ffffff' };
      sky.nebula = setting === 'space' ? { color: '#6a2a9a', color2: '#1a5a9a', seed: kit.seed() } : null;
      if (setting === 'moon') {
        horizon = y(0.64);
        layers.push(layer('planet', 0.05, [{ kind: 'planet', x: 0.25, y: 0.2, r: 0.09, color: '#3a7ad0', color2: '#6ab04a', ring: null }]));
        layers.push(layer('far', 0.2, [ridge(kit, horizon, 0.08, 1.3, 0.8, '#6e7180', 0.9, null, '#55586a')]));
        layers.push(layer('ground', 1, [fill(kit, horizon + y(0.03), '#a3a5ae', '#7d8090'), texture(kit, 'craters', horizon + y(0.03), '#8a8c98', '#c4c6ce')]));
        zones = { ground: groundZone(horizon + y(0.03)), water: null, surface: null, air: [y(0.1), horizon - y(0.04)] };
      } else {
        horizon = y(0.5);
        layers.push(layer('planet', 0.08, [{ kind: 'planet', x: 0.72, y: 0.32, r: 0.16, color: styleColor('#e0a060', style), color2: styleColor('#b05a3a', style), ring: styleColor('#f0d8a8', style) }]));
        layers.push(layer('dust', 0.6, [{ kind: 'particles', type: 'dust', count: 60, color: '#c8d0ff', seed: kit.seed() }]));
        zones = { ground: null, water: null, surface: null, air: [y(0.12), y(0.88)] };
      }
      break;
    }
    case 'underwater': {
      sky.visible = false;
      horizon = y(0.78);
      layers.push(layer('backdrop', 0, [{ kind: 'backdrop', type: 'underwater', color: styleColor('#2a9ad0', style), color2: styleColor('#062a58', style), accent: '#bfefff', window: null }]));
      layers.push(layer('rays', 0.1, [{ kind: 'beams', color: 'rgba(220,250,255,0.10)', count: 7, seed: kit.seed(), from: 'top' }]));
      layers.push(layer('far', 0.25, [ridge(kit, horizon, 0.07, 1.3, 0.3, '#1c5f8a', 1, null, '#134a70')]));
      layers.push(layer('mid', 0.55, [props(kit, 'kelp', horizon + y(0.06), 0.22, 0.36, '#2f8a5a', 1), props(kit, 'coral', horizon + y(0.07), 0.4, 0.12, '#ff7a7a', 1, 0.02, 0.4, '#ffb05a')]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.05), '#c8b487', '#9e8a62'), texture(kit, 'sand', horizon + y(0.05), '#b09c70', '#dccaa0')]));
      layers.push(layer('front', 1.2, [{ kind: 'particles', type: 'bubbles', count: 40, color: '#dff6ff', seed: kit.seed() }]));
      zones = { ground: groundZone(horizon + y(0.05)), water: [y(0.1), horizon], surface: null, air: [y(0.1), horizon] };
      break;
    }
    case 'sky': {
      horizon = y(0.92);
      sky.clouds = sky.clouds ? { ...sky.clouds, y0: 0.1, y1: 0.9, count: sky.clouds.count + 4 } : null;
      const cloud = styleColor(lit('#ffffff', light), style);
      layers.push(layer('far', 0.2, [{ kind: 'props', prop: 'cloud-puff', base: y(0.85), spread: y(0.6), spacing: 0.35, size: 0.12, jitter: 0.5, color: cloud, color2: styleColor(lit('#dfe6f2', light), style), seed: kit.seed(), stroke: kit.edge(0) }]));
      layers.push(layer('mid', 0.55, [{ kind: 'props', prop: 'cloud-puff', base: y(0.95), spread: y(0.7), spacing: 0.6, size: 0.2, jitter: 0.5, color: cloud, color2: styleColor(lit('#d6dfee', light), style), seed: kit.seed(), stroke: kit.edge(1) }]));
      layers.push(layer('front', 1.4, [{ kind: 'props', prop: 'cloud-puff', base: vh + 0.1, spread: vh * 0.9, spacing: 1.4, size: 0.34, jitter: 0.4, color: cloud, color2: styleColor(lit('#e6ecf6', light), style), seed: kit.seed(), stroke: null }]));
      zones = { ground: null, water: null, surface: null, air: [y(0.12), y(0.88)] };
      break;
    }
    case 'volcano': {
      horizon = y(0.62);
      layers.push(layer('far', 0.15, [{ kind: 'volcano', x: 0.62, base: horizon + 0.01, height: 0.42, color: kit.c('#5a4640', 0.3), lava: '#ff6a1a', smoke: kit.c('#4a4448', 0.3) }]));
      layers.push(layer('mid', 0.45, [ridge(kit, horizon + y(0.03), 0.07, 1.4, 0.6, '#3e3432', 0.6)]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.04), '#4a3e3a', '#2e2624'), texture(kit, 'craters', horizon + y(0.04), '#3a302c', '#ff7a2a')]));
      layers.push(layer('front', 1.2, [{ kind: 'particles', type: 'embers', count: 50, color: '#ffb04a', seed: kit.seed() }]));
      sky.top = skyColor(mix(light.skyTop, '#2a1010', 0.5));
      sky.bottom = skyColor(mix(light.skyBottom, '#ff7a3a', 0.35));
      zones = { ground: groundZone(horizon + y(0.04)), water: null, surface: null, air: airZone(horizon - y(0.1)) };
      break;
    }
    case 'cave': {
      sky.visible = false;
      horizon = y(0.66);
      layers.push(layer('backdrop', 0.2, [{ kind: 'backdrop', type: 'cave', color: kit.c('#4a4450', 1), color2: kit.c('#1c1820', 1), accent: kit.c('#6a5a70', 1), window: null }]));
      layers.push(layer('far', 0.4, [props(kit, 'stalactite', 0, 0.16, 0.22, '#3a3440', 1), props(kit, 'stalagmite', horizon + y(0.02), 0.3, 0.16, '#3e3844', 1)]));
      layers.push(layer('mid', 0.7, [props(kit, 'crystal', horizon + y(0.06), 0.7, 0.1, '#7ad8ff', 1, 0, 0.4, '#c58aff')]));
      layers.push(layer('ground', 1, [fill(kit, horizon + y(0.03), '#4e4652', '#2a242e'), texture(kit, 'sand', horizon + y(0.03), '#423a46', '#5e5462')]));
      layers.push(layer('front', 1.3, [props(kit, 'stalactite', -0.02, 0.7, 0.34, '#1e1a22', 1), { kind: 'particles', type: 'fireflies', count: 24, color: '#9af0ff', seed: kit.seed() }]));
      zones = { ground: groundZone(horizon + y(0.03)), water: null, surface: null, air: [y(0.3), horizon - y(0.05)] };
      break;
    }
    case 'room': {
      sky.visible = false;
      horizon = y(0.68);
      const warm = light.brightness < 0.7;
      layers.push(layer('wall', 0.6, [{ kind: 'backdrop', type: 'wall', color: kit.c(warm ? '#e8c9a0' : '#f1e4cf', 1), color2: kit.c(warm ? '#b8946a' : '#dcc9ab', 1), accent: kit.c('#c46a4a', 1), window: { top: sky.top, bottom: sky.bottom } }]));
      layers.push(layer('ground', 1, [fill(kit, horizon, '#b27a4a', '#8a5a34'), texture(kit, 'planks', horizon, '#7a4e2c', '#c89060')]));
      layers.push(layer('front', 1.1, [{ kind: 'particles', type: 'dust', count: 30, color: '#fff2cc', seed: kit.seed() }]));
      zones = { ground: groundZone(horizon), water: null, surface: null, air: [y(0.15), horizon - y(0.05)] };
      break;
    }
    case 'stage': {
      sky.visible = false;
      horizon = y(0.7);
      layers.push(layer('curtains', 0.5, [{ kind: 'backdrop', type: 'curtains', color: styleColor('#b0182c', style), color2: styleColor('#4a0610', style), accent: '#f0c050', window: null }]));
      layers.push(layer('lights', 0.6, [{ kind: 'beams', color: 'rgba(255,240,200,0.16)', count: 4, seed: kit.seed(), from: 'stage' }]));
      layers.push(layer('ground', 1, [fill(kit, horizon, '#7a5230', '#4a2e18', 1), texture(kit, 'planks', horizon, '#5a3a20', '#9a6a40')]));
      layers.push(layer('front', 1.25, [props(kit, 'crowd', vh + 0.02, 0.11, 0.16, '#0c0a12', 1)]));
      zones = { ground: groundZone(horizon), water: null, surface: null, air: [y(0.15), horizon - y(0.05)] };
      break;
    }
    case 'farm':
    case 'park':
    case 'garden':
    case 'meadow':
    default: {
      horizon = y(0.6);
      const far: LayerItem[] = [ridge(kit, horizon, 0.1, 0.9, 0, '#86b070', 0.15)];
      if (setting === 'park') far.push({ kind: 'skyline', base: horizon + 0.002, height: 0.16, width: 0.06, color: kit.c('#9aa6bc', 0.1), windows: null, lit: 0, seed: kit.seed(), stroke: kit.edge(0) });
      far.push(ridge(kit, horizon + y(0.015), 0.06, 1.8, 0, '#74a85c', 0.3));
      layers.push(layer('far', 0.18, far));
      const mid: LayerItem[] = [];
      if (setting === 'farm') mid.push(props(kit, 'barn', horizon + y(0.04), 1.6, 0.2, '#b8413a', 0.5, 0, 0.1, '#f4efe6'), props(kit, 'fence', horizon + y(0.07), 0.08, 0.05, '#c8a070', 0.5));
      else if (setting === 'garden') mid.push(props(kit, 'hedge', horizon + y(0.04), 0.3, 0.1, '#3f7a3a', 0.5), props(kit, 'round-tree', horizon + y(0.03), 0.6, 0.3, '#4a8a3a', 0.5));
      else mid.push(props(kit, 'round-tree', horizon + y(0.04), setting === 'park' ? 0.32 : 0.5, 0.26, '#4a8c3c', 0.5, 0.01));
      layers.push(layer('mid', 0.5, mid));
      const ground: LayerItem[] = [fill(kit, horizon + y(0.03), '#7cc25c', '#58a443'), texture(kit, setting === 'farm' ? 'crops' : 'grass', horizon + y(0.03), '#68ad4c', '#97d070')];
      if (setting === 'park') ground.push(texture(kit, 'path', horizon + y(0.03), '#d8c6a0', '#c2ad84'));
      layers.push(layer('ground', 1, ground));
      const front: LayerItem[] = [props(kit, 'grass-tuft', vh + 0.01, 0.14, 0.07, '#4f9a3a', 1.3)];
      if (setting === 'garden' || setting === 'meadow') front.push(props(kit, 'flower', vh + 0.01, 0.22, 0.06, '#ff6f91', 1.3, 0, 0.5, '#ffd23f'));
      if (setting === 'farm') front.push(props(kit, 'fence', vh + 0.02, 0.12, 0.12, '#b08a5a', 1.3));
      layers.push(layer('front', 1.3, front));
      if (light.brightness < 0.7) layers.push(layer('glow', 1.1, [{ kind: 'particles', type: 'fireflies', count: 20, color: '#f8ff9a', seed: kit.seed() }]));
      else if (setting === 'meadow' || setting === 'garden') layers.push(layer('pollen', 1.1, [{ kind: 'particles', type: 'pollen', count: 16, color: '#fffbe0', seed: kit.seed() }]));
      zones = { ground: groundZone(horizon + y(0.03)), water: null, surface: null, air: airZone(horizon) };
      break;
    }
  }
  // Fireflies and glowing motes make an outdoor night read as night rather than as a dark picture.
  const hasGlow = layers.some((l) => l.items.some((item) => item.kind === 'particles' && item.type === 'fireflies'));
  if (light.brightness < 0.7 && !hasGlow && zones.ground && !indoor && ['forest', 'lake', 'river', 'swamp', 'jungle', 'garden', 'park', 'meadow', 'farm', 'savanna'].includes(setting)) {
    layers.push(layer('glow', 1.1, [{ kind: 'particles', type: 'fireflies', count: 22, color: '#f4ff9a', seed: kit.seed() }]));
  }
  if (weather === 'snow' && zones.ground && !indoor && !['desert', 'savanna', 'moon', 'volcano', 'canyon'].includes(setting)) snowCover(layers, kit);
  if (style === 'neon' && zones.ground) {
    // The synthwave floor: a glowing perspective grid over a dark ground.
    const ground = layers.find((l) => l.name === 'ground');
    ground?.items.push({ kind: 'texture', type: 'grid', y0: zones.ground[0] - y(0.05), color: '#ff3fd2', color2: '#19f0ff', seed: kit.seed() });
  }
  return { horizon, sky, layers, zones };
}
