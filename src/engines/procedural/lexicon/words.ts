/**
 * Everything in a prompt that is not a drawable noun: verbs, colours, sizes, numbers, settings, times of day, weather,
 * camera phrases, styles, moods, directions and the words that carry no meaning for a picture (stopwords).
 * Keys are lowercase and use spaces where a prompt might use spaces or hyphens ("golden hour", "pixel art"): the
 * tokenizer turns hyphens into spaces before matching.
 */
import { colorKeywords } from '@iconify/utils';

/** A canonical value and the words or phrases that mean it. */
export type Synonyms = Record<string, readonly string[]>;

/** Turn { canonical: [words] } into word -> canonical, including the canonical itself. */
export function invert(table: Synonyms): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, words] of Object.entries(table)) {
    map.set(canonical.replace(/-/g, ' '), canonical);
    for (const word of words) map.set(word.replace(/-/g, ' '), canonical);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------------- actions
/** Canonical action lemmas and the verb bases that mean them; inflections (-s, -ed, -ing) are generated. */
export const actionVerbs: Synonyms = {
  idle: ['stand', 'wait', 'stay', 'watch', 'look', 'gaze', 'stare', 'pose', 'observe', 'sniff', 'listen', 'think', 'read', 'smile', 'linger', 'loiter',
    'stop', 'halt', 'pause', 'stretch', 'yawn', 'wake', 'wake up', 'cry', 'weep', 'sob', 'cook', 'bake', 'write', 'type', 'study', 'work',
    'fish', 'ponder', 'pray', 'hide', 'peek', 'peer', 'guard', 'blush', 'frown', 'shiver'],
  walk: ['stroll', 'amble', 'stride', 'march', 'saunter', 'pace', 'step', 'trek', 'hike', 'tiptoe', 'waddle', 'strut', 'roam', 'plod', 'trudge', 'patrol', 'prowl', 'wander', 'explore', 'travel', 'go', 'come', 'move', 'head', 'journey', 'cross',
    'arrive', 'enter', 'leave', 'exit', 'depart', 'return', 'pass', 'limp', 'shuffle', 'stomp', 'stumble', 'tread', 'ramble'],
  run: ['jog', 'sprint', 'dash', 'rush', 'hurry', 'scamper', 'scurry', 'bolt', 'charge', 'scuttle', 'flee', 'escape', 'dart', 'lope', 'run away', 'run off'],
  fly: ['flap', 'flutter', 'wing', 'flit', 'take flight', 'fly by', 'fly away', 'migrate'],
  swim: ['paddle', 'splash', 'wade', 'snorkel', 'scuba dive', 'bathe'],
  jump: ['leap', 'spring', 'vault', 'pounce', 'hurdle', 'jump over', 'jump rope'],
  bounce: ['bob up and down', 'boing', 'pogo', 'trampoline', 'jiggle', 'rebound', 'dribble', 'jump up and down'],
  spin: ['twirl', 'rotate', 'whirl', 'pirouette', 'swirl', 'turn', 'tumble around', 'pivot', 'gyrate', 'twist', 'swivel', 'cartwheel', 'turn around'],
  fall: ['drop', 'plummet', 'tumble', 'descend', 'topple', 'rain down', 'parachute', 'collapse', 'slip', 'crash', 'crash down', 'tip over', 'fall down', 'cascade'],
  float: ['levitate', 'bob', 'hang in the air', 'float away', 'float along'],
  drive: ['cruise', 'motor', 'commute', 'steer', 'accelerate', 'reverse', 'tow'],
  sail: ['row', 'navigate', 'voyage', 'ferry', 'set sail', 'punt'],
  dance: ['boogie', 'groove', 'wiggle', 'shimmy', 'jive', 'waltz', 'tango', 'party', 'celebrate', 'salsa', 'tap dance', 'breakdance', 'jig', 'bop', 'samba', 'rave'],
  orbit: ['circle', 'revolve', 'loop', 'spiral', 'encircle', 'go around', 'go round', 'circumnavigate'],
  grow: ['expand', 'swell', 'bloom', 'blossom', 'sprout', 'inflate', 'enlarge', 'unfold', 'get bigger', 'multiply'],
  shrink: ['contract', 'deflate', 'dwindle', 'vanish', 'disappear', 'fade', 'wilt', 'wither', 'melt', 'evaporate', 'dissolve', 'crumble', 'get smaller', 'fade away'],
  wave: ['greet', 'wag', 'beckon', 'salute', 'cheer', 'clap', 'applaud', 'gesture', 'signal', 'wave goodbye', 'wave hello'],
  chase: ['pursue', 'follow', 'hunt', 'stalk', 'catch', 'race after', 'run after', 'go after'],
  hover: ['buzz', 'hang', 'flicker about', 'hang in midair', 'hover in place'],
  sleep: ['nap', 'doze', 'snooze', 'rest', 'slumber', 'lie', 'nestle', 'dream', 'snore', 'curl up', 'hibernate', 'snuggle', 'cuddle', 'lie down', 'sunbathe', 'bask', 'laze', 'asleep', 'fall asleep'],
  sit: ['perch', 'squat', 'lounge', 'relax', 'settle', 'meditate', 'kneel', 'sit down', 'crouch', 'huddle', 'roost', 'nest'],
  roll: ['somersault', 'trundle', 'tumble along', 'wheel', 'roll down', 'barrel roll'],
  glide: ['soar', 'slide', 'ski', 'coast', 'swoop', 'sled', 'snowboard', 'skim', 'paraglide', 'hang glide'],
  climb: ['scale', 'ascend', 'clamber', 'scramble', 'swing'],
  drift: ['meander', 'waft', 'blow', 'drift away', 'float downstream'],
  race: ['speed', 'zip', 'whizz', 'whiz', 'whoosh', 'hurtle', 'streak', 'compete', 'zoom', 'zoom past'],
  hop: ['skip', 'bound', 'bunny hop', 'leapfrog'],
  crawl: ['creep', 'slither', 'inch', 'wriggle', 'squirm', 'slink'],
  gallop: ['trot', 'canter', 'stampede', 'ride a horse', 'ride a pony', 'ride on horseback', 'on horseback'],
  sway: ['rustle', 'wobble', 'shake', 'tremble', 'quiver', 'bend', 'rock', 'ripple', 'dangle', 'flap in the wind', 'blow in the wind'],
  rise: ['lift off', 'launch', 'take off', 'blast off', 'soar up', 'emerge', 'surface', 'go up', 'float up', 'rise up', 'lift'],
  sink: ['submerge', 'settle down', 'go down', 'sink down', 'drown'],
  dive: ['plunge', 'nosedive', 'dive bomb', 'swoop down'],
  play: ['frolic', 'romp', 'gambol', 'fetch', 'tumble about', 'have fun', 'splash around', 'laugh', 'giggle', 'tickle', 'play fetch', 'goof around'],
  eat: ['munch', 'nibble', 'chew', 'feed', 'peck', 'drink', 'lick', 'gobble', 'feast', 'snack', 'graze', 'sip', 'bite', 'devour', 'chomp', 'slurp', 'dine', 'forage'],
  sing: ['chirp', 'tweet', 'howl', 'bark', 'meow', 'purr', 'roar', 'hum', 'whistle', 'quack', 'moo', 'neigh', 'croak', 'crow', 'hoot', 'squeak', 'call',
    'shout', 'yell', 'scream', 'chant', 'talk', 'speak', 'chatter', 'whisper', 'growl', 'hiss', 'honk', 'bellow', 'cluck', 'caw', 'bleat', 'oink'],
  glow: ['shine', 'sparkle', 'twinkle', 'shimmer', 'glitter', 'gleam', 'blink', 'glisten', 'radiate', 'light up', 'pulse', 'illuminate', 'flash', 'beam', 'glint'],
  flicker: ['burn', 'crackle', 'blaze', 'smoulder', 'smolder', 'sputter', 'flare', 'flare up'],
  skate: ['rollerblade', 'ice skate', 'skateboard', 'roller skate'],
  surf: ['ride the waves', 'bodyboard', 'windsurf', 'kitesurf', 'wakeboard', 'catch a wave', 'ride a wave'],
  ride: ['cycle', 'bike', 'pedal', 'ride a bike', 'ride a bicycle'],
  juggle: ['perform', 'entertain', 'strum', 'drum', 'conduct', 'busk', 'do tricks', 'do magic'],
  fight: ['battle', 'duel', 'spar', 'wrestle', 'box', 'clash', 'attack', 'joust', 'punch', 'kick', 'brawl', 'swordfight', 'sword fight'],
  burst: ['explode', 'pop', 'blow up', 'erupt', 'shatter', 'detonate', 'break apart', 'go off', 'bang'],
};

/** Verbs of moving on that mean each subject's own way of moving: a boat crossing sails, a plane crossing flies. */
export const travelVerbs = new Set([
  'go', 'come', 'move', 'head', 'travel', 'journey', 'cross', 'arrive', 'enter', 'leave', 'exit', 'depart', 'return', 'pass',
]);

/** Verbs whose -ing/-ed forms double the last consonant (run -> running). */
export const doublingVerbs = new Set([
  'run', 'swim', 'hop', 'spin', 'sit', 'jog', 'skip', 'trot', 'flap', 'bob', 'nap', 'slip', 'stop', 'drop', 'step',
  'plod', 'strut', 'scan', 'pan', 'tilt', 'zip', 'wag', 'hug', 'dig', 'grab', 'spar', 'hum', 'clap', 'pop', 'sob', 'chat',
  'nod', 'skim', 'dip', 'flit', 'patrol', 'drum', 'strum', 'sip', 'tap', 'tip', 'stir', 'pat', 'squat', 'trek', 'whiz', 'sled',
  'drip', 'skid', 'trip', 'bop', 'jig', 'punt',
]);

/** Irregular past forms (base -> extra forms); the regular ones are derived. */
export const irregularForms: Record<string, readonly string[]> = {
  run: ['ran'], swim: ['swam', 'swum'], fly: ['flew', 'flown'], fall: ['fell', 'fallen'], drive: ['drove', 'driven'],
  sit: ['sat'], spin: ['spun'], grow: ['grew', 'grown'], shrink: ['shrank', 'shrunk'], sleep: ['slept'],
  ride: ['rode', 'ridden'], dive: ['dove', 'dived'], rise: ['rose', 'risen'], sink: ['sank', 'sunk'],
  swing: ['swung'], eat: ['ate', 'eaten'], sing: ['sang', 'sung'], lie: ['lay', 'lain', 'lying'], leap: ['leapt'],
  creep: ['crept'], go: ['went', 'gone', 'goes'], come: ['came'], spring: ['sprang', 'sprung'],
  shine: ['shone'], take: ['took', 'taken'], blow: ['blew', 'blown'], drink: ['drank'], catch: ['caught'],
  feed: ['fed'], speed: ['sped'], slide: ['slid'], stride: ['strode'], hang: ['hung'], burn: ['burnt'],
  dream: ['dreamt'], bend: ['bent'], fight: ['fought'], bound: [], wind: ['wound'], stand: ['stood'],
  strike: ['struck'], break: ['broke', 'broken'], awake: ['awoke'], wake: ['woke', 'woken'], shake: ['shook', 'shaken'],
  bite: ['bit', 'bitten'], hide: ['hid', 'hidden'], weep: ['wept'], tread: ['trod'], think: ['thought'], flee: ['fled'],
  write: ['wrote', 'written'], light: ['lit'], get: ['got', 'gotten'],
};

// --------------------------------------------------------------------------------------------- counts, sizes, colours
export const numberWords: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, lone: 1, lonely: 1, solitary: 1, two: 2, both: 2, twin: 2, twins: 2, pair: 2,
  three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  dozen: 12, few: 3, some: 3, several: 4, many: 7, multiple: 4, numerous: 8, lots: 8, countless: 12, dozens: 16,
  hundreds: 20, thousands: 20, handful: 4,
};

/** Collective nouns: "a flock of birds" means several birds. */
export const collectiveNouns: Record<string, number> = {
  flock: 6, herd: 6, pack: 5, school: 8, shoal: 8, swarm: 12, pod: 4, pride: 4, colony: 8, troop: 5, gaggle: 5,
  murmuration: 14, crowd: 8, group: 4, family: 4, bunch: 5, fleet: 5, convoy: 4, army: 10, parade: 6, band: 4,
  team: 5, cluster: 5, litter: 4, brood: 5, troupe: 4, line: 5, row: 5, procession: 6, squadron: 5, horde: 10,
  cloud: 10, bevy: 5, skein: 6, congregation: 8, audience: 8, couple: 2,
};

/** Who a collective noun means when no noun follows it ("a crowd cheering", "the flock flew south"). */
export const collectiveMembers: Record<string, string> = {
  flock: 'bird', herd: 'cow', pack: 'wolf', shoal: 'fish', swarm: 'bee', pod: 'dolphin', pride: 'lion', colony: 'ant',
  troop: 'monkey', gaggle: 'goose', murmuration: 'bird', skein: 'goose', crowd: 'person', audience: 'person',
  congregation: 'person', procession: 'person', group: 'person', family: 'person', team: 'person', band: 'person',
  troupe: 'person', parade: 'person', fleet: 'boat', convoy: 'truck', squadron: 'airplane', army: 'knight',
  couple: 'person',
};

export const sizeSynonyms: Synonyms = {
  tiny: ['teeny', 'teensy', 'minuscule', 'miniature', 'mini', 'microscopic', 'itsy bitsy', 'wee', 'ant sized'],
  small: ['little', 'smallish', 'baby', 'petite', 'short', 'young', 'toy'],
  medium: ['average', 'normal', 'regular', 'mid sized', 'medium sized', 'ordinary'],
  large: ['big', 'tall', 'bigger', 'larger', 'fat', 'chubby', 'plump', 'grown', 'adult', 'great'],
  huge: ['giant', 'enormous', 'gigantic', 'massive', 'colossal', 'immense', 'towering', 'jumbo', 'mega', 'titanic', 'monstrous', 'humongous', 'vast', 'mighty', 'oversized'],
};

/** CSS named colours (from @iconify/utils) plus spoken variants that map onto them. */
export const cssColorNames: readonly string[] = Object.keys(colorKeywords).filter(
  (name) => !['transparent', 'none', 'currentcolor'].includes(name),
);

export const colorAliases: Record<string, string> = {
  golden: 'gold', gold: 'gold', grey: 'gray', silvery: 'silver', reddish: 'red', bluish: 'blue', blueish: 'blue',
  greenish: 'green', yellowish: 'yellow', purplish: 'purple', pinkish: 'pink', orangey: 'orange', brownish: 'brown',
  blond: 'khaki', blonde: 'khaki', ginger: 'chocolate', rusty: 'sienna', scarlet: 'crimson', ruby: 'crimson',
  emerald: 'mediumseagreen', jade: 'mediumseagreen', sapphire: 'royalblue', amber: 'orange', lilac: 'plum',
  lavender: 'lavender', mauve: 'plum', cream: 'cornsilk', creamy: 'cornsilk', ivory: 'ivory', navy: 'navy',
  teal: 'teal', turquoise: 'turquoise', cyan: 'cyan', magenta: 'magenta', violet: 'violet', indigo: 'indigo',
  maroon: 'maroon', burgundy: 'maroon', beige: 'beige', charcoal: 'darkslategray', ebony: 'black', jet: 'black',
  'snow white': 'white', 'pitch black': 'black', 'sky blue': 'skyblue', 'hot pink': 'hotpink',
  'baby blue': 'lightblue', 'navy blue': 'navy', 'blood red': 'darkred', 'lime green': 'limegreen',
  'forest green': 'forestgreen', 'sea green': 'seagreen', 'royal blue': 'royalblue', 'light blue': 'lightblue',
  'dark blue': 'darkblue', 'light green': 'lightgreen', 'dark green': 'darkgreen', 'dark red': 'darkred',
  'light pink': 'lightpink', 'deep pink': 'deeppink', 'light gray': 'lightgray', 'dark gray': 'darkgray',
  'light grey': 'lightgray', 'dark grey': 'darkgray', 'light yellow': 'lightyellow', 'dark orange': 'darkorange',
  'dark purple': 'indigo', 'light purple': 'plum', 'deep blue': 'mediumblue', 'bright red': 'red',
  'bright yellow': 'yellow', 'bright green': 'lime', 'pale blue': 'lightblue', 'pale pink': 'pink',
  'pale yellow': 'lightyellow', grayish: 'gray', 'rainbow colored': 'hotpink', 'multicolored': 'hotpink', 'colored': '',
};

/**
 * A colour word that, before this noun, names the species rather than a paint: a red fox or a red squirrel is its
 * own russet, which its art already has; painted pure red it would look dipped in paint. Another colour still paints.
 */
export const speciesColors: Readonly<Record<string, string>> = { fox: 'red', squirrel: 'red' };

// --------------------------------------------------------------------------------------------------------- the scene
export const settingSynonyms: Synonyms = {
  beach: ['shore', 'seashore', 'seaside', 'coast', 'coastline', 'shoreline', 'cove', 'sandy beach', 'bay', 'cliffs', 'sea cliff', 'boardwalk'],
  forest: ['woods', 'woodland', 'woodlands', 'grove', 'taiga', 'pine forest', 'enchanted forest', 'forest floor', 'thicket', 'clearing'],
  city: ['town', 'downtown', 'metropolis', 'skyline', 'cityscape', 'urban', 'rooftop', 'rooftops', 'new york', 'tokyo', 'paris', 'london', 'village', 'neighborhood', 'plaza', 'town square', 'village square', 'main street'],
  desert: ['dunes', 'sand dunes', 'sahara', 'wasteland', 'dune', 'oasis'],
  mountains: ['mountain', 'peaks', 'peak', 'alps', 'summit', 'valley', 'mountainside', 'ridge', 'highlands', 'cliff', 'alpine', 'mountain range', 'foothills'],
  ocean: ['sea', 'open sea', 'high seas', 'offshore', 'open ocean', 'seas'],
  underwater: ['under the sea', 'undersea', 'seabed', 'sea floor', 'seafloor', 'ocean floor', 'deep sea', 'depths', 'aquarium', 'coral reef', 'under water', 'beneath the waves'],
  space: ['outer space', 'cosmos', 'galaxy', 'universe', 'nebula', 'orbit around earth', 'deep space', 'solar system', 'starfield', 'spiral galaxy', 'milky way', 'stars and planets'],
  moon: ['lunar surface', 'moon surface', 'surface of the moon', 'on the moon', 'from the moon', 'moonscape', 'lunar', 'mars', 'alien planet', 'red planet'],
  meadow: ['field', 'fields', 'grassland', 'prairie', 'pasture', 'countryside', 'hills', 'hillside', 'lawn', 'plains', 'grassy field', 'green hills', 'glade', 'heath', 'moor', 'hill', 'hilltop', 'grassy hill', 'rolling hills', 'wildflower meadow'],
  snowfield: ['snow field', 'tundra', 'arctic', 'antarctic', 'antarctica', 'north pole', 'south pole', 'glacier', 'ice field', 'winter wonderland', 'polar', 'iceberg', 'ice', 'frozen lake', 'ski slope', 'slopes'],
  lake: ['pond', 'lagoon', 'loch', 'reservoir', 'lakeside', 'lakeshore'],
  river: ['stream', 'creek', 'brook', 'riverbank', 'canal', 'waterfall', 'rapids', 'babbling brook', 'riverside', 'river bank'],
  jungle: ['rainforest', 'rain forest', 'tropical forest', 'amazon'],
  street: ['road', 'alley', 'alleyway', 'avenue', 'highway', 'boulevard', 'crosswalk', 'sidewalk', 'freeway', 'motorway', 'racetrack', 'race track', 'parking lot', 'intersection', 'city street', 'market', 'marketplace', 'bazaar', 'street market', 'lane'],
  room: ['bedroom', 'living room', 'kitchen', 'indoors', 'inside', 'office', 'classroom', 'studio', 'apartment', 'attic', 'basement', 'lab', 'laboratory', 'library', 'hallway', 'interior', 'house interior', 'cafe interior'],
  stage: ['theater', 'concert', 'auditorium', 'spotlight', 'circus ring', 'nightclub', 'disco', 'club', 'ballroom', 'arena stage'],
  sky: ['heavens', 'above the clouds', 'midair', 'mid air', 'the air', 'clouds above', 'skies', 'in the sky', 'airborne'],
  farm: ['farmyard', 'barnyard', 'ranch', 'orchard', 'vineyard', 'paddock', 'countryside farm'],
  park: ['playground', 'backyard', 'yard', 'picnic', 'city park', 'garden park', 'dog park'],
  canyon: ['gorge', 'grand canyon', 'mesa', 'ravine', 'badlands', 'red rocks'],
  island: ['desert island', 'tropical island', 'atoll', 'islet', 'paradise'],
  volcano: ['volcanic', 'lava', 'eruption', 'erupting volcano', 'magma', 'lava field'],
  cave: ['cavern', 'grotto', 'tunnel', 'mine', 'dungeon', 'underground', 'catacombs', 'crypt'],
  garden: ['flowerbed', 'flower bed', 'greenhouse', 'courtyard', 'zen garden', 'flower garden', 'rose garden'],
  harbor: ['port', 'dock', 'docks', 'marina', 'pier', 'wharf', 'quay', 'harbour', 'seaport', 'jetty', 'fishing village', 'fishing harbor', 'fishing port', 'waterfront', 'boatyard'],
  swamp: ['marsh', 'bog', 'wetland', 'wetlands', 'bayou', 'mangrove'],
  savanna: ['savannah', 'safari', 'serengeti', 'african plains', 'veld', 'outback'],
};

/** Settings that water-type hints are compatible with (waves crash on a beach or in a harbour as well as at sea). */
export const settingFamilies: Record<string, readonly string[]> = {
  ocean: ['ocean', 'beach', 'harbor', 'island', 'underwater'],
  lake: ['lake', 'river', 'swamp', 'park', 'garden'],
  beach: ['beach', 'ocean', 'island', 'harbor'],
};

export const timeSynonyms: Synonyms = {
  dawn: ['sunrise', 'daybreak', 'first light', 'early morning', 'sunup', 'rising sun', 'sun rises', 'sun rising', 'sun rose', 'dawn light', 'crack of dawn', 'pre dawn'],
  morning: ['mornings', 'breakfast time', 'morning light', 'morning sun', 'mid morning'],
  noon: ['midday', 'high noon', 'noontime', 'daytime', 'day', 'daylight', 'broad daylight', 'sunny day', 'summer day', 'lunchtime', 'noonday', 'midday sun'],
  afternoon: ['afternoons', 'late afternoon', 'teatime', 'afternoon sun', 'mid afternoon'],
  'golden-hour': ['golden hour', 'magic hour', 'late light', 'warm light', 'golden light', 'golden sunlight'],
  sunset: ['sundown', 'setting sun', 'sun sets', 'sun setting', 'sun set', 'evening sun', 'sunsets', 'sun goes down', 'sun going down', 'sunset glow'],
  dusk: ['twilight', 'evening', 'blue hour', 'gloaming', 'nightfall', 'early evening', 'evening light', 'dusky', 'eventide'],
  night: ['nighttime', 'night time', 'midnight', 'moonlight', 'moonlit', 'moonlit night', 'starry', 'starry night', 'starlit', 'under the stars', 'stars', 'dark night', 'late night', 'moon', 'full moon', 'crescent moon', 'nights', 'tonight', 'after dark', 'night sky', 'overnight', 'nocturnal', 'darkness', 'pitch dark', 'northern lights', 'aurora'],
};

export const weatherSynonyms: Synonyms = {
  clear: ['sunny', 'sunshine', 'clear sky', 'clear skies', 'cloudless', 'blue sky', 'blue skies', 'bright', 'fair', 'sun'],
  cloudy: ['clouds', 'overcast', 'cloud cover', 'grey sky', 'gray sky', 'clouded', 'partly cloudy', 'puffy clouds', 'gray clouds', 'dark clouds', 'gray skies', 'cloudy skies', 'gloomy sky'],
  rain: ['rainy', 'raining', 'rains', 'rainfall', 'drizzle', 'drizzling', 'downpour', 'showers', 'shower', 'pouring', 'raindrops', 'rained', 'wet', 'monsoon', 'puddles',
    'drizzly', 'heavy rain', 'light rain', 'pouring rain', 'freezing rain', 'pitter patter', 'spitting rain'],
  storm: ['stormy', 'thunderstorm', 'thunder', 'lightning', 'tempest', 'hurricane', 'typhoon', 'gale', 'storms', 'thundering', 'lightning strikes', 'squall',
    'thunderstorms', 'rainstorm', 'hail', 'hailstorm', 'electrical storm', 'stormy weather', 'lightning storm', 'storm clouds'],
  snow: ['snowy', 'snowing', 'snowfall', 'snowflakes', 'blizzard', 'flurries', 'snowstorm', 'snows', 'snowed', 'sleet', 'wintry', 'winter',
    'heavy snow', 'light snow', 'snowfalls', 'frost', 'frosty', 'snowdrifts', 'winter storm'],
  fog: ['foggy', 'mist', 'misty', 'haze', 'hazy', 'smog', 'fogbank', 'murky', 'steam', 'steamy', 'thick fog', 'dense fog', 'fog bank', 'mists', 'low clouds'],
  wind: ['windy', 'breeze', 'breezy', 'gust', 'gusts', 'gusty', 'blustery', 'windswept', 'autumn', 'fall leaves',
    'strong wind', 'strong winds', 'high winds', 'winds', 'gentle breeze', 'sea breeze', 'sandstorm', 'dust storm', 'windstorm', 'gusting'],
};

/** "the camera" and up to two words ("slowly", "then") before a camera verb. */
const CAMERA = String.raw`camera\s+(?:\w+\s+){0,2}?`;
/** An adverb between a camera verb and its direction ("pushes slowly in"). */
const ADVERB = String.raw`(?:slowly\s+|gently\s+|quickly\s+|smoothly\s+|steadily\s+)?`;
const TO = String.raw`(?:to\s+(?:the\s+)?)?`;
const REVEAL = String.raw`(?:\s+(?:to\s+)?reveal(?:s|ing)?)?`;
/** Verbs that are camera moves on their own ("dolly in"); other verbs are camera moves only after "camera". */
const CAMERA_VERB = String.raw`push(?:es|ed|ing)?|dolly|dollies|dollied|dollying|zoom(?:s|ed|ing)?`;
const MOTION_VERB = String.raw`creep(?:s|ing)?|crept|move[sd]?|moving|glide[sd]?|gliding|track(?:s|ed|ing)?|drift(?:s|ed|ing)?|travel(?:s|ed|ing|led|ling)?`;
const SIDEWAYS_VERB = String.raw`sweep(?:s|ing)?|swept|swing(?:s|ing)?|swung|slide[sd]?|sliding|turn(?:s|ed|ing)?|rotate[sd]?|rotating|${MOTION_VERB}`;
const PAN_VERB = String.raw`(?:whip\s+)?pan(?:s|ned|ning)?|truck(?:s|ed|ing)?|dolly|dollies|crab(?:s|bed|bing)?`;
const TILT_VERB = String.raw`tilt(?:s|ed|ing)?|crane[sd]?|craning|pan(?:s|ned|ning)?|boom(?:s|ed|ing)?`;

const camera = (move: string, source: string): { move: string; pattern: RegExp } => ({ move, pattern: new RegExp(String.raw`\b(?:${source})\b`) });

/** Camera moves as regular expressions over the normalized, space-joined tokens. Order matters: first match wins. */
export const cameraPatterns: ReadonlyArray<{ move: string; pattern: RegExp }> = [
  camera('zoom-in', String.raw`(?:${CAMERA})?dolly\s+zoom|(?:${CAMERA})?(?:${CAMERA_VERB})\s+${ADVERB}(?:in|into|closer|forward|toward|towards)`),
  camera('zoom-in', String.raw`${CAMERA}(?:${MOTION_VERB}|fl(?:y|ies|ying|ew))\s+${ADVERB}(?:in|into|closer|forward|toward|towards)|${CAMERA}approach(?:es|ed|ing)?`),
  camera('zoom-out', String.raw`(?:${CAMERA})?(?:pull(?:s|ed|ing)?|dolly|dollies|dollied|dollying|zoom(?:s|ed|ing)?)\s+${ADVERB}(?:out|back)${REVEAL}|zoom(?:s|ed|ing)?\s+away${REVEAL}`),
  camera('zoom-out', String.raw`${CAMERA}(?:pull(?:s|ed|ing)?|back(?:s|ed|ing)?|retreat(?:s|ed|ing)?|${MOTION_VERB})\s+${ADVERB}(?:out|back|away)${REVEAL}`),
  camera('zoom-out', String.raw`pull\s+back${REVEAL}|wide\s+reveal|reveal(?:s|ing)?\s+shot|establishing\s+shot|wide\s+shot|wide\s+angle(?:\s+shot)?`),
  camera('zoom-in', String.raw`extreme\s+close\s+up|close\s+up|closeup|macro\s+shot|push\s+in|slow\s+zoom|crash\s+zoom|zoom`),
  camera('orbit', String.raw`${CAMERA}(?:orbit(?:s|ed|ing)?|circle[sd]?|circling|rotate[sd]?|rotating|revolve[sd]?|revolving|spin(?:s|ning)?|spun|(?:move[sd]?|moving|swing(?:s|ing)?|go(?:es)?|going)\s+around)(?:\s+around)?`),
  camera('orbit', String.raw`(?:orbit(?:s|ing|al)?|circling|rotating|revolving|spinning)\s+(?:shot|camera)(?:\s+a?round)?|(?:slow|gentle|quick|fast|full|smooth|half|a|an)\s+orbit(?:\s+(?:around|of))?|arc\s+shot|360(?:\s+degrees?)?(?:\s+shot|\s+view|\s+orbit|\s+pan)?|turntable\s+shot`),
  camera('pan-left', String.raw`(?:${CAMERA})?(?:${PAN_VERB})\s+${ADVERB}${TO}left|${CAMERA}(?:${SIDEWAYS_VERB})\s+${ADVERB}${TO}left`),
  camera('pan-right', String.raw`(?:${CAMERA})?(?:${PAN_VERB})\s+${ADVERB}${TO}right|${CAMERA}(?:${SIDEWAYS_VERB})\s+${ADVERB}${TO}right`),
  camera('pan-right', String.raw`(?:whip\s+)?pan(?:s|ned|ning)?(?:\s+shot|\s+across)?|panoramic(?:\s+shot|\s+view)?|panorama`),
  camera('tilt-up', String.raw`(?:${CAMERA})?(?:${TILT_VERB})\s+${ADVERB}up(?:ward|wards)?|${CAMERA}(?:rise[sn]?|rising|rose|lift(?:s|ed|ing)?|ascend(?:s|ed|ing)?|climb(?:s|ed|ing)?|crane[sd]?|craning|boom(?:s|ed|ing)?|look(?:s|ed|ing)?\s+up|tilt(?:s|ed|ing)?\s+skyward)`),
  camera('tilt-up', String.raw`crane\s+shot|low\s+angle(?:\s+shot)?|worm'?s?\s+eye(?:\s+view)?`),
  camera('tilt-down', String.raw`(?:${CAMERA})?(?:${TILT_VERB})\s+${ADVERB}down(?:ward|wards)?|${CAMERA}(?:descend(?:s|ed|ing)?|lower(?:s|ed|ing)?|drop(?:s|ped|ping)?|sink(?:s|ing)?|sank|look(?:s|ed|ing)?\s+down)`),
  camera('tilt-down', String.raw`aerial(?:\s+shot|\s+view)?|drone\s+(?:shot|footage|view)|bird'?s?\s+eye(?:\s+view)?|overhead\s+(?:shot|view)|top\s+down(?:\s+view)?|high\s+angle(?:\s+shot)?`),
  camera('tracking', String.raw`tracking(?:\s+shot|\s+camera)?(?:\s+(?:following|that\s+follows|of))?|${CAMERA}(?:follow(?:s|ed|ing)?|track(?:s|ed|ing)?|trail(?:s|ed|ing)?|chase[sd]?|chasing|(?:move[sd]?|moving)\s+(?:along\s+)?with|keep(?:s|ing)?\s+pace\s+with|travel(?:s|ed|ing|led|ling)?\s+(?:along|alongside|with)|fl(?:y|ies|ying|ew)\s+(?:through|over|along|past|across))`),
  camera('tracking', String.raw`follow(?:\s+cam|\s+shot|ing\s+shot)|dolly\s+shot|side\s+scroll(?:ing|er)?|steadicam|moving\s+camera|fly\s*over\s+shot|flyover|fly\s+through\s+shot|flythrough|chase\s+cam(?:era)?`),
  camera('handheld', String.raw`handheld|hand\s+held|shaky(?:\s+cam(?:era)?)?|wobbly\s+cam(?:era)?|found\s+footage|documentary\s+style|vlog(?:\s+style)?|pov|first\s+person(?:\s+view)?|gopro|bodycam|selfie\s+(?:cam|shot|video)`),
  camera('static', String.raw`static(?:\s+shot|\s+camera)?|locked\s+off(?:\s+shot|\s+camera)?|still\s+(?:shot|camera)|tripod(?:\s+shot)?|(?:fixed|stationary)\s+camera|camera\s+(?:is\s+|stays\s+|remains\s+|holds\s+)?(?:still|steady|static|fixed|stationary)|no\s+camera\s+(?:movement|motion)|wide\s+static`),
];

export const cameraSpeedWords: Synonyms = {
  slow: ['slowly', 'gentle', 'gently', 'gradual', 'gradually', 'subtle', 'subtly', 'steady', 'steadily', 'leisurely', 'lazily', 'calmly', 'smoothly', 'smooth'],
  medium: ['moderately', 'steady pace', 'normal speed'],
  fast: ['fast', 'quick', 'quickly', 'rapid', 'rapidly', 'swift', 'swiftly', 'whip', 'sudden', 'suddenly', 'dramatic', 'dramatically', 'speedy', 'briskly', 'hurriedly'],
};

export const styleSynonyms: Synonyms = {
  flat: ['flat design', 'flat', 'minimalist', 'minimal', 'clean', 'vector', 'emoji', 'simple'],
  cinematic: ['film', 'movie', 'filmic', 'widescreen', 'anamorphic', 'hollywood', 'blockbuster', '35mm', 'letterbox', 'letterboxed', 'cinema', 'photorealistic', 'realistic', 'hyperrealistic', 'dramatic lighting', '4k', '8k', 'hdr'],
  watercolor: ['watercolour', 'watercolors', 'painted', 'painting', 'painterly', 'aquarelle', 'gouache', 'storybook', 'oil painting', 'impressionist', 'impressionism', 'illustration', 'illustrated', 'fairytale', 'fairy tale', 'picture book', 'acrylic'],
  neon: ['synthwave', 'cyberpunk', 'vaporwave', 'retrowave', 'outrun', 'tron', 'neon lights', 'neon lit', 'glowing lines', 'blacklight', 'futuristic'],
  'pixel-art': ['pixel art', 'pixel', 'pixels', 'pixelated', 'pixellated', '8 bit', '16 bit', '8bit', '16bit', 'retro game', 'arcade', 'video game', 'voxel', 'lowres', 'low res'],
  noir: ['film noir', 'black and white', 'monochrome', 'b&w', 'grayscale', 'greyscale', 'monochromatic', 'black & white', 'noirish'],
  pastel: ['pastels', 'pastel colors', 'soft colors', 'kawaii', 'cute style', 'candy colors', 'cotton candy'],
  'vintage-film': ['vintage', 'old film', 'sepia', 'super 8', '8mm', '16mm', 'grainy', 'old timey', 'archival', '1920s', 'silent film', 'retro', 'old movie', 'film grain', 'nostalgic', 'antique', 'faded', 'polaroid', 'vhs'],
  comic: ['comic book', 'comics', 'cartoon', 'cartoony', 'cartoonish', 'pop art', 'halftone', 'manga', 'graphic novel', 'animated', 'animation', 'toon'],
  sketch: ['pencil', 'pencil sketch', 'drawing', 'doodle', 'charcoal', 'hand drawn', 'line art', 'ink', 'sketched', 'sketchbook', 'blueprint'],
  vivid: ['vibrant', 'colorful', 'saturated', 'bright colors', 'anime', 'psychedelic', 'technicolor', 'kaleidoscopic', 'rainbow colors', 'bold colors', 'neon colors'],
  claymation: ['clay', 'clay animation', 'stop motion', 'stopmotion', 'plasticine', 'modelling clay', 'modeling clay', 'plastiline', 'puppet animation', 'handmade clay'],
  'paper-cut': ['papercut', 'paper cutout', 'paper cutouts', 'cut paper', 'cutout', 'cut out', 'papercraft', 'paper craft', 'kirigami', 'origami', 'collage', 'layered paper', 'paper art', 'paper diorama', 'construction paper'],
  'ukiyo-e': ['ukiyoe', 'woodblock', 'woodblock print', 'wood block print', 'woodcut', 'japanese print', 'japanese woodblock', 'hokusai', 'hiroshige', 'edo period', 'japanese art', 'japanese painting'],
  'low-poly': ['lowpoly', 'low polygon', 'polygonal', 'polygons', 'faceted', 'geometric', 'triangulated', 'flat shaded', 'low poly 3d'],
};

export const moodSynonyms: Synonyms = {
  calm: ['peaceful', 'serene', 'tranquil', 'quiet', 'relaxing', 'relaxed', 'gentle mood', 'soothing', 'chill', 'lazy', 'lazily', 'peacefully', 'calmly', 'quietly', 'restful', 'meditative', 'zen', 'idyllic', 'cozy', 'cosy', 'sleepy'],
  cheerful: ['happy', 'joyful', 'joyous', 'cheery', 'merry', 'jolly', 'upbeat', 'sunny mood', 'happily', 'joyfully', 'cheerfully', 'delightful', 'fun', 'festive', 'uplifting', 'bright mood', 'excited', 'smiling'],
  playful: ['playfully', 'silly', 'funny', 'cute', 'goofy', 'whimsical', 'quirky', 'adorable', 'bouncy', 'mischievous', 'comical', 'hilarious', 'zany', 'fluffy'],
  eerie: ['spooky', 'creepy', 'haunted', 'scary', 'eerily', 'ghostly', 'sinister', 'horror', 'frightening', 'uncanny', 'halloween', 'macabre', 'gothic', 'menacing', 'menacingly'],
  epic: ['heroic', 'majestic', 'grand', 'majestically', 'heroically', 'legendary', 'awe inspiring', 'spectacular', 'monumental', 'triumphant', 'glorious', 'powerful', 'breathtaking', 'stunning', 'sweeping'],
  romantic: ['romance', 'love', 'loving', 'lovely', 'tender', 'sweet', 'dreamy love', 'valentine', 'passionate', 'romantically', 'intimate', 'lovers', 'in love'],
  melancholy: ['sad', 'melancholic', 'lonely', 'gloomy', 'somber', 'sombre', 'sadly', 'sorrowful', 'mournful', 'bleak', 'wistful', 'nostalgia', 'tragic', 'depressing', 'forlorn', 'lost', 'rainy mood'],
  mysterious: ['mystery', 'mystical', 'magical', 'magic', 'enchanted', 'mysteriously', 'arcane', 'secret', 'otherworldly', 'ethereal', 'surreal', 'cosmic', 'strange', 'curious', 'hidden', 'ancient'],
  tense: ['ominous', 'ominously', 'suspenseful', 'suspense', 'dangerous', 'danger', 'thrilling', 'intense', 'urgent', 'threatening', 'dark', 'gritty', 'chaotic', 'frantic', 'panic', 'angry', 'angrily', 'fierce', 'fiercely'],
  dreamy: ['dreamlike', 'dreamily', 'hazy mood', 'floaty', 'soft', 'softly', 'gentle', 'gracefully', 'graceful', 'elegant', 'elegantly', 'wonder', 'wondrous', 'fantasy', 'heavenly'],
  energetic: ['energetic', 'exciting', 'lively', 'dynamic', 'action', 'action packed', 'fast paced', 'hectic', 'wild', 'wildly', 'crazy', 'explosive', 'frenzied', 'busy', 'bustling', 'vibrant city'],
};

/** Direction words and phrases -> direction; "from left to right" is handled as a phrase. */
export const directionSynonyms: Synonyms = {
  left: ['leftward', 'leftwards', 'westward', 'westwards', 'west', 'to the left', 'right to left'],
  right: ['rightward', 'rightwards', 'eastward', 'eastwards', 'east', 'to the right', 'left to right', 'across', 'across the screen', 'across the frame', 'past', 'along', 'through'],
  up: ['upward', 'upwards', 'skyward', 'skywards', 'uphill', 'into the sky', 'heavenward', 'aloft', 'higher', 'overhead', 'up high', 'north'],
  down: ['downward', 'downwards', 'downhill', 'to the ground', 'earthward', 'below', 'south', 'down low'],
  toward: ['towards', 'toward the camera', 'towards the camera', 'at the camera', 'toward the viewer', 'towards the viewer', 'closer', 'forward', 'forwards', 'approaching', 'approach', 'approaches', 'head on', 'straight at us', 'at us'],
  away: ['away from the camera', 'into the distance', 'off into the distance', 'receding', 'recede', 'recedes', 'away from us', 'into the horizon', 'toward the horizon', 'towards the horizon'],
  around: ['round', 'in circles', 'in a circle', 'circling', 'around and around', 'round and round', 'back and forth', 'to and fro', 'everywhere', 'all over'],
};

/**
 * Scene words: nouns that describe the world rather than a subject. They are matched (never "unmatched") and give
 * hints: which setting they suggest, and which verbs they take ("waves crash", "rain falls", "sun sets").
 */
export const sceneWords: Record<string, { setting?: string; verbs?: readonly string[] }> = {
  wave: { setting: 'ocean', verbs: ['crash', 'break', 'roll', 'lap', 'pound', 'surge', 'splash', 'swell', 'ripple'] },
  waves: { setting: 'ocean', verbs: ['crash', 'break', 'roll', 'lap', 'pound', 'surge', 'splash', 'swell', 'ripple'] },
  surf: { setting: 'beach', verbs: ['crash', 'break', 'roll', 'pound'] },
  tide: { setting: 'beach', verbs: ['roll', 'come', 'go', 'rise', 'ebb'] },
  water: { setting: 'lake', verbs: ['flow', 'ripple', 'sparkle', 'shimmer', 'splash', 'rush'] },
  sand: { setting: 'beach', verbs: ['blow', 'drift', 'shift'] },
  grass: { setting: 'meadow', verbs: ['sway', 'rustle', 'blow', 'wave'] },
  trees: { setting: 'forest', verbs: ['sway', 'rustle'] },
  sky: { setting: 'sky', verbs: ['darken', 'glow', 'clear', 'brighten'] },
  sun: { verbs: ['shine', 'set', 'rise', 'glow', 'beat', 'peek', 'sink', 'dip'] },
  sunlight: { verbs: ['shine', 'stream', 'filter'] },
  light: { verbs: ['shine', 'flicker', 'glow', 'stream', 'filter', 'fade'] },
  lights: { verbs: ['shine', 'flicker', 'glow', 'twinkle', 'blink'] },
  rays: { verbs: ['shine', 'stream', 'filter'] },
  horizon: {},
  ground: { verbs: ['shake', 'rumble'] },
  snow: { verbs: ['fall', 'drift', 'swirl', 'blow', 'cover', 'settle'] },
  rain: { verbs: ['fall', 'pour', 'patter', 'drip', 'lash', 'beat'] },
  wind: { verbs: ['blow', 'howl', 'whistle', 'gust', 'whip', 'rustle'] },
  lightning: { verbs: ['strike', 'flash', 'crack', 'fork'] },
  thunder: { verbs: ['rumble', 'roll', 'crash', 'boom', 'crack'] },
  fog: { verbs: ['roll', 'drift', 'creep', 'lift', 'settle', 'swirl'] },
  mist: { verbs: ['roll', 'drift', 'rise', 'hang', 'swirl'] },
  clouds: { verbs: ['drift', 'roll', 'gather', 'part', 'race', 'float', 'pass', 'move'] },
  cloud: { verbs: ['drift', 'roll', 'float', 'pass', 'move'] },
  smoke: { verbs: ['rise', 'drift', 'curl', 'billow'] },
  lava: { setting: 'volcano', verbs: ['flow', 'glow', 'bubble', 'erupt'] },
  volcano: { setting: 'volcano', verbs: ['erupt', 'smoke', 'rumble', 'spew', 'glow'] },
  tropical: { setting: 'island' },
  waterfall: { setting: 'river', verbs: ['fall', 'flow', 'cascade', 'crash', 'pour', 'roar', 'tumble'] },
  stars: { verbs: ['twinkle', 'shine', 'glitter', 'glow'] },
  moon: { verbs: ['rise', 'shine', 'glow', 'hang', 'set'] },
  'northern lights': { verbs: ['dance', 'shimmer', 'glow', 'ripple', 'swirl', 'flicker', 'wave'] },
  aurora: { verbs: ['dance', 'shimmer', 'glow', 'ripple', 'swirl', 'flicker', 'wave'] },
  waters: { setting: 'ocean', verbs: ['flow', 'ripple', 'sparkle', 'shimmer', 'splash', 'rush', 'lap'] },
  shadows: { verbs: ['lengthen', 'stretch', 'fall'] },
  sunbeams: { verbs: ['shine', 'stream'] },
  nature: {}, scenery: {}, landscape: {}, world: {}, surroundings: {}, place: {},
};

/** Words that carry no drawable meaning; they are never reported as unmatched. */
export const stopwords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'with', 'without', 'into',
  'onto', 'over', 'under', 'above', 'below', 'beneath', 'underneath', 'through', 'across', 'along', 'around', 'near',
  'next', 'beside', 'besides', 'behind', 'between', 'among', 'amongst', 'amid', 'amidst', 'while', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'am', 'it', 'its', "it's", 'this', 'that', 'these', 'those', 'there', 'here',
  'their', 'theirs', 'they', 'them', 'his', 'her', 'hers', 'he', 'she', 'him', 'we', 'us', 'our', 'you', 'your', 'i',
  'my', 'me', 'very', 'really', 'just', 'then', 'also', 'too', 'so', 'when', 'where', 'who', 'whom', 'which', 'what',
  'how', 'why', 'whose', 'each', 'other', 'another', 'together', 'all', 'every', 'out', 'off', 'back', 'up', 'down',
  'camera', 'shot', 'shots', 'scene', 'scenes', 'video', 'clip', 'footage', 'view', 'frame', 'shows', 'showing',
  'show', 'shown', 'featuring', 'features', 'depicting', 'depicts', 'image', 'picture', 'background', 'foreground',
  'distance', 'has', 'have', 'had', 'having', 'does', 'do', 'did', 'doing', 'can', 'could', 'will', 'would', 'should',
  'may', 'might', 'must', 'shall', 'not', 'no', 'yes', 'for', 'about', 'against', 'until', 'after', 'before', 'during',
  'since', 'than', 'like', 'if', 'because', 'toward', 'towards', 'upon', 'within', 'onto', 'via', 'per', 'way',
  'side', 'top', 'bottom', 'middle', 'center', 'centre', 'front', 'left', 'right', 'now', 'still', 'again', 'once',
  'ever', 'always', 'almost', 'quite', 'rather', 'somewhat', 'extremely', 'incredibly', 'super', 'totally', 'slightly',
  'even', 'only', 'own', 'same', 'such', 'more', 'most', 'less', 'least', 'much', 'whole', 'entire', 'full', 'make',
  'makes', 'made', 'making', 'let', 'lets', 'get', 'gets', 'got', 'getting', 'seen', 'see', 'sees', 'seems', 'seem',
  'appear', 'appears', 'appearing', 'begin', 'begins', 'beginning', 'start', 'starts', 'starting', 'keep', 'keeps',
  'continue', 'continues', 'instead', 'please', 'create', 'generate', 'render', 'animate',
  'animation of', 'of the', 'something', 'thing', 'things', 'everything', 'nothing', 'anything', 'onto', 'within',
  'out of', 'beautiful', 'nice', 'pretty', 'cool', 'amazing', 'awesome', 'detailed', 'high', 'quality', 'scenery',
  'style', 'styled', 'look', 'aesthetic', 'vibe', 'vibes', 'tone', 'atmosphere', 'feel', 'feeling', 'mood', 'setting',
  'add', 'adds', 'added', 'remove', 'removed', 'replace', 'replaced', 'swap', 'change', 'changed',
  // Storyboard order words and requests to the engine: they shape the prompt, not the picture.
  'first', 'firstly', 'finally', 'eventually', 'meanwhile', 'afterwards', 'later', 'soon', 'last', 'lastly',
  'draw', 'imagine', 'depict', 'film', 'capture', 'visualize', 'visualise', 'hd',
  'past',
]);

/** British spellings and common variants rewritten before lookup. */
export const spellingVariants: Record<string, string> = {
  colour: 'color', colours: 'colors', coloured: 'colored', colourful: 'colorful', grey: 'gray', greys: 'grays',
  harbour: 'harbor', harbours: 'harbors', aeroplane: 'airplane', aeroplanes: 'airplanes', theatre: 'theater',
  centre: 'center', metre: 'meter', tyre: 'tire', jewellery: 'jewelry', armour: 'armor', neighbourhood: 'neighborhood',
  favourite: 'favorite', moustache: 'mustache', pyjamas: 'pajamas', doughnuts: 'donuts', doughnut: 'donut',
  travelling: 'traveling', travelled: 'traveled', traveller: 'traveler', cosy: 'cozy', sombre: 'somber',
  watercolour: 'watercolor', smoulder: 'smolder', storey: 'story', plough: 'plow', kerb: 'curb',
  gaol: 'jail', mum: 'mother', realise: 'realize', whisky: 'whiskey', axe: 'ax', sceptre: 'scepter', spectre: 'specter',
  glamour: 'glamor', honour: 'honor', behaviour: 'behavior', ok: 'okay',
  greyish: 'grayish', theatres: 'theaters', centres: 'centers', neighbour: 'neighbor', neighbours: 'neighbors',
  metres: 'meters', tyres: 'tires', harbourside: 'harborside', colouring: 'coloring',
  flavour: 'flavor', armoured: 'armored', moulting: 'molting', manoeuvre: 'maneuver', programme: 'program',
  storeys: 'stories', kerbs: 'curbs', ploughs: 'plows', pyjama: 'pajama', jewelled: 'jeweled',
};
