/**
 * The subjects of a shot as actors: where each subject group lives in the setting (ground, water, air…), how its
 * members stand in formation, how big and fast they are, and which path each travels. Chasers and orbiters are then
 * tied to the subject they chase or circle.
 */
import type { Shot } from '../../../domain/scene-plan.js';
import { lexicon } from '../lexicon/index.js';
import { sideViewArt, type NounEntry } from '../lexicon/nouns.js';
import type { Zones } from '../settings.js';
import type { ActorTrack, Place, ShotTrack } from '../timeline.js';
import { openFormation, type Slot } from './formation.js';
import { buildPath, inFormation, keepFormation, pathAt, type Layout, type Rect } from './paths.js';

/** A crowd of more than this many copies reads the same on screen and only costs render time. */
const MAX_MEMBERS = 24;

/** Height in world units (1 = the view's short side) per size word, before the noun's own scale. */
const sizeFactor: Record<string, number> = { tiny: 0.08, small: 0.15, medium: 0.24, large: 0.34, huge: 0.48 };
/** Travel speed per action in world units per second, for a medium-sized subject. */
const travelSpeed: Record<string, number> = {
  walk: 0.11, wander: 0.08, run: 0.3, gallop: 0.36, race: 0.5, drive: 0.26, ride: 0.22, sail: 0.07, swim: 0.12,
  fly: 0.2, glide: 0.13, drift: 0.045, hop: 0.12, crawl: 0.035, chase: 0.3, flee: 0.3, skate: 0.2, surf: 0.18,
  roll: 0.14, play: 0.12, dive: 0.2,
};
/** Actions that drift slowly only when the prompt gives them a direction ("a ball bouncing to the right"). */
const directedSpeed: Record<string, number> = { bounce: 0.1, jump: 0.1, float: 0.04, hover: 0.05, dance: 0.03, spin: 0.05, orbit: 0 };
/**
 * Actions that take a subject into the air, whatever it is. Gliding is not one: a gull glides in the air, a swan on
 * the water, a skier or a sliding penguin on the snow.
 */
const airActions = new Set(['fly', 'hover', 'dive']);

/** One subject group: its members are actors[first .. first + count). */
interface Group {
  first: number;
  count: number;
  action: string;
  dir: 1 | -1;
  speed: number;
  place: Place;
}

/** For a noun the lexicon does not know (a plan written by hand): a plain object on the ground. */
function fallbackEntry(noun: string, asset: string): NounEntry {
  return { noun, asset, kind: 'object', place: 'ground', action: 'idle', scale: 1, orientation: 'front', heading: 180, aliases: [] };
}

/** Where a subject lives in this setting, given its nature and what it does. */
function placeFor(entry: NounEntry, action: string, zones: Zones, setting: string): Place {
  let place: Place = entry.place;
  if (airActions.has(action) && (place === 'ground' || place === 'fixed' || place === 'surface')) place = 'air';
  if (action === 'float' && place === 'ground' && (setting === 'space' || setting === 'sky')) place = 'air';
  if (action === 'swim' && place !== 'water') place = zones.water && setting === 'underwater' ? 'water' : zones.surface !== null ? 'surface' : place;
  if (action === 'sail' && zones.surface !== null) place = 'surface';
  if (place === 'water' && !zones.water) place = zones.surface !== null ? 'surface' : 'air';
  if (place === 'water' && setting !== 'underwater' && zones.surface !== null) place = 'surface';
  if (place === 'surface' && zones.surface === null) place = setting === 'underwater' ? 'water' : zones.ground ? 'ground' : 'air';
  if ((place === 'ground' || place === 'fixed') && !zones.ground) place = zones.surface !== null ? 'surface' : 'air';
  return place;
}

/** Every subject of the shot as actors, in subject order, members side by side. */
export function composeActors(shot: Shot, layout: Layout, hasImage: boolean): ActorTrack[] {
  const { zones, safe, view, rng } = layout;
  const index = lexicon();
  const actors: ActorTrack[] = [];
  const groups: Group[] = [];
  const placed = shot.subjects.map((subject) => {
    const entry = index.nounByName.get(subject.noun) ?? fallbackEntry(subject.noun, subject.asset);
    return { subject, entry, place: placeFor(entry, subject.action, zones, shot.setting) };
  });
  const moving = placed.filter((p) => p.place === 'ground' && p.entry.place !== 'fixed');
  const fixed = placed.filter((p) => p.place === 'ground' && p.entry.place === 'fixed');
  const laneOf = new Map<number, number>();
  moving.forEach((p, i) => laneOf.set(placed.indexOf(p), Math.max(0.3, 0.8 - i * 0.2)));
  fixed.forEach((p, i) => laneOf.set(placed.indexOf(p), moving.length ? 0.12 + i * 0.1 : Math.max(0.25, 0.55 - i * 0.15)));
  const columns = placed.length;

  placed.forEach(({ subject, entry, place }, si) => {
    const count = Math.min(MAX_MEMBERS, subject.count);
    let size = (sizeFactor[subject.size] ?? 0.19) * entry.scale;
    if (count > 3) size *= 0.85;
    size = Math.max(0.03, Math.min(view.h * 0.85, size));
    // A row of big animals is shrunk until it fits the frame side by side, rather than spilling out of it.
    const inFrontRow = count <= 4 ? count : Math.ceil(count / Math.ceil(count / 5));
    size = Math.min(size, ((safe.x1 - safe.x0) * 0.85) / (inFrontRow * 1.3));
    const action = entry.noun === 'fireworks' ? 'burst' : subject.action;
    const baseSpeed = travelSpeed[action] ?? (subject.direction !== 'none' ? (directedSpeed[action] ?? 0.05) : 0);
    const speed = baseSpeed * Math.max(0.6, Math.min(1.8, Math.sqrt(size / 0.24)));
    const dirWord = subject.direction;
    const dir: 1 | -1 = dirWord === 'left' ? -1 : dirWord === 'right' ? 1 : rng.chance(0.5) ? 1 : -1;
    const ground = zones.ground ?? [view.h * 0.8, view.h * 0.97];
    const air = zones.air;
    // Horizontal home of this subject group: spread groups across the safe area, the hero near a third.
    const homeX = columns === 1
      ? safe.x0 + (safe.x1 - safe.x0) * (0.5 + (rng.chance(0.5) ? 0.12 : -0.12))
      : safe.x0 + ((safe.x1 - safe.x0) * (si + 1)) / (columns + 1) + rng.range(-0.03, 0.03);
    const lane = laneOf.get(si) ?? 0.6;
    const first = actors.length;
    groups.push({ first, count, action, dir, speed, place });

    // Formation: rows on the ground, a line on the water, a V or a loose cluster in the air, schools in water.
    const perRow = inFrontRow;
    const openZone = place === 'water' && zones.water ? zones.water : air;
    const slots = openFormation({
      count, size, dir, flock: entry.kind === 'bird' && (action === 'fly' || action === 'glide'),
      maxWidth: (safe.x1 - safe.x0) * 0.8, maxHeight: (openZone[1] - openZone[0]) * 0.75, wide: place === 'water', rng,
    });
    const spread = Math.max(...slots.map((slot) => Math.abs(slot.dx))) + size;
    const openHomeX = Math.min(safe.x1 - spread, Math.max(safe.x0 + spread, homeX));
    const offsets: number[] = [];
    for (let m = 0; m < count; m++) {
      const row = Math.floor(m / perRow);
      const col = m % perRow;
      const inRow = Math.min(perRow, count - row * perRow);
      let baseY: number;
      let perspective = 1;
      let offsetX = 0;
      let zBase = 0;
      if (place === 'ground' || place === 'fixed') {
        // Rows further back stand far enough up the ground to show above the row in front, staggered half a place.
        const rowStep = Math.max(0.14, (size * 0.45) / Math.max(0.05, ground[1] - ground[0]));
        const f = Math.max(0, lane - row * rowStep + (inRow > 1 ? rng.range(-0.03, 0.03) : 0));
        baseY = hasImage ? view.h * (0.86 - row * 0.04) : ground[0] + (ground[1] - ground[0]) * f;
        perspective = hasImage ? 1 : 0.62 + 0.43 * f;
        const spacing = size * perspective * 1.25;
        // A back row with as many as the front one would line up behind it: shift it half a place into the gaps.
        const stagger = row % 2 === 1 && inRow % 2 === perRow % 2 ? spacing * 0.5 : 0;
        offsetX = (col - (inRow - 1) / 2) * spacing + stagger + rng.range(-0.02, 0.02);
        zBase = baseY;
      } else if (place === 'surface') {
        const surface = zones.surface ?? view.h * 0.7;
        baseY = surface + row * 0.03 + rng.range(-0.01, 0.01);
        perspective = 0.85 + row * 0.05;
        offsetX = (col - (inRow - 1) / 2) * size * 1.3;
        zBase = baseY;
      } else if (place === 'sky') {
        baseY = view.h * rng.range(0.16, 0.32) + size * 0.5;
        offsetX = (m - (count - 1) / 2) * size * 1.6;
        zBase = -10;
      } else {
        const band = openZone[1] - openZone[0];
        const centre = openZone[0] + band * (0.35 + 0.3 * ((si % 3) / 2)) + size * 0.5;
        const slot = slots[m] as Slot;
        baseY = centre + slot.dy;
        offsetX = openHomeX - homeX + slot.dx;
        perspective = slot.scale;
        zBase = view.h + 1 + baseY;
      }
      const w = size * perspective;
      const x = homeX + offsetX;
      // One speed for the whole group, so a formation keeps its shape for the whole shot.
      let path = buildPath({
        action, place, entry, dirWord, dir, speed, x: homeX, y: baseY, w, layout, member: m, count,
      });
      path = inFormation(path, offsetX, m, rng);
      offsets.push(offsetX);
      actors.push({
        id: `${si}.${m}`,
        noun: entry.noun,
        kind: entry.kind,
        asset: subject.asset,
        tint: subject.color,
        orientation: entry.orientation === 'front' && sideViewArt.has(subject.asset) ? 'mirror' : entry.orientation,
        heading: (entry.heading * Math.PI) / 180,
        place,
        action,
        size,
        perspective,
        depth: place === 'sky' ? 0.12 : 1,
        z: zBase + m * 0.0001,
        path,
        phase: rng.range(0, 10),
        tempo: rng.range(0.9, 1.1),
        shadow: hasImage || place === 'ground' || place === 'fixed',
        rest: x < view.w / 2 ? 1 : -1,
        extra: action === 'sleep' ? 'zzz' : action === 'sing' ? 'notes' : (entry.kind === 'aircraft' && entry.orientation === 'rotate' && (action === 'fly' || action === 'rise')) ? 'exhaust' : action === 'glow' || action === 'flicker' ? 'halo' : null,
        glow: action === 'flicker' ? '#ffb347' : action === 'glow' ? '#fff3b0' : null,
      });
    }
    const members = actors.slice(first);
    keepFormation(members.map((member) => member.path), offsets).forEach((path, m) => {
      (members[m] as ActorTrack).path = path;
    });
  });
  pairUp(groups, actors, layout.safe);
  return actors;
}

/** Chasers follow the subject after them; orbiters circle the subject next to them. */
function pairUp(groups: Group[], actors: ActorTrack[], safe: Rect): void {
  groups.forEach((group, gi) => {
    if (group.action !== 'chase' && group.action !== 'orbit') return;
    const target = groups.find((g, j) => j > gi && g.action !== 'chase') ?? groups.find((g, j) => j !== gi && g.action !== 'chase');
    if (!target) return;
    const targetActor = actors[target.first] as ActorTrack;
    if (group.action === 'orbit') {
      for (let m = 0; m < group.count; m++) {
        const actor = actors[group.first + m] as ActorTrack;
        const radius = targetActor.size * targetActor.perspective * 0.9 + actor.size * 0.6;
        actor.path = { kind: 'orbit', cx: 0, cy: 0, rx: radius, ry: radius * 0.32, period: 4.5, phase: (m / group.count) * Math.PI * 2, around: target.first };
      }
      return;
    }
    // The chased thing runs ahead at the chasers' pace.
    for (let m = 0; m < target.count; m++) {
      const quarry = actors[target.first + m] as ActorTrack;
      // It runs back and forth across the frame (turning at the edges) so the chase never leaves the picture.
      const { x, y } = pathAt({ actors } as unknown as ShotTrack, quarry.path, 0);
      const w = quarry.size * quarry.perspective;
      const x0 = safe.x0 + w / 2;
      const x1 = safe.x1 - w / 2;
      const start = Math.min(0.9, Math.max(0.1, (x - x0) / Math.max(0.01, x1 - x0)));
      quarry.path = { kind: 'pingpong', x0, x1, y, speed: group.speed * 0.95, start, dir: group.dir };
    }
    const quarryY = pathAt({ actors } as unknown as ShotTrack, targetActor.path, 0).y;
    for (let m = 0; m < group.count; m++) {
      const actor = actors[group.first + m] as ActorTrack;
      const gap = (targetActor.size * targetActor.perspective + actor.size * actor.perspective) * 0.75;
      // A chaser keeps to its own ground: a bear after a fish runs along the bank, not across the water.
      const own = actor.place === targetActor.place ? 0 : pathAt({ actors } as unknown as ShotTrack, actor.path, 0).y - quarryY;
      actor.path = { kind: 'follow', target: target.first, lag: ((m + 1) * gap) / Math.max(0.05, group.speed), dy: own + (m % 2 === 0 ? 1 : -1) * Math.ceil(m / 2) * 0.025 };
    }
  });
}
