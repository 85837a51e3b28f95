/**
 * Plan corpus, part 3: where and when. Every setting through its own name and a synonym, times of day, weather, and
 * British spellings that must read the same as American ones.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, type PlanCase } from '../../../../test/helpers/plan-cases.js';
import { settingSynonyms } from '../lexicon/words.js';
import { settingNames } from '../settings.js';

/** The settings issue 3 names; each must be drawable and have words besides its name. */
const required = [
  'beach', 'forest', 'city', 'desert', 'mountains', 'ocean', 'underwater', 'space', 'meadow', 'snowfield', 'lake', 'river',
  'jungle', 'street', 'room', 'stage', 'sky', 'farm', 'park', 'canyon', 'island', 'volcano', 'cave', 'garden', 'harbor',
];

/** [prompt, setting]. */
const places: Array<[string, string]> = [
  ['a sandy beach', 'beach'], ['waves on the seashore', 'beach'], ['a pine forest', 'forest'], ['a cabin in the woods', 'forest'],
  ['a city skyline', 'city'], ['a busy downtown', 'city'], ['sand dunes in the desert', 'desert'], ['an oasis', 'desert'],
  ['snowy mountains', 'mountains'], ['an alpine valley', 'mountains'], ['the open ocean', 'ocean'], ['a ship at sea', 'ocean'],
  ['underwater', 'underwater'], ['a coral reef', 'underwater'], ['deep space', 'space'], ['a spiral galaxy', 'space'],
  ['a flower meadow', 'meadow'], ['rolling hills', 'meadow'], ['a snowfield', 'snowfield'], ['the arctic tundra', 'snowfield'],
  ['a quiet lake', 'lake'], ['a duck pond', 'lake'], ['a river', 'river'], ['a babbling brook', 'river'],
  ['a tropical jungle', 'jungle'], ['the rainforest', 'jungle'], ['a busy street', 'street'], ['a dark alley', 'street'],
  ['a cozy room', 'room'], ['a kitchen', 'room'], ['a theater stage', 'stage'], ['a nightclub', 'stage'],
  ['a cloudy sky', 'sky'], ['high in the air', 'sky'], ['a farm', 'farm'], ['a barnyard', 'farm'],
  ['a park', 'park'], ['a playground', 'park'], ['the grand canyon', 'canyon'], ['a gorge', 'canyon'],
  ['a desert island', 'island'], ['a tropical island', 'island'], ['an erupting volcano', 'volcano'], ['a lava field', 'volcano'],
  ['a dark cave', 'cave'], ['an underground cavern', 'cave'], ['a rose garden', 'garden'], ['a greenhouse', 'garden'],
  ['a fishing harbor', 'harbor'], ['boats at the marina', 'harbor'], ['on the moon', 'moon'], ['a swamp', 'swamp'],
  ['the savannah', 'savanna'], ['lakes', 'lake'], ['a mountain lake', 'lake'], ['a city park', 'park'],
];

const settings: PlanCase[] = places.map(([prompt, setting]) => ({ prompt, setting }));

/** A shot is in one place: a second one it cannot also show is reported, one that is the same place is not. */
const twoPlaces: PlanCase[] = [
  { prompt: 'mountains at dawn with a river', setting: 'mountains', unmatched: ['river'] },
  { prompt: 'a fox in a forest in the city', subjects: [{ noun: 'fox' }], setting: 'forest', unmatched: ['city'] },
  { prompt: 'a beach on an island', setting: 'beach' },
  { prompt: 'a harbor by the sea', setting: 'harbor' },
  { prompt: 'a mountain lake', setting: 'lake' },
  { prompt: 'birds in the sky over the ocean', subjects: [{ noun: 'bird' }], setting: 'ocean' },
  // Launched from the moon, a rocket stands on its surface; flying to it, it is out in space.
  { prompt: 'a rocket launching from the moon', subjects: [{ noun: 'rocket' }], setting: 'moon' },
  { prompt: 'a rocket flying to the moon', subjects: [{ noun: 'rocket' }], setting: 'space' },
];

const times: PlanCase[] = [
  { prompt: 'a misty lake at dawn', setting: 'lake', timeOfDay: 'dawn', weather: 'fog' },
  { prompt: 'a farm at sunrise', timeOfDay: 'dawn' },
  { prompt: 'at daybreak', timeOfDay: 'dawn' },
  { prompt: 'a quiet morning', timeOfDay: 'morning' },
  { prompt: 'high noon in the desert', setting: 'desert', timeOfDay: 'noon' },
  { prompt: 'a street at midday', timeOfDay: 'noon' },
  { prompt: 'late afternoon on the farm', setting: 'farm', timeOfDay: 'afternoon' },
  { prompt: 'a meadow at golden hour', timeOfDay: 'golden-hour' },
  { prompt: 'golden-hour light on a beach', setting: 'beach', timeOfDay: 'golden-hour' },
  { prompt: 'a lighthouse at sundown', timeOfDay: 'sunset', subjects: [{ noun: 'lighthouse' }] },
  { prompt: 'a sunset over the sea', setting: 'ocean', timeOfDay: 'sunset' },
  { prompt: 'dusk in the forest', setting: 'forest', timeOfDay: 'dusk' },
  { prompt: 'at twilight', timeOfDay: 'dusk' },
  { prompt: 'a city at midnight', setting: 'city', timeOfDay: 'night' },
  { prompt: 'a starry night over the lake', setting: 'lake', timeOfDay: 'night' },
  { prompt: 'a wolf howls at the full moon', timeOfDay: 'night', subjects: [{ noun: 'wolf', action: 'sing' }] },
  { prompt: 'after dark', timeOfDay: 'night' },
  { prompt: 'the northern lights dancing over a frozen lake', timeOfDay: 'night', setting: 'snowfield', subjects: [] },
  // An owl is out at night and space is dark, whatever the prompt leaves unsaid.
  { prompt: 'an owl', timeOfDay: 'night', subjects: [{ noun: 'owl' }] },
  { prompt: 'a rocket in space', setting: 'space', timeOfDay: 'night' },
];

const weather: PlanCase[] = [
  { prompt: 'a sunny meadow', weather: 'clear' },
  { prompt: 'clear blue skies', weather: 'clear' },
  { prompt: 'an overcast sky', weather: 'cloudy' },
  { prompt: 'a forest in the drizzle', setting: 'forest', weather: 'rain' },
  { prompt: 'heavy rain on the street', setting: 'street', weather: 'rain' },
  { prompt: 'a drizzly morning', timeOfDay: 'morning', weather: 'rain' },
  { prompt: 'a castle during a thunderstorm', weather: 'storm', subjects: [{ noun: 'castle' }] },
  { prompt: 'lightning over the mountains', setting: 'mountains', weather: 'storm' },
  { prompt: 'a hailstorm', weather: 'storm' },
  { prompt: 'a cabin in a blizzard', weather: 'snow', subjects: [{ noun: 'house' }] },
  { prompt: 'snow falling on a village', setting: 'city', weather: 'snow' },
  { prompt: 'a frosty morning', weather: 'snow' },
  { prompt: 'fog over the river', setting: 'river', weather: 'fog' },
  { prompt: 'a hazy afternoon', weather: 'fog' },
  { prompt: 'a windy day on the beach', setting: 'beach', weather: 'wind' },
  { prompt: 'a gentle breeze', weather: 'wind' },
  { prompt: 'a sandstorm in the desert', setting: 'desert', weather: 'wind' },
];

const spellings: PlanCase[] = [
  { prompt: 'a grey cat in the theatre', subjects: [{ noun: 'cat', color: 'gray' }], setting: 'stage' },
  { prompt: 'boats in the harbour at golden hour', subjects: [{ noun: 'boat' }], setting: 'harbor', timeOfDay: 'golden-hour' },
  { prompt: 'a colourful parrot', subjects: [{ noun: 'parrot' }] },
  { prompt: 'a light grey aeroplane', subjects: [{ noun: 'airplane', color: 'lightgray' }] },
  { prompt: 'a greyish goose', subjects: [{ noun: 'goose', color: 'gray' }] },
  { prompt: 'a messy kitchen', setting: 'room', unmatched: ['messy'] },
];

describe('plan corpus: scene', () => {
  it('draws every setting the issue names, each with synonyms', () => {
    expect(settingNames.length).toBeGreaterThanOrEqual(25);
    for (const setting of required) {
      expect(settingNames, setting).toContain(setting);
      expect(settingSynonyms[setting]?.length ?? 0, setting).toBeGreaterThan(0);
    }
    const reached = new Set(places.map(([, setting]) => setting));
    expect(settingNames.filter((setting) => !reached.has(setting))).toEqual([]);
  });

  it.each(settings)('setting: $prompt', checkPlan);
  it.each(twoPlaces)('two places: $prompt', checkPlan);
  it.each(times)('time of day: $prompt', checkPlan);
  it.each(weather)('weather: $prompt', checkPlan);
  it.each(spellings)('spelling: $prompt', checkPlan);
});
