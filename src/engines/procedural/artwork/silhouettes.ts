/**
 * What the game-icons silhouettes (CC BY 3.0, Lorc, Delapouite and contributors) need beyond their path: a paint,
 * because they are monochrome, and which way the side views face, because the renderer mirrors side views to face
 * their motion and expects them to face left, like Fluent's. An asset id is "game-icons:<icon>#rrggbb": the art and
 * its natural paint; a colour named in the prompt replaces the paint.
 */
import type { NounKind } from '../lexicon/nouns.js';

export const GAME_ICONS_PREFIX = 'game-icons:';

/** Paint for a silhouette with no natural colour of its own, by kind. */
const kindPaint: Readonly<Record<NounKind, string>> = {
  animal: '#8a6a4f', bird: '#5d6f86', sea: '#3f7ea6', insect: '#5a4a3a', person: '#5b6178', creature: '#6a5a8c',
  vehicle: '#3d6fa8', aircraft: '#7d8a99', boat: '#8b5a2b', plant: '#4f8f3a', food: '#c9873a', building: '#8c7f73',
  object: '#6b7280', sky: '#e0b84a',
};

/** Natural colours of silhouettes where the kind's paint would look wrong. */
const naturalPaint: Readonly<Record<string, string>> = {
  anteater: '#7b6a58', armadillo: '#9c8a78', axolotl: '#f2a7b8', 'charging-bull': '#5a3b2a', capybara: '#9a6b43',
  feline: '#4a4a4f', pangolin: '#8a6b4a', tapir: '#4a4a52', ermine: '#f2efe8', rattlesnake: '#a88a5a', salamander:
  '#e0672a', dimetrodon: '#a0522d', parasaurolophus: '#6b8e23', plesiosaurus: '#4a6f8a', pterodactylus: '#8b7355',
  sasquatch: '#5c4330', mole: '#3e3530', hummingbird: '#2e8b57', ostrich: '#3a3a3a', toucan: '#26262b', 'barn-owl':
  '#c8a27a', 'canadian-goose': '#5a4a3f', 'kiwi-bird': '#7a5c3e', 'shoebill-stork': '#7d8a99', eel: '#4a5a3a',
  flatfish: '#a08a6a', piranha: '#8a9aa8', seahorse: '#e5a13a', mussel: '#2f3440', scallop: '#e8b48a', trilobite:
  '#7a6a5a', porcupinefish: '#d9b45a', ammonite: '#b8a07a', 'manta-ray': '#3a4a5c', 'angler-fish': '#4a4a5a',
  'nautilus-shell': '#d8c3a5', 'sea-urchin': '#4b2e5a', dragonfly: '#3a8fb0', earwig: '#6b3f2a', centipede: '#8b3a2a',
  maggot: '#efe6d0', mite: '#a0522d', 'praying-mantis': '#6aa84f', direwolf: '#6b6f78', gargoyle: '#7a7a7a', werewolf:
  '#4a4038', 'grim-reaper': '#2a2a30', 'gingerbread-man': '#b5651d', 'flying-fox': '#4a3a30', 'sitting-dog':
  '#a0703f', 'jumping-dog': '#a0703f', 'seated-mouse': '#9a9aa2', 'hollow-cat': '#4a4a4f', pumpkin: '#e67e22',
  raspberry: '#c2185b', blackcurrant: '#3b1f3a', elderberry: '#3b1f3a', beet: '#8e1f45', leek: '#7cb342', cabbage:
  '#8bc34a', artichoke: '#6b8e4a', asparagus: '#6b8e23', ketchup: '#c0392b', steak: '#8b2c1a', sausage: '#b5532a',
  marshmallows: '#f5efe6', 'ice-cube': '#bfe3f2', igloo: '#e8f1f7', tipi: '#c8a27a', poppy: '#d32f2f', jasmine:
  '#f5f5f0', 'fried-eggs': '#f4d35e', 'orange-slice': '#f39c12', 'chili-pepper': '#c0392b', 'gold-bar': '#e0b84a',
  'pearl-necklace': '#f2efe8', 'traffic-cone': '#f57c00',
};

/** "#rrggbb" paint suffix of a silhouette's asset id. */
export function silhouettePaint(icon: string, kind: NounKind): string {
  return naturalPaint[icon] ?? kindPaint[kind];
}

/**
 * Which way a silhouette faces, checked on contact sheets. Only side views are listed; icons missing here are front
 * views (or objects without a facing) and are never mirrored.
 */
export const silhouetteFacing: Readonly<Record<string, 'left' | 'right'>> = {
  ...Object.fromEntries(`
    archer armadillo battle-tank bowman bulldozer canadian-goose capybara caravan cavalry caveman centaur chariot
    charging-bull deer dimetrodon drakkar dutch-bike feline fencer flatfish food-truck forklift hummingbird hydra ibis
    jeep jumping-dog kiwi-bird miner mounted-knight old-wagon ostrich parasaurolophus pianist piranha plesiosaurus
    polar-bear robber sasquatch sea-serpent seahorse sitting-dog steam-locomotive steamroller surfer-van swordman tank
    tapir tow-truck trireme velocipede
  `.trim().split(/\s+/).map((icon) => [icon, 'right'])),
  flatbed: 'left', pterodactylus: 'left',
};
