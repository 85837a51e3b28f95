/**
 * The timeline: everything the renderer needs, as plain JSON-able data. compose() builds it from a plan and a seed;
 * sampleFrame() evaluates it at a frame. Positions are in world units where 1 unit = min(width, height) pixels, so
 * one composition works for 16:9, 9:16 and square frames alike: the view is `view.w × view.h` units at zoom 1.
 */

export interface Timeline {
  version: 1;
  width: number;
  height: number;
  fps: number;
  frames: number;
  seconds: number;
  seed: number;
  view: { w: number; h: number };
  /** True when an input image or video replaces the drawn scenery (it is the backdrop of frame 0). */
  imageBackdrop: boolean;
  /**
   * Frames each pair of consecutive shots shares, crossfading from one to the next (0: shots are cut together).
   * A shot's startFrame..startFrame+frames span includes its share of both neighbouring overlaps.
   */
  overlap: number;
  /**
   * A seamless loop: this many frames at the head are crossfaded with the frames that would follow the last one, so
   * the last frame leads into the first as any frame leads into the next (0: not a loop).
   */
  loopSeam: number;
  shots: ShotTrack[];
}

export interface ShotTrack {
  index: number;
  startFrame: number;
  frames: number;
  seconds: number;
  setting: string;
  timeOfDay: string;
  weather: string;
  style: string;
  mood: string;
  seed: number;
  /** World y of the horizon at camera rest. */
  horizon: number;
  sky: SkySpec;
  /** Scenery, back to front; each layer moves with the camera by its depth (parallax factor). */
  layers: LayerSpec[];
  actors: ActorTrack[];
  camera: CameraTrack;
  /** Rain, snow, fog, lightning and wind for this shot's weather. */
  atmosphere: WeatherSpec;
  grade: GradeSpec;
}

export interface SkySpec {
  /** False where a backdrop covers the sky (underwater, cave, room, stage). */
  visible: boolean;
  top: string;
  mid: string;
  bottom: string;
  sun: { x: number; y: number; r: number; color: string; glow: string; striped: boolean } | null;
  moon: { x: number; y: number; r: number; color: string } | null;
  stars: { count: number; seed: number; color: string } | null;
  nebula: { color: string; color2: string; seed: number } | null;
  clouds: { count: number; color: string; shade: string; y0: number; y1: number; speed: number; seed: number; alpha: number } | null;
}

export interface LayerSpec {
  name: string;
  /** Parallax factor: 0 stays fixed to the screen, 1 moves with the ground plane, >1 is foreground. */
  depth: number;
  items: LayerItem[];
}

export type PropKind =
  | 'pine' | 'snowy-pine' | 'round-tree' | 'palm' | 'acacia' | 'cactus' | 'dead-tree' | 'bush' | 'rock' | 'kelp'
  | 'coral' | 'reed' | 'fence' | 'lamp-post' | 'flower' | 'grass-tuft' | 'stalactite' | 'stalagmite' | 'crystal'
  | 'house' | 'barn' | 'crane' | 'pier-post' | 'big-leaf' | 'hedge' | 'crowd' | 'bollard' | 'cloud-puff';

export type LayerItem =
  | { kind: 'ridge'; base: number; amp: number; freq: number; sharp: number; color: string; color2: string; cap: string | null; seed: number; stroke: string | null }
  | { kind: 'fill'; y0: number; color: string; color2: string; stroke: string | null }
  | { kind: 'water'; y0: number; y1: number; color: string; color2: string; highlight: string; amp: number; speed: number; lines: number; seed: number; foam: string | null }
  | { kind: 'props'; prop: PropKind; base: number; spread: number; spacing: number; size: number; jitter: number; color: string; color2: string; seed: number; stroke: string | null }
  | { kind: 'skyline'; base: number; height: number; width: number; color: string; windows: string | null; lit: number; seed: number; stroke: string | null }
  | { kind: 'backdrop'; type: 'wall' | 'curtains' | 'cave' | 'underwater'; color: string; color2: string; accent: string; window: { top: string; bottom: string } | null }
  | { kind: 'volcano'; x: number; base: number; height: number; color: string; lava: string; smoke: string }
  | { kind: 'beams'; color: string; count: number; seed: number; from: 'top' | 'stage' }
  | { kind: 'planet'; x: number; y: number; r: number; color: string; color2: string; ring: string | null }
  | { kind: 'particles'; type: 'bubbles' | 'embers' | 'dust' | 'fireflies' | 'pollen' | 'sparkles'; count: number; color: string; seed: number }
  | { kind: 'texture'; type: 'grass' | 'sand' | 'snow' | 'planks' | 'road' | 'craters' | 'grid' | 'crops' | 'path'; y0: number; color: string; color2: string; seed: number }
  | { kind: 'shore'; y: number; color: string; foam: string; seed: number };

export type Orientation = 'mirror' | 'front' | 'rotate';
export type Place = 'ground' | 'air' | 'water' | 'surface' | 'sky' | 'fixed';

export interface ActorTrack {
  id: string;
  noun: string;
  /** Noun kind from the lexicon (animal, person, vehicle…); decides e.g. whether idle things breathe. */
  kind: string;
  asset: string;
  tint: string | null;
  orientation: Orientation;
  /** For rotate: the angle (radians) the art's nose points at. */
  heading: number;
  place: Place;
  action: string;
  /** World height of the sprite at perspective scale 1. */
  size: number;
  /** Perspective scale from the actor's depth on the ground plane (further back = smaller). */
  perspective: number;
  depth: number;
  /** Draw order base (larger = nearer). */
  z: number;
  path: PathSpec;
  phase: number;
  tempo: number;
  shadow: boolean;
  /** Facing when not moving: +1 right, -1 left. */
  rest: 1 | -1;
  extra: 'zzz' | 'notes' | 'exhaust' | 'halo' | null;
  /** Colour of a halo / glow, when the action or style calls for one. */
  glow: string | null;
}

export type PathSpec =
  | { kind: 'static'; x: number; y: number }
  | { kind: 'pingpong'; x0: number; x1: number; y: number; speed: number; start: number; dir: 1 | -1 }
  | { kind: 'travel'; x: number; y: number; vx: number; vy: number; wrap: [number, number] | null }
  | { kind: 'orbit'; cx: number; cy: number; rx: number; ry: number; period: number; phase: number; around: number | null }
  | { kind: 'follow'; target: number; lag: number; dy: number }
  | { kind: 'fall'; x: number; y0: number; y1: number; speed: number; delay: number; loop: boolean; sway: number }
  | { kind: 'approach'; x: number; y0: number; y1: number; s0: number; s1: number }
  | { kind: 'rise'; x: number; y0: number; y1: number; delay: number };

export interface CameraTrack {
  move: string;
  speed: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  zoom0: number;
  zoom1: number;
  /** Orbit-ish sway: horizontal amplitude (units) and roll (radians). */
  orbit: number;
  roll: number;
  /** Handheld shake amplitude (units). */
  shake: number;
  /** Tracking: index of the actor the camera follows. */
  follow: number | null;
  /** Loops: the move goes out and comes back over the shot, so it ends where it began. */
  returns: boolean;
  seed: number;
}

export interface WeatherSpec {
  kind: string;
  rain: { count: number; length: number; speed: number; slant: number; color: string } | null;
  snow: { count: number; size: number; speed: number; drift: number; color: string } | null;
  fog: { bands: number; color: string; alpha: number } | null;
  /** Seconds into the shot at which lightning flashes. */
  lightning: number[];
  wind: { strength: number; leaves: number; color: string } | null;
  seed: number;
}

/**
 * How a style treats each finished frame (its palette is already in the timeline's colours and the sprites). Static
 * parts (vignette, paper, halftone, sky band) are baked into one multiply layer; the rest are cheap frame-wide blends.
 */
export interface GradeSpec {
  style: string;
  letterbox: number;
  vignette: number;
  /** Film grain strength, moving every frame. */
  grain: number;
  /** One colour's hue laid over the picture ('color' blend) at `amount`: grey for black and white, brown for sepia. */
  mono: { color: string; amount: number } | null;
  /** Pixel-art: block size as a fraction of the view's short side; 0 = off. */
  pixelate: number;
  /** Pixel-art: snap the shrunken frame to a console palette with ordered dithering. */
  retroPalette: boolean;
  /** Low-poly: redraw the frame as flat-shaded triangles of about this size (fraction of the short side); 0 = off. */
  facets: number;
  halftone: number;
  /** The surface the picture is printed on, laid over it at `paper` strength. */
  paper: number;
  surface: 'paper' | 'washi' | 'craft' | 'wash' | 'clay';
  /** Ukiyo-e's bokashi: a band of deep colour at the top of the sky, fading down. */
  skyBand: string | null;
  flicker: number;
  scratches: boolean;
  /** Bloom (neon): a blurred copy screened over the frame at this strength; 0 = off. */
  bloom: number;
  /** Paper-cut: soft shadow each darker shape casts down-right onto the lighter paper behind it; 0 = off. */
  cutShadow: number;
  /** Watercolour: pigment pooling along the edges of darker washes, which also softens them; 0 = off. */
  edgePool: number;
  /** Stop-motion: each pose is held for this many frames (1 = smooth motion). */
  hold: number;
}

/** One evaluated frame. */
export interface FrameState {
  frame: number;
  shot: number;
  /** Seconds since the start of the shot. */
  t: number;
  /** View centre in world units, zoom, roll (radians) and the orbit swing that parallax layers turn into motion. */
  camera: { x: number; y: number; zoom: number; rot: number; orbit: number };
  actors: ActorState[];
  /** Lightning flash 0..1. */
  flash: number;
}

export interface ActorState {
  actor: number;
  /** World position of the art's bottom centre (feet), before the motion's own offsets were applied. */
  x: number;
  y: number;
  /** Drawn height in world units (size × perspective × motion scale). */
  h: number;
  rot: number;
  flip: boolean;
  sx: number;
  sy: number;
  alpha: number;
  /** Shadow opacity 0..1 and the ground y it falls on. */
  shadow: number;
  groundY: number;
  z: number;
  /** Time-varying value for extras (zzz, notes, exhaust). */
  t: number;
  /** Speed in units/s (for exhaust, motion lines). */
  speed: number;
}
