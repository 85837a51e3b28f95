/**
 * Plan corpus, part 2: what the subjects do and which way. Every canonical action lemma is reached through an
 * inflected or synonymous verb (running, ran, flies, swam, leapt…), and directions through the phrases people use.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, type PlanCase } from '../../../../test/helpers/plan-cases.js';
import { actionVerbs } from '../lexicon/words.js';

/** [prompt, noun, action lemma]: the prompt's one subject does that action. */
const verbs: Array<[string, string, string]> = [
  ['a dog running', 'dog', 'run'], ['the horse ran', 'horse', 'run'], ['a woman jogs', 'woman', 'run'],
  ['a man walking', 'man', 'walk'], ['a penguin waddled', 'penguin', 'walk'], ['a girl strolls', 'girl', 'walk'],
  ['a bird flies', 'bird', 'fly'], ['an eagle flew', 'eagle', 'fly'], ['a butterfly flutters', 'butterfly', 'fly'],
  ['the fish swam', 'fish', 'swim'], ['a duck paddling', 'duck', 'swim'], ['a boy swimming', 'boy', 'swim'],
  ['a frog jumped', 'frog', 'jump'], ['the kangaroo leapt', 'kangaroo', 'jump'], ['a cat pounces', 'cat', 'jump'],
  ['the ball bounced', 'ball', 'bounce'], ['a ball bouncing', 'ball', 'bounce'],
  ['a coin spun', 'coin', 'spin'], ['a dancer twirls', 'dancer', 'spin'], ['a disco ball spinning', 'disco ball', 'spin'],
  ['a leaf is falling', 'leaf', 'fall'], ['an apple fell', 'apple', 'fall'], ['a rock tumbles', 'rock', 'fall'],
  ['a balloon floats', 'balloon', 'float'], ['an astronaut floating', 'astronaut', 'float'],
  ['a car drove', 'car', 'drive'], ['a truck driving', 'truck', 'drive'], ['a taxi cruising', 'taxi', 'drive'],
  ['a ship sailed', 'ship', 'sail'], ['a boat sailing', 'boat', 'sail'],
  ['a girl danced', 'girl', 'dance'], ['a robot dances', 'robot', 'dance'],
  ['a satellite orbits', 'satellite', 'orbit'], ['a planet revolves', 'planet', 'orbit'], ['a bee circling', 'bee', 'orbit'],
  ['a flower grows', 'flower', 'grow'], ['a sunflower blooming', 'sunflower', 'grow'],
  ['a balloon shrinks', 'balloon', 'shrink'], ['the balloon deflated', 'balloon', 'shrink'], ['a snowman melting', 'snowman', 'shrink'],
  ['a girl waves', 'girl', 'wave'], ['a boy waved', 'boy', 'wave'], ['a crowd of people cheering', 'person', 'wave'],
  ['a cat chasing', 'cat', 'chase'], ['a wolf hunts', 'wolf', 'chase'],
  ['a bee hovering', 'bee', 'hover'], ['a ufo hovers', 'ufo', 'hover'],
  ['a dog sleeping', 'dog', 'sleep'], ['a cat napping', 'cat', 'sleep'], ['a baby slept', 'baby', 'sleep'],
  ['an owl perched', 'owl', 'sit'], ['a man sitting', 'man', 'sit'], ['a frog sat', 'frog', 'sit'],
  ['a log rolling', 'log', 'roll'], ['a ball rolls', 'ball', 'roll'],
  ['an eagle soared', 'eagle', 'glide'], ['a skier skiing', 'skier', 'glide'],
  ['a monkey climbing', 'monkey', 'climb'], ['a climber climbed', 'climber', 'climb'],
  ['a leaf drifting', 'leaf', 'drift'], ['a canoe drifts', 'canoe', 'drift'],
  ['a race car speeding', 'race car', 'race'], ['a motorcycle zooming past', 'motorcycle', 'race'],
  ['a rabbit hopping', 'rabbit', 'hop'], ['a girl skipping', 'girl', 'hop'],
  ['a snake slithers', 'snake', 'crawl'], ['a caterpillar crawling', 'caterpillar', 'crawl'],
  ['a horse galloped', 'horse', 'gallop'], ['a pony trotting', 'horse', 'gallop'],
  ['a tree swaying', 'tree', 'sway'], ['a palm tree swayed', 'palm tree', 'sway'],
  ['a rocket rises', 'rocket', 'rise'], ['a rocket blasting off', 'rocket', 'rise'], ['a plane takes off', 'airplane', 'rise'],
  ['a submarine sinking', 'submarine', 'sink'], ['a ship sank', 'ship', 'sink'],
  ['a dolphin dives', 'dolphin', 'dive'], ['a penguin dove', 'penguin', 'dive'],
  ['kids playing', 'child', 'play'], ['a toddler laughing', 'child', 'play'],
  ['a squirrel eating', 'squirrel', 'eat'], ['a deer grazing', 'deer', 'eat'], ['a chicken pecks', 'chicken', 'eat'],
  ['a bird singing', 'bird', 'sing'], ['a dog barked', 'dog', 'sing'], ['a wolf howls', 'wolf', 'sing'],
  ['a lantern glowing', 'lantern', 'glow'], ['a star twinkles', 'star', 'glow'],
  ['a candle flickering', 'candle', 'flicker'], ['a fire burning', 'fire', 'flicker'],
  ['a girl skating', 'girl', 'skate'], ['a boy skateboarding', 'boy', 'skate'],
  ['a surfer surfing', 'surfer', 'surf'], ['a surfer riding a wave', 'surfer', 'surf'],
  ['a cyclist rides', 'cyclist', 'ride'], ['a man cycling', 'man', 'ride'],
  ['a clown juggling', 'clown', 'juggle'], ['a juggler performs', 'juggler', 'juggle'],
  ['two knights fighting', 'knight', 'fight'], ['a ninja battles', 'ninja', 'fight'],
  ['a balloon popping', 'balloon', 'burst'], ['a rocket exploded', 'rocket', 'burst'],
  // Verbs of moving on take each subject's own way of moving.
  ['a boat crossing the lake', 'boat', 'sail'], ['a plane crossing the sky', 'airplane', 'fly'], ['a man crossing the street', 'man', 'walk'],
  ['a bee arrives', 'bee', 'fly'], ['a train passes', 'train', 'drive'],
  ['a man standing', 'man', 'idle'], ['a cat stretching', 'cat', 'idle'], ['a chef cooking', 'chef', 'idle'],
];

const actions: PlanCase[] = verbs.map(([prompt, noun, action]) => ({ prompt, subjects: [{ noun, action }] }));

/** Verbs whose object matters. */
const transitive: PlanCase[] = [
  { prompt: 'a girl flying a kite', subjects: [{ noun: 'girl', action: 'idle' }, { noun: 'kite' }] },
  { prompt: 'a pilot flying a plane', subjects: [{ noun: 'pilot', action: 'idle' }, { noun: 'airplane', action: 'fly' }] },
  { prompt: 'a dragon flying over a castle', subjects: [{ noun: 'dragon', action: 'fly' }, { noun: 'castle' }] },
];

const directions: PlanCase[] = [
  { prompt: 'a dog running to the left', subjects: [{ noun: 'dog', action: 'run', direction: 'left' }] },
  { prompt: 'a car driving from left to right', subjects: [{ noun: 'car', action: 'drive', direction: 'right' }] },
  { prompt: 'a horse galloping right to left', subjects: [{ noun: 'horse', action: 'gallop', direction: 'left' }] },
  { prompt: 'a bird flying towards the camera', subjects: [{ noun: 'bird', action: 'fly', direction: 'toward' }] },
  { prompt: 'a train approaching', subjects: [{ noun: 'train', direction: 'toward' }] },
  { prompt: 'a man walking away', subjects: [{ noun: 'man', action: 'walk', direction: 'away' }] },
  { prompt: 'a ship sailing into the distance', subjects: [{ noun: 'ship', action: 'sail', direction: 'away' }] },
  { prompt: 'a rocket flying upward', subjects: [{ noun: 'rocket', action: 'fly', direction: 'up' }] },
  { prompt: 'a spider crawls up', subjects: [{ noun: 'spider', action: 'crawl', direction: 'up' }] },
  { prompt: 'a skier skiing downhill', subjects: [{ noun: 'skier', action: 'glide', direction: 'down' }] },
  { prompt: 'a cat running around in circles', subjects: [{ noun: 'cat', action: 'run', direction: 'around' }] },
  { prompt: 'a horse ran across the field', subjects: [{ noun: 'horse', action: 'run', direction: 'right' }], setting: 'meadow' },
  { prompt: 'birds flew south', subjects: [{ noun: 'bird', count: 3, action: 'fly', direction: 'down' }] },
  { prompt: 'a dog sitting still', subjects: [{ noun: 'dog', action: 'sit', direction: 'none' }] },
  { prompt: 'a red car and a blue truck race down the highway', subjects: [
    { noun: 'car', color: 'red', action: 'race', direction: 'down' }, { noun: 'truck', color: 'blue', action: 'race', direction: 'down' },
  ] },
  { prompt: 'a cat chasing a mouse to the right', subjects: [{ noun: 'cat', action: 'chase', direction: 'right' }, { noun: 'mouse' }] },
];

describe('plan corpus: actions and directions', () => {
  it('has at least 40 canonical actions, each reached by the corpus', () => {
    const lemmas = Object.keys(actionVerbs);
    expect(lemmas.length).toBeGreaterThanOrEqual(40);
    const reached = new Set(verbs.map(([, , action]) => action));
    expect(lemmas.filter((lemma) => !reached.has(lemma))).toEqual([]);
  });

  it.each(actions)('action: $prompt', checkPlan);
  it.each(transitive)('object: $prompt', checkPlan);
  it.each(directions)('direction: $prompt', checkPlan);
});
