import { describe, expect, it } from 'vitest';
import { scenePlanSchema, type Subject } from '../../domain/scene-plan.js';
import { planPrompt, splitShots } from './parse.js';

const subject = (prompt: string, i = 0) => planPrompt(prompt).subjects[i];

describe('planPrompt: subjects', () => {
  it('reads plurals and synonyms', () => {
    expect(subject('dogs')).toMatchObject({ noun: 'dog', count: 3, asset: 'fluent-emoji-flat:dog' });
    expect(subject('some kittens')).toMatchObject({ noun: 'cat', count: 3 });
    expect(subject('a pony')).toMatchObject({ noun: 'horse', count: 1, action: 'gallop' });
    expect(subject('three mice')).toMatchObject({ noun: 'mouse', count: 3 });
    expect(subject('a flying aeroplane')).toMatchObject({ noun: 'airplane', action: 'fly' });
    expect(subject('two hot air balloons')).toMatchObject({ noun: 'hot air balloon', count: 2, asset: 'shape:hot-air-balloon' });
    // Bursts of rays drawn live, not the emoji's dark square with a firework in it.
    expect(subject('fireworks over the city')).toMatchObject({ noun: 'fireworks', asset: 'shape:fireworks' });
  });

  it('counts in words and digits, and collective nouns', () => {
    expect(subject('two puppies chasing a ball')).toMatchObject({ noun: 'dog', count: 2, action: 'chase' });
    expect(planPrompt('two puppies chasing a ball').subjects[1]).toMatchObject({ noun: 'ball', count: 1 });
    expect(subject('7 fish')).toMatchObject({ noun: 'fish', count: 7 });
    expect(subject('a dozen balloons')).toMatchObject({ noun: 'balloon', count: 12 });
    expect(subject('a couple of penguins')).toMatchObject({ noun: 'penguin', count: 2 });
    const flock = subject('a flock of birds');
    expect(flock?.noun).toBe('bird');
    expect(flock?.count).toBeGreaterThanOrEqual(4);
  });

  it('reads colours, sizes and directions', () => {
    expect(subject('a tiny orange cat')).toMatchObject({ noun: 'cat', color: 'orange', size: 'tiny' });
    expect(subject('a huge dark blue whale')).toMatchObject({ noun: 'whale', color: 'darkblue', size: 'huge' });
    expect(subject('a big grey elephant walking to the left')).toMatchObject({ size: 'large', color: 'gray', action: 'walk', direction: 'left' });
    expect(subject('a car driving from left to right')).toMatchObject({ noun: 'car', action: 'drive', direction: 'right' });
    expect(subject('a rocket flying upward')).toMatchObject({ direction: 'up' });
    // "orange" is a colour before a noun and a fruit on its own.
    expect(subject('an orange')).toMatchObject({ noun: 'orange', color: null });
    // "Red" names the species of a red fox (its own russet art); another colour still paints it.
    expect(subject('two red foxes')).toMatchObject({ noun: 'fox', count: 2, color: null });
    expect(subject('a blue fox')).toMatchObject({ noun: 'fox', color: 'blue' });
  });

  it('maps verb forms to action lemmas', () => {
    const cases: Array<[string, string]> = [
      ['a horse galloped', 'gallop'], ['a frog hops', 'hop'], ['the fish swam', 'swim'], ['a leaf is falling', 'fall'],
      ['a girl dancing', 'dance'], ['a bird soaring', 'glide'], ['a snake slithering', 'crawl'], ['a cat sleeps', 'sleep'],
      ['a balloon floats', 'float'], ['a boat sailing', 'sail'], ['a coin spins', 'spin'], ['a monkey climbs', 'climb'],
    ];
    for (const [prompt, action] of cases) {
      const plan = planPrompt(prompt);
      expect(plan.subjects.find((s) => s.action === action), prompt).toBeDefined();
    }
  });

  /** [prompt, what its first subject must be]: the artwork fits the pose, the way the subject lives and the colour. */
  const artwork: Array<[string, Partial<Subject>]> = [
    // People whole, never the emoji's head and shoulders: standing, or in the pose of what they do.
    ['a man walking his dog', { noun: 'man', asset: 'fluent-emoji-flat:man-walking' }],
    ['a boy standing in a garden', { noun: 'boy', asset: 'fluent-emoji-flat:man-standing' }],
    ['kids playing in a park', { noun: 'child', asset: 'fluent-emoji-flat:person-bouncing-ball' }],
    ['a girl running', { noun: 'girl', asset: 'fluent-emoji-flat:woman-running' }],
    ['a woman waving', { noun: 'woman', asset: 'fluent-emoji-flat:woman-standing' }],
    // Resting animals rest, instead of sleeping on their feet.
    ['a dog sleeping in a garden', { noun: 'dog', asset: 'game-icons:sitting-dog#c98a4b' }],
    ['a cat asleep by the fire', { noun: 'cat', action: 'sleep', asset: 'game-icons:cat#d9904a' }],
    ['a fox sitting in the snow', { noun: 'fox', asset: 'game-icons:fox#d8742c' }],
    ['a dog running', { noun: 'dog', asset: 'fluent-emoji-flat:dog' }],
    // Birds in flight spread their wings; perched ones stand.
    ['a flock of birds flying over the sea', { noun: 'bird', asset: 'game-icons:dove#3d4656' }],
    ['seagulls gliding over the harbour', { noun: 'bird', action: 'glide', asset: 'game-icons:dove#3d4656' }],
    ['two ravens fly', { noun: 'crow', asset: 'game-icons:dove#26262b' }],
    ['a bird singing on a branch', { noun: 'bird', asset: 'fluent-emoji-flat:bird' }],
  ];
  it.each(artwork)('draws "%s" in fitting artwork', (prompt, expected) => {
    expect(subject(prompt)).toMatchObject(expected);
  });

  it('draws a rider with their horse or bicycle, not beside it, and reads a couple as two people', () => {
    const only = (prompt: string) => planPrompt(prompt).subjects;
    expect(only('a woman riding a horse on a beach')).toEqual([expect.objectContaining({ noun: 'woman', action: 'gallop', asset: 'fluent-emoji-flat:horse-racing' })]);
    expect(only('a woman riding a bicycle through the city')).toEqual([expect.objectContaining({ noun: 'woman', action: 'ride', asset: 'fluent-emoji-flat:woman-biking' })]);
    expect(only('a knight riding a horse')).toEqual([expect.objectContaining({ noun: 'knight', asset: 'game-icons:mounted-knight#5b6170' })]);
    expect(only('a couple dancing in the rain')).toEqual([expect.objectContaining({ noun: 'person', count: 2, action: 'dance' })]);
    expect(only('a couple of dogs')).toEqual([expect.objectContaining({ noun: 'dog', count: 2 })]);
  });
});

describe('planPrompt: scene', () => {
  it('reads the camera phrase of the brief', () => {
    const plan = planPrompt('the camera slowly pushes in on a lighthouse while waves crash');
    expect(plan.camera).toEqual({ move: 'zoom-in', speed: 'slow' });
    expect(plan.subjects).toHaveLength(1);
    expect(plan.subjects[0]).toMatchObject({ noun: 'lighthouse', asset: 'shape:lighthouse' });
    expect(['beach', 'ocean']).toContain(plan.setting);
    expect(plan.unmatched).toEqual([]);
  });

  it('reads camera moves and speeds', () => {
    expect(planPrompt('a dog in a park, camera pans left quickly').camera).toEqual({ move: 'pan-left', speed: 'fast' });
    expect(planPrompt('tracking shot of a running horse').camera.move).toBe('tracking');
    expect(planPrompt('the camera orbits a castle').camera.move).toBe('orbit');
    expect(planPrompt('handheld footage of a cat').camera.move).toBe('handheld');
    expect(planPrompt('slow zoom out from a tree').camera.move).toBe('zoom-out');
    expect(planPrompt('camera tilts up to the sky').camera.move).toBe('tilt-up');
  });

  it('reads setting, time of day, weather, style and mood', () => {
    const plan = planPrompt('a fox in a snowy forest at dusk, watercolour, eerie');
    expect(plan).toMatchObject({ setting: 'forest', timeOfDay: 'dusk', weather: 'snow', style: 'watercolor', mood: 'eerie' });
    expect(planPrompt('boats in the harbour at golden hour').setting).toBe('harbor');
    expect(planPrompt('boats in the harbour at golden hour').timeOfDay).toBe('golden-hour');
    expect(planPrompt('a city street in a thunderstorm, film noir').weather).toBe('storm');
    expect(planPrompt('a city street in a thunderstorm, film noir').style).toBe('noir');
    expect(planPrompt('a robot on a stage, 8-bit pixel art').style).toBe('pixel-art');
  });

  it('infers setting and mood when not given', () => {
    expect(planPrompt('a school of fish').setting).toBe('underwater');
    expect(planPrompt('a camel').setting).toBe('desert');
    expect(planPrompt('a ghost').mood).toBe('eerie');
    expect(planPrompt('a dog on a beach at sunset').mood).toBe('romantic');
  });

  it('lists every content word it could not use', () => {
    const plan = planPrompt('a zorbly dog dancing with flibber on the beach');
    expect(plan.unmatched).toEqual(['zorbly', 'flibber']);
    expect(planPrompt('a dog on the beach').unmatched).toEqual([]);
  });

  it('produces a plan the schema accepts, with one shot of the requested length', () => {
    const plan = planPrompt('a red car driving through a city at night', { seconds: 7 });
    expect(() => scenePlanSchema.parse(plan)).not.toThrow();
    expect(plan.shots).toHaveLength(1);
    expect(plan.shots[0]).toMatchObject({ seconds: 7, prompt: 'a red car driving through a city at night', setting: 'city', timeOfDay: 'night' });
  });
});

describe('planPrompt: shots', () => {
  it('splits "Shot 1: … Shot 2: …" and carries context forward', () => {
    const plan = planPrompt('Shot 1: a fox walks through a forest. Shot 2: the fox jumps at sunset', { seconds: 6 });
    expect(plan.shots).toHaveLength(2);
    expect(plan.shots.map((s) => s.seconds)).toEqual([3, 3]);
    expect(plan.shots[0]).toMatchObject({ setting: 'forest', timeOfDay: 'afternoon' });
    expect(plan.shots[1]).toMatchObject({ setting: 'forest', timeOfDay: 'sunset' });
    expect(plan.shots[1]?.subjects[0]).toMatchObject({ noun: 'fox', action: 'jump' });
  });

  it('splits lines and "then"', () => {
    expect(splitShots('a cat sleeps\na dog barks\na bird sings')).toHaveLength(3);
    expect(planPrompt('a rocket launches, then an astronaut floats in space').shots).toHaveLength(2);
    expect(planPrompt('a cat next to a dog').shots).toHaveLength(1);
  });
});

describe('planPrompt: remix edits a base plan', () => {
  const base = planPrompt('a brown dog running left on a beach at sunset', { seconds: 5 });

  it('replaces only what the new prompt says', () => {
    const night = planPrompt('make it night', { base });
    expect(night).toMatchObject({ setting: 'beach', timeOfDay: 'night' });
    expect(night.subjects[0]).toMatchObject({ noun: 'dog', color: 'brown', action: 'run', direction: 'left' });
    expect(night.shots[0]?.seconds).toBe(5);
  });

  it('edits, adds, swaps and removes subjects', () => {
    expect(planPrompt('make the dog bigger and blue', { base }).subjects[0]).toMatchObject({ noun: 'dog', size: 'large', color: 'blue' });
    expect(planPrompt('add two seagulls', { base }).subjects.map((s) => s.noun)).toEqual(['dog', 'bird']);
    expect(planPrompt('a cat instead of the dog', { base }).subjects[0]).toMatchObject({ noun: 'cat', action: 'run', direction: 'left' });
    expect(planPrompt('replace the dog with a horse', { base }).subjects.map((s) => s.noun)).toEqual(['horse']);
    expect(planPrompt('remove the dog', { base }).subjects).toEqual([]);
    expect(planPrompt('in the snow, noir style', { base })).toMatchObject({ weather: 'snow', style: 'noir', setting: 'beach' });
  });
});
