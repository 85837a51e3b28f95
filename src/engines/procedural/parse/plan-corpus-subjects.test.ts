/**
 * Plan corpus, part 1: what the subjects are. Nouns through plurals and synonyms, counts in words, digits and
 * collective nouns, colours (CSS names, spoken shades, hex) on the right noun, sizes, and word orders and relative
 * clauses that must not move a modifier or a verb to the wrong subject.
 */
import { describe, it } from 'vitest';
import { checkPlan, type PlanCase } from '../../../../test/helpers/plan-cases.js';

const nouns: PlanCase[] = [
  { prompt: 'a dog', subjects: [{ noun: 'dog', count: 1, asset: 'fluent-emoji-flat:dog' }] },
  { prompt: 'dogs', subjects: [{ noun: 'dog', count: 3 }] },
  { prompt: 'puppies', subjects: [{ noun: 'dog', count: 3 }] },
  { prompt: 'a kitten', subjects: [{ noun: 'cat', count: 1 }] },
  { prompt: 'an automobile on a highway', subjects: [{ noun: 'car' }], setting: 'street' },
  { prompt: 'an aeroplane', subjects: [{ noun: 'airplane' }] },
  { prompt: 'three mice', subjects: [{ noun: 'mouse', count: 3 }] },
  { prompt: 'geese', subjects: [{ noun: 'goose', count: 3 }] },
  { prompt: 'wolves', subjects: [{ noun: 'wolf', count: 3 }] },
  { prompt: 'children', subjects: [{ noun: 'child', count: 3 }] },
  { prompt: 'people', subjects: [{ noun: 'person', count: 3 }] },
  { prompt: 'two women', subjects: [{ noun: 'woman', count: 2 }] },
  { prompt: 'oxen', subjects: [{ noun: 'ox', count: 3 }] },
  { prompt: 'cacti in the desert', subjects: [{ noun: 'cactus', count: 3 }], setting: 'desert' },
  { prompt: 'leaves', subjects: [{ noun: 'leaf', count: 3 }] },
  { prompt: 'two hot air balloons', subjects: [{ noun: 'hot air balloon', count: 2 }] },
  { prompt: 'police cars', subjects: [{ noun: 'police car', count: 3 }] },
  { prompt: 'a pony', subjects: [{ noun: 'horse' }] },
  { prompt: 'a lorry', subjects: [{ noun: 'truck' }] },
];

const counts: PlanCase[] = [
  { prompt: 'three balloons', subjects: [{ noun: 'balloon', count: 3 }] },
  { prompt: '5 cats', subjects: [{ noun: 'cat', count: 5 }] },
  { prompt: '12 balloons', subjects: [{ noun: 'balloon', count: 12 }] },
  { prompt: 'twenty fish', subjects: [{ noun: 'fish', count: 20 }] },
  { prompt: 'a pair of swans', subjects: [{ noun: 'swan', count: 2 }] },
  { prompt: 'a couple of boats', subjects: [{ noun: 'boat', count: 2 }] },
  { prompt: 'a dozen eggs', subjects: [{ noun: 'egg', count: 12 }] },
  { prompt: 'half a dozen eggs', subjects: [{ noun: 'egg', count: 6 }] },
  { prompt: 'a handful of coins', subjects: [{ noun: 'coin', count: 4 }] },
  { prompt: 'several ducks swimming', subjects: [{ noun: 'duck', count: 4, action: 'swim' }] },
  { prompt: 'a single tree', subjects: [{ noun: 'tree', count: 1 }] },
  { prompt: 'a lone wolf', subjects: [{ noun: 'wolf', count: 1 }] },
  { prompt: 'twin girls', subjects: [{ noun: 'girl', count: 2 }] },
  { prompt: 'a flock of birds', subjects: [{ noun: 'bird', count: 6 }] },
  { prompt: 'a swarm of bees', subjects: [{ noun: 'bee', count: 12 }] },
  { prompt: 'a school of fish', subjects: [{ noun: 'fish', count: 8 }], setting: 'underwater' },
  { prompt: 'a herd of elephants', subjects: [{ noun: 'elephant', count: 6 }] },
  { prompt: 'a pack of wolves', subjects: [{ noun: 'wolf', count: 5 }] },
  { prompt: 'a fleet of ships', subjects: [{ noun: 'ship', count: 5 }] },
  { prompt: 'two flocks of birds', subjects: [{ noun: 'bird', count: 12 }] },
  { prompt: 'a crowd cheering', subjects: [{ noun: 'person', count: 8, action: 'wave' }] },
  { prompt: 'a flock flying over the lake', subjects: [{ noun: 'bird', count: 6, action: 'fly' }], setting: 'lake' },
  { prompt: 'a row of trees', subjects: [{ noun: 'tree', count: 5 }] },
  // Without "of" a group word names its members, or is what else it means, or is reported.
  { prompt: 'a band playing on stage', subjects: [{ noun: 'person', count: 4, action: 'play' }], setting: 'stage' },
  { prompt: 'a cloud over a house', subjects: [{ noun: 'house', count: 1 }] },
  { prompt: 'a bevy on the lawn', subjects: [], setting: 'meadow', unmatched: ['bevy'] },
  // Beyond fifty a crowd reads the same, and drawing costs grow.
  { prompt: '1000 balloons', subjects: [{ noun: 'balloon', count: 50 }] },
];

const colors: PlanCase[] = [
  { prompt: 'a crimson kite', subjects: [{ noun: 'kite', color: 'crimson' }] },
  { prompt: 'a #ff8800 balloon', subjects: [{ noun: 'balloon', color: '#ff8800' }] },
  { prompt: 'a #F80 balloon', subjects: [{ noun: 'balloon', color: '#ff8800' }] },
  { prompt: 'a grey cat', subjects: [{ noun: 'cat', color: 'gray' }] },
  { prompt: 'a golden retriever', subjects: [{ noun: 'dog', color: 'gold' }] },
  { prompt: 'a navy blue boat', subjects: [{ noun: 'boat', color: 'navy' }] },
  { prompt: 'a tiny orange cat', subjects: [{ noun: 'cat', color: 'orange', size: 'tiny' }] },
  { prompt: 'an orange', subjects: [{ noun: 'orange', color: null }] },
  { prompt: 'a red car and a blue truck', subjects: [{ noun: 'car', color: 'red' }, { noun: 'truck', color: 'blue' }] },
  { prompt: 'a blue truck next to a red car', subjects: [{ noun: 'truck', color: 'blue' }, { noun: 'car', color: 'red' }] },
  { prompt: 'a #ff0000 car and a #0000ff truck', subjects: [{ noun: 'car', color: '#ff0000' }, { noun: 'truck', color: '#0000ff' }] },
  { prompt: 'a white horse and a black horse', subjects: [{ noun: 'horse', color: 'white' }, { noun: 'horse', color: 'black' }] },
  { prompt: 'three white sheep and two black goats', subjects: [{ noun: 'sheep', count: 3, color: 'white' }, { noun: 'goat', count: 2, color: 'black' }] },
  { prompt: 'a girl with a red balloon', subjects: [{ noun: 'girl', color: null }, { noun: 'balloon', color: 'red' }] },
  { prompt: 'a car, red and shiny, drives', subjects: [{ noun: 'car', color: 'red', action: 'drive' }], unmatched: ['shiny'] },
  { prompt: 'the fox, which is white, runs', subjects: [{ noun: 'fox', color: 'white', action: 'run' }] },
  { prompt: 'the fox, which is red, runs', subjects: [{ noun: 'fox', color: null, action: 'run' }] },
  { prompt: 'a turquoise fish', subjects: [{ noun: 'fish', color: 'turquoise' }] },
];

const sizes: PlanCase[] = [
  { prompt: 'a giant turtle', subjects: [{ noun: 'turtle', size: 'huge' }] },
  { prompt: 'a little mouse', subjects: [{ noun: 'mouse', size: 'small' }] },
  { prompt: 'a tiny ant', subjects: [{ noun: 'ant', size: 'tiny' }] },
  { prompt: 'an enormous whale', subjects: [{ noun: 'whale', size: 'huge' }] },
  { prompt: 'a big dog chases a small cat', subjects: [{ noun: 'dog', size: 'large', action: 'chase' }, { noun: 'cat', size: 'small' }] },
  { prompt: 'a medium sized box', subjects: [{ noun: 'box', size: 'medium' }] },
  { prompt: 'a huge dark blue whale', subjects: [{ noun: 'whale', size: 'huge', color: 'darkblue' }] },
];

const wordOrder: PlanCase[] = [
  { prompt: 'two puppies chasing a ball', subjects: [{ noun: 'dog', count: 2, action: 'chase' }, { noun: 'ball', count: 1 }] },
  { prompt: 'a ball that two puppies are chasing', subjects: [{ noun: 'ball', count: 1, action: 'bounce' }, { noun: 'dog', count: 2, action: 'chase' }] },
  { prompt: 'a dog that runs on the beach', subjects: [{ noun: 'dog', action: 'run' }], setting: 'beach' },
  { prompt: 'a cat who sleeps', subjects: [{ noun: 'cat', action: 'sleep' }] },
  { prompt: 'in the park, a dog runs', subjects: [{ noun: 'dog', action: 'run' }], setting: 'park' },
  { prompt: 'through the forest runs a fox', subjects: [{ noun: 'fox', action: 'run' }], setting: 'forest' },
  { prompt: 'over the hills flies a red kite', subjects: [{ noun: 'kite', action: 'fly', color: 'red' }], setting: 'meadow' },
  { prompt: 'at night, three owls hoot in a forest', subjects: [{ noun: 'owl', count: 3, action: 'sing' }], setting: 'forest', timeOfDay: 'night' },
  { prompt: 'a dog and a cat play', subjects: [{ noun: 'dog', action: 'play' }, { noun: 'cat', action: 'play' }] },
  { prompt: 'running dogs', subjects: [{ noun: 'dog', action: 'run', count: 3 }] },
  { prompt: "the dog's ball bounces", subjects: [{ noun: 'dog' }, { noun: 'ball', action: 'bounce' }] },
  { prompt: 'a 30 year old man', subjects: [{ noun: 'man', count: 1 }] },
  { prompt: 'a girl stands on a skateboard, riding along', subjects: [{ noun: 'girl', action: 'ride', direction: 'right' }, { noun: 'skateboard', direction: 'none' }] },
  // What runs is a word it does not know: the verb is reported with it, not given to the next noun.
  { prompt: 'a zorblat running through a field of sunflowers', subjects: [{ noun: 'sunflower', count: 3, direction: 'none' }], unmatched: ['zorblat', 'running'] },
  { prompt: 'a man walking his dog', subjects: [{ noun: 'man', action: 'walk', asset: 'fluent-emoji-flat:man-walking' }, { noun: 'dog' }] },
];

describe('plan corpus: subjects', () => {
  it.each(nouns)('nouns: $prompt', checkPlan);
  it.each(counts)('counts: $prompt', checkPlan);
  it.each(colors)('colours: $prompt', checkPlan);
  it.each(sizes)('sizes: $prompt', checkPlan);
  it.each(wordOrder)('word order: $prompt', checkPlan);
});
