/**
 * Plan corpus, part 4: how it is filmed and how it feels. Camera moves and speeds in the words of a shot list (which
 * read like verbs and must not become what a subject does), styles and moods.
 */
import { describe, it } from 'vitest';
import { checkPlan, type PlanCase } from '../../../../test/helpers/plan-cases.js';

const camera: PlanCase[] = [
  {
    prompt: 'the camera slowly pushes in on a lighthouse while waves crash',
    camera: { move: 'zoom-in', speed: 'slow' }, subjects: [{ noun: 'lighthouse' }], setting: 'beach',
  },
  { prompt: 'zoom in on a flower', camera: { move: 'zoom-in' }, subjects: [{ noun: 'flower' }] },
  { prompt: 'dolly in on a castle', camera: { move: 'zoom-in' }, subjects: [{ noun: 'castle' }] },
  { prompt: 'close-up of a bee on a flower', camera: { move: 'zoom-in' }, subjects: [{ noun: 'bee' }, { noun: 'flower' }] },
  { prompt: 'push in quickly on a door', camera: { move: 'zoom-in', speed: 'fast' }, subjects: [{ noun: 'door' }] },
  { prompt: 'a slow dolly zoom on a man', camera: { move: 'zoom-in', speed: 'slow' }, subjects: [{ noun: 'man' }] },
  { prompt: 'dolly out from a house', camera: { move: 'zoom-out' }, subjects: [{ noun: 'house' }] },
  { prompt: 'zoom out to reveal the valley', camera: { move: 'zoom-out' }, setting: 'mountains' },
  { prompt: 'the camera slowly pulls back from a boat', camera: { move: 'zoom-out', speed: 'slow' }, subjects: [{ noun: 'boat' }] },
  { prompt: 'wide shot of a desert', camera: { move: 'zoom-out' }, setting: 'desert' },
  { prompt: 'the camera pans left over the city', camera: { move: 'pan-left' }, setting: 'city' },
  { prompt: 'whip pan left across the harbour', camera: { move: 'pan-left', speed: 'fast' }, setting: 'harbor' },
  { prompt: 'camera trucks left past a house', camera: { move: 'pan-left' }, subjects: [{ noun: 'house' }] },
  { prompt: 'slow pan to the right across a meadow', camera: { move: 'pan-right', speed: 'slow' }, setting: 'meadow' },
  { prompt: 'a quick pan right over the beach', camera: { move: 'pan-right', speed: 'fast' }, setting: 'beach' },
  { prompt: 'panorama of snowy mountains', camera: { move: 'pan-right' }, setting: 'mountains', weather: 'snow' },
  { prompt: 'crane up over a forest', camera: { move: 'tilt-up' }, setting: 'forest', subjects: [] },
  { prompt: 'the camera rises above the clouds', camera: { move: 'tilt-up' }, subjects: [] },
  { prompt: 'tilt up to the stars', camera: { move: 'tilt-up' }, timeOfDay: 'night' },
  { prompt: 'camera tilts down to the river', camera: { move: 'tilt-down' }, setting: 'river' },
  { prompt: 'aerial shot of an island', camera: { move: 'tilt-down' }, setting: 'island' },
  { prompt: "bird's eye view of a town", camera: { move: 'tilt-down' }, setting: 'city' },
  { prompt: 'orbiting camera around a statue', camera: { move: 'orbit' }, subjects: [{ noun: 'statue', direction: 'none' }] },
  { prompt: 'the camera circles a tree', camera: { move: 'orbit' }, subjects: [{ noun: 'tree' }] },
  { prompt: 'a gentle orbit around a fountain', camera: { move: 'orbit', speed: 'slow' }, subjects: [{ noun: 'fountain', action: 'idle' }] },
  { prompt: '360 shot of a car', camera: { move: 'orbit' }, subjects: [{ noun: 'car' }] },
  { prompt: 'tracking shot of a running horse', camera: { move: 'tracking' }, subjects: [{ noun: 'horse', action: 'run' }] },
  { prompt: 'the camera follows a car down the road', camera: { move: 'tracking' }, subjects: [{ noun: 'car', action: 'drive' }], setting: 'street' },
  { prompt: 'a steady tracking shot following a cyclist', camera: { move: 'tracking', speed: 'slow' }, subjects: [{ noun: 'cyclist', action: 'ride' }] },
  { prompt: 'handheld shot of a dog', camera: { move: 'handheld' }, subjects: [{ noun: 'dog' }] },
  { prompt: 'shaky cam footage of a street market', camera: { move: 'handheld' }, setting: 'street' },
  { prompt: 'static shot of a lake', camera: { move: 'static' }, setting: 'lake' },
  { prompt: 'locked-off shot of a cat sleeping', camera: { move: 'static' }, subjects: [{ noun: 'cat', action: 'sleep' }] },
  // Subjects that move are not camera moves, and the camera word is not a thing to draw.
  { prompt: 'a man moving away', camera: { move: 'static' }, subjects: [{ noun: 'man', action: 'walk', direction: 'away' }] },
  { prompt: 'a balloon rising up', subjects: [{ noun: 'balloon', action: 'rise' }], camera: { move: 'zoom-in' } },
  { prompt: 'a monkey swings to the left', subjects: [{ noun: 'monkey', action: 'climb', direction: 'left' }], camera: { move: 'zoom-in' } },
  { prompt: 'a camera next to a book', subjects: [{ noun: 'camera' }, { noun: 'book' }], camera: { move: 'zoom-in' } },
  // No camera words: moving subjects hold the shot, a still one gets a slow push in, an empty scene a slow pan.
  { prompt: 'a dog running', camera: { move: 'static' } },
  { prompt: 'a sleeping cat', camera: { move: 'zoom-in', speed: 'slow' } },
  { prompt: 'a misty forest', camera: { move: 'pan-right', speed: 'slow' } },
];

const styles: PlanCase[] = [
  { prompt: 'a cinematic shot of a dragon', style: 'cinematic', subjects: [{ noun: 'dragon' }] },
  { prompt: 'a watercolour painting of a fox', style: 'watercolor', subjects: [{ noun: 'fox' }] },
  { prompt: 'a neon city at night', style: 'neon', setting: 'city', timeOfDay: 'night' },
  { prompt: 'pixel art of a knight', style: 'pixel-art', subjects: [{ noun: 'knight' }] },
  { prompt: 'an 8-bit castle', style: 'pixel-art', subjects: [{ noun: 'castle' }] },
  { prompt: 'a film noir detective on a street', style: 'noir', subjects: [{ noun: 'detective' }] },
  { prompt: 'pastel clouds over a meadow', style: 'pastel', weather: 'cloudy' },
  { prompt: 'a vintage film of a train', style: 'vintage-film', subjects: [{ noun: 'train' }] },
  { prompt: 'comic book style superhero flying', style: 'comic', subjects: [{ noun: 'superhero', action: 'fly' }] },
  { prompt: 'a claymation snail', style: 'claymation', subjects: [{ noun: 'snail' }] },
  { prompt: 'a paper-cut forest', style: 'paper-cut', setting: 'forest' },
  { prompt: 'a ukiyo-e wave', style: 'ukiyo-e', setting: 'ocean' },
  { prompt: 'a low-poly mountain', style: 'low-poly', setting: 'mountains' },
];

const moods: PlanCase[] = [
  { prompt: 'an eerie forest', mood: 'eerie' },
  { prompt: 'a spooky castle', mood: 'eerie' },
  { prompt: 'a peaceful lake', mood: 'calm' },
  { prompt: 'a happy dog', mood: 'cheerful', subjects: [{ noun: 'dog' }] },
  { prompt: 'a sad clown in the rain', mood: 'melancholy', weather: 'rain' },
  { prompt: 'an epic dragon battle', mood: 'epic', subjects: [{ noun: 'dragon', action: 'fight' }] },
  { prompt: 'a romantic sunset', mood: 'romantic', timeOfDay: 'sunset' },
  { prompt: 'a mysterious cave', mood: 'mysterious', setting: 'cave' },
  { prompt: 'a tense chase through the city', mood: 'tense', setting: 'city', unmatched: ['chase'] },
  { prompt: 'a dreamy underwater scene', mood: 'dreamy', setting: 'underwater' },
  { prompt: 'a playful kitten', mood: 'playful', subjects: [{ noun: 'cat' }] },
  // Unsaid moods come from the scene.
  { prompt: 'a ghost', mood: 'eerie' },
  { prompt: 'a dog on a beach at sunset', mood: 'romantic' },
];

describe('plan corpus: camera, style and mood', () => {
  it.each(camera)('camera: $prompt', checkPlan);
  it.each(styles)('style: $prompt', checkPlan);
  it.each(moods)('mood: $prompt', checkPlan);
});
