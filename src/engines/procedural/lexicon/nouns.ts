/**
 * The hand-made drawable nouns: what a word means to the renderer. Each entry names its artwork (an icon of
 * @iconify-json/fluent-emoji-flat, MIT; a tinted game-icons silhouette, CC BY 3.0; or a drawn primitive "shape:*"),
 * where it lives in a scene, what it does when the prompt gives no verb, how big it is next to other things, and
 * which way its artwork faces. These take priority; the generated artwork vocabulary (artwork-nouns.ts) fills in
 * every other noun the artwork packages can draw.
 *
 * Fluent's flat animals and vehicles are side views that face left (checked on a contact sheet), so "mirror" is the
 * default orientation; silhouettes are made to face left too (artwork/silhouettes.ts). Front views (owl, panda, the
 * sitting fox…) never mirror, and diagonal art (airplane, rocket) is rotated toward its direction of travel instead.
 */

/** Where a subject lives: on the ground plane, in the air, under water, on the water surface, high in the sky,
 * or planted on the ground and not moving (buildings, trees). */
export type Place = 'ground' | 'air' | 'water' | 'surface' | 'sky' | 'fixed';
export type NounKind =
  | 'animal' | 'bird' | 'sea' | 'insect' | 'person' | 'creature' | 'vehicle' | 'aircraft' | 'boat' | 'plant'
  | 'building' | 'object' | 'food' | 'sky';
/** mirror: side view facing left; front: no facing; rotate: diagonal art whose nose points at `heading` degrees. */
export type Orientation = 'mirror' | 'front' | 'rotate';

export interface NounEntry {
  noun: string;
  /** Artwork id: "fluent-emoji-flat:<icon>", "game-icons:<icon>#<paint>" or "shape:<primitive>". */
  asset: string;
  kind: NounKind;
  place: Place;
  /** Action lemma used when the prompt gives none. */
  action: string;
  /** Height relative to a medium subject (a dog is 1, a house 2.2, an ant 0.35). */
  scale: number;
  orientation: Orientation;
  /** For rotate: the angle the art's nose points at, in degrees, screen coordinates (0 = right, -90 = up). */
  heading: number;
  /** Words that mean this noun (synonyms, irregular plurals, British spellings). Regular plurals need no entry. */
  aliases: string[];
  /** The setting this noun suggests when the prompt names none (fish -> underwater). */
  setting?: string;
  /** Better artwork for a given action (a man walking uses the walking man). */
  variants?: Record<string, string>;
}

const FLUENT = 'fluent-emoji-flat:';

interface Options {
  scale?: number;
  aliases?: string;
  setting?: string;
  front?: boolean;
  heading?: number;
  variants?: Record<string, string>;
}

function entry(noun: string, art: string, kind: NounKind, place: Place, action: string, o: Options = {}): NounEntry {
  const orientation: Orientation = o.heading !== undefined ? 'rotate' : o.front ? 'front' : 'mirror';
  const result: NounEntry = {
    noun,
    asset: art.includes(':') ? art : FLUENT + art,
    kind,
    place,
    action,
    scale: o.scale ?? 1,
    orientation,
    heading: o.heading ?? 180,
    aliases: o.aliases ? o.aliases.split(',').map((alias) => alias.trim()).filter(Boolean) : [],
  };
  if (o.setting) result.setting = o.setting;
  if (o.variants) {
    result.variants = Object.fromEntries(Object.entries(o.variants).map(([action, art]) => [action, art.includes(':') ? art : FLUENT + art]));
  }
  return result;
}

const front = true;
/** A resting pose for an animal whose whole-body art walks: used while it sits or sleeps (a dog asleep on its feet is no dog asleep). */
const atRest = (art: string): Record<string, string> => ({ sit: art, sleep: art });
/**
 * Birds whose emoji stands on its feet are drawn, while they fly, as a silhouette with its wings spread (game-icons'
 * dove, painted `paint` unless the prompt names a colour): a standing bird bobbing across the sky reads as anything
 * but flight, and the flap squashes spread wings the way wings beat.
 */
const inFlight = (paint: string): Record<string, string> => {
  const art = `game-icons:dove${paint}`;
  return { fly: art, glide: art };
};

/** A rider on a horse ("riding a horse" reads as gallop: the horse is drawn with its rider, not beside them). */
const onHorseback = (art: string): Record<string, string> => ({ gallop: art });

/** The poses of a person's emoji that are side views, facing left like the rest of the art. */
const sidePoses = ['walking', 'running', 'swimming', 'surfing', 'biking', 'climbing', 'bouncing-ball'];

/**
 * Fluent art that is a side view facing left although its noun is drawn from the front: a person walking or running.
 * Such an actor is mirrored to face the way it moves, where the front view never is.
 */
export const sideViewArt: ReadonlySet<string> = new Set([
  ...['person', 'man', 'woman'].flatMap((prefix) => sidePoses.map((pose) => `${FLUENT}${prefix}-${pose}`)),
  `${FLUENT}horse-racing`,
]);

/**
 * People are drawn whole, in the pose of what they do, and standing otherwise: the plain person of the emoji set is
 * a head and shoulders, which bobs along the ground like a ball.
 */
const personVariants = (prefix: string): Record<string, string> => ({
  idle: `${prefix}-standing`, walk: `${prefix}-walking`, run: `${prefix}-running`, race: `${prefix}-running`,
  chase: `${prefix}-running`, swim: `${prefix}-swimming`, climb: `${prefix}-climbing`, surf: `${prefix}-surfing`,
  ride: `${prefix}-biking`, dance: prefix === 'man' ? 'man-dancing' : 'woman-dancing', sit: `${prefix}-in-lotus-position`,
  juggle: `${prefix}-juggling`, play: `${prefix}-bouncing-ball`, ...onHorseback('horse-racing'),
});

export const handNouns: readonly NounEntry[] = [
  // ---- mammals on the ground
  entry('dog', 'dog', 'animal', 'ground', 'walk', { aliases: 'puppy,pup,doggy,doggie,doggo,hound,canine,pooch,retriever,labrador,terrier,beagle', setting: 'park', variants: atRest('game-icons:sitting-dog#c98a4b') }),
  entry('poodle', 'poodle', 'animal', 'ground', 'walk', { setting: 'park' }),
  entry('cat', 'cat', 'animal', 'ground', 'walk', { aliases: 'kitten,kitty,kittie,feline,tabby,moggy', setting: 'room', variants: atRest('game-icons:cat#d9904a') }),
  entry('black cat', 'black-cat', 'animal', 'ground', 'walk', { setting: 'street' }),
  entry('horse', 'horse', 'animal', 'ground', 'gallop', { scale: 1.5, aliases: 'pony,stallion,mare,foal,steed,colt', setting: 'meadow' }),
  entry('cow', 'cow', 'animal', 'ground', 'walk', { scale: 1.4, aliases: 'cattle,calf,calves,bull,heifer', setting: 'farm' }),
  entry('pig', 'pig', 'animal', 'ground', 'walk', { aliases: 'piglet,hog,swine', setting: 'farm' }),
  entry('sheep', 'ewe', 'animal', 'ground', 'walk', { aliases: 'lamb,ewe', setting: 'meadow' }),
  entry('ram', 'ram', 'animal', 'ground', 'walk', { setting: 'mountains' }),
  entry('goat', 'goat', 'animal', 'ground', 'walk', { aliases: 'kid goat', setting: 'mountains' }),
  entry('rabbit', 'rabbit', 'animal', 'ground', 'hop', { scale: 0.6, aliases: 'bunny,bunnies,hare', setting: 'meadow' }),
  entry('mouse', 'mouse', 'animal', 'ground', 'run', { scale: 0.4, aliases: 'mice', setting: 'room' }),
  entry('rat', 'rat', 'animal', 'ground', 'run', { scale: 0.45, setting: 'street' }),
  entry('hamster', 'hamster', 'animal', 'ground', 'roll', { scale: 0.4, front, aliases: 'guinea pig,gerbil', setting: 'room' }),
  // Emoji draw fox, wolf, bear, lion, frog, koala and moose as faces only; whole-body silhouettes walk better.
  entry('fox', 'fox-body', 'animal', 'ground', 'walk', { aliases: 'vixen', setting: 'forest', variants: atRest('game-icons:fox#d8742c') }),
  entry('wolf', 'wolf-body', 'animal', 'ground', 'walk', { aliases: 'wolves', setting: 'forest', variants: atRest('game-icons:sitting-dog#80868f') }),
  entry('bear', 'game-icons:polar-bear#6b4a2f', 'animal', 'ground', 'walk', { scale: 1.3, aliases: 'grizzly,grizzlies', setting: 'forest' }),
  entry('polar bear', 'game-icons:polar-bear#f1eee6', 'animal', 'ground', 'walk', { scale: 1.3, setting: 'snowfield' }),
  entry('panda', 'panda', 'animal', 'ground', 'sit', { scale: 1.1, front, setting: 'forest' }),
  entry('koala', 'game-icons:koala#8e8e96', 'animal', 'ground', 'sit', { scale: 0.8, front, setting: 'forest' }),
  entry('lion', 'game-icons:feline#c8963e', 'animal', 'ground', 'walk', { scale: 1.2, aliases: 'lioness', setting: 'savanna' }),
  entry('tiger', 'tiger', 'animal', 'ground', 'walk', { scale: 1.3, setting: 'jungle' }),
  entry('leopard', 'leopard', 'animal', 'ground', 'run', { scale: 1.2, aliases: 'cheetah,jaguar,panther', setting: 'savanna' }),
  entry('elephant', 'elephant', 'animal', 'ground', 'walk', { scale: 2, setting: 'savanna' }),
  entry('giraffe', 'giraffe', 'animal', 'ground', 'walk', { scale: 2.2, setting: 'savanna' }),
  entry('zebra', 'zebra', 'animal', 'ground', 'gallop', { scale: 1.4, setting: 'savanna' }),
  entry('rhinoceros', 'rhinoceros', 'animal', 'ground', 'walk', { scale: 1.6, aliases: 'rhino', setting: 'savanna' }),
  entry('hippopotamus', 'hippopotamus', 'animal', 'ground', 'walk', { scale: 1.6, aliases: 'hippo,hippopotami', setting: 'river' }),
  entry('camel', 'two-hump-camel', 'animal', 'ground', 'walk', { scale: 1.7, aliases: 'dromedary', setting: 'desert' }),
  entry('llama', 'llama', 'animal', 'ground', 'walk', { scale: 1.4, aliases: 'alpaca', setting: 'mountains' }),
  entry('kangaroo', 'kangaroo', 'animal', 'ground', 'hop', { scale: 1.3, aliases: 'wallaby', setting: 'desert' }),
  entry('monkey', 'monkey', 'animal', 'ground', 'climb', { scale: 0.8, aliases: 'chimp,chimpanzee,baboon', setting: 'jungle' }),
  entry('gorilla', 'gorilla', 'animal', 'ground', 'walk', { scale: 1.3, aliases: 'ape', setting: 'jungle' }),
  entry('orangutan', 'orangutan', 'animal', 'ground', 'sit', { scale: 1.1, front, setting: 'jungle' }),
  entry('sloth', 'sloth', 'animal', 'ground', 'sleep', { scale: 0.8, front, setting: 'jungle' }),
  entry('deer', 'deer', 'animal', 'ground', 'walk', { scale: 1.4, aliases: 'stag,doe,fawn,reindeer,caribou', setting: 'forest' }),
  entry('moose', 'game-icons:deer#5b4030', 'animal', 'ground', 'walk', { scale: 1.8, aliases: 'elk', setting: 'forest' }),
  entry('bison', 'bison', 'animal', 'ground', 'walk', { scale: 1.6, aliases: 'buffalo,buffaloes', setting: 'meadow' }),
  entry('ox', 'ox', 'animal', 'ground', 'walk', { scale: 1.5, aliases: 'oxen,yak', setting: 'farm' }),
  entry('boar', 'boar', 'animal', 'ground', 'run', { aliases: 'warthog', setting: 'forest' }),
  entry('donkey', 'donkey', 'animal', 'ground', 'walk', { scale: 1.3, aliases: 'mule,burro', setting: 'farm' }),
  entry('raccoon', 'raccoon', 'animal', 'ground', 'walk', { scale: 0.6, front, setting: 'forest' }),
  entry('skunk', 'skunk', 'animal', 'ground', 'walk', { scale: 0.6, setting: 'forest' }),
  entry('badger', 'badger', 'animal', 'ground', 'walk', { scale: 0.6, setting: 'forest' }),
  entry('beaver', 'beaver', 'animal', 'ground', 'walk', { scale: 0.6, setting: 'river' }),
  entry('otter', 'otter', 'animal', 'surface', 'float', { scale: 0.6, setting: 'river' }),
  entry('hedgehog', 'hedgehog', 'animal', 'ground', 'walk', { scale: 0.4, aliases: 'porcupine', setting: 'garden' }),
  entry('squirrel', 'chipmunk', 'animal', 'ground', 'hop', { scale: 0.45, aliases: 'chipmunk', setting: 'park' }),
  entry('bat', 'bat', 'animal', 'air', 'fly', { scale: 0.5, setting: 'cave' }),
  entry('mammoth', 'mammoth', 'animal', 'ground', 'walk', { scale: 2.2, setting: 'snowfield' }),
  entry('seal', 'seal', 'sea', 'ground', 'sit', { aliases: 'sea lion,walrus', setting: 'beach' }),
  // ---- reptiles, amphibians, dinosaurs, fantasy creatures
  entry('turtle', 'turtle', 'animal', 'ground', 'crawl', { scale: 0.6, aliases: 'tortoise,terrapin,sea turtle', setting: 'beach' }),
  entry('snail', 'snail', 'animal', 'ground', 'crawl', { scale: 0.35, aliases: 'slug', setting: 'garden' }),
  entry('snake', 'snake', 'animal', 'ground', 'crawl', { scale: 0.7, front, aliases: 'serpent,python,cobra,viper', setting: 'jungle' }),
  entry('lizard', 'lizard', 'animal', 'ground', 'crawl', { scale: 0.5, aliases: 'gecko,iguana,chameleon', setting: 'desert' }),
  entry('crocodile', 'crocodile', 'animal', 'ground', 'crawl', { scale: 1.4, aliases: 'alligator,croc,gator', setting: 'river' }),
  entry('frog', 'game-icons:frog#5aa544', 'animal', 'ground', 'hop', { scale: 0.45, front, aliases: 'toad,tadpole', setting: 'lake' }),
  entry('dinosaur', 't-rex', 'creature', 'ground', 'walk', { scale: 2.2, aliases: 't-rex,trex,tyrannosaurus,raptor,velociraptor', setting: 'jungle' }),
  entry('sauropod', 'sauropod', 'creature', 'ground', 'walk', { scale: 2.4, aliases: 'brontosaurus,brachiosaurus,diplodocus', setting: 'jungle' }),
  entry('dragon', 'dragon', 'creature', 'air', 'fly', { scale: 1.8, front, aliases: 'wyvern', setting: 'mountains' }),
  entry('unicorn', 'unicorn-body', 'creature', 'ground', 'gallop', { scale: 1.5, aliases: 'pegasus', setting: 'meadow' }),
  entry('dodo', 'dodo', 'bird', 'ground', 'walk', { scale: 0.7, setting: 'island' }),
  entry('phoenix', 'phoenix-bird', 'creature', 'air', 'fly', { scale: 1.2, front, aliases: 'firebird', setting: 'sky' }),
  // ---- birds
  entry('bird', 'bird', 'bird', 'air', 'fly', { scale: 0.45, aliases: 'birdie,sparrow,robin,cardinal,finch,songbird,seagull,gull', setting: 'sky', variants: inFlight('#3d4656') }),
  entry('eagle', 'eagle', 'bird', 'air', 'glide', { scale: 0.8, aliases: 'hawk,falcon,vulture,condor', setting: 'mountains' }),
  entry('owl', 'owl', 'bird', 'air', 'fly', { scale: 0.6, front, aliases: 'owlet', setting: 'forest' }),
  entry('parrot', 'parrot', 'bird', 'air', 'fly', { scale: 0.55, aliases: 'macaw,parakeet,cockatoo', setting: 'jungle' }),
  entry('dove', 'dove', 'bird', 'air', 'fly', { scale: 0.5, aliases: 'pigeon', setting: 'city' }),
  entry('crow', 'blackbird', 'bird', 'air', 'fly', { scale: 0.5, aliases: 'raven,blackbird,magpie', setting: 'forest', variants: inFlight('#26262b') }),
  entry('chicken', 'chicken', 'bird', 'ground', 'walk', { scale: 0.55, aliases: 'hen', setting: 'farm' }),
  entry('rooster', 'rooster', 'bird', 'ground', 'walk', { scale: 0.6, aliases: 'cockerel', setting: 'farm' }),
  entry('chick', 'baby-chick', 'bird', 'ground', 'hop', { scale: 0.35, aliases: 'chicklet,duckling', setting: 'farm' }),
  entry('turkey', 'turkey', 'bird', 'ground', 'walk', { scale: 0.7, setting: 'farm' }),
  entry('duck', 'duck', 'bird', 'surface', 'float', { scale: 0.5, aliases: 'mallard,drake', setting: 'lake' }),
  entry('swan', 'swan', 'bird', 'surface', 'glide', { scale: 0.7, setting: 'lake' }),
  entry('goose', 'goose', 'bird', 'ground', 'walk', { scale: 0.6, aliases: 'geese', setting: 'lake' }),
  entry('penguin', 'penguin', 'bird', 'ground', 'walk', { scale: 0.6, front, setting: 'snowfield' }),
  entry('flamingo', 'flamingo', 'bird', 'ground', 'walk', { scale: 0.9, front, aliases: 'stork,crane,heron', setting: 'lake' }),
  entry('peacock', 'peacock', 'bird', 'ground', 'walk', { scale: 0.9, front, aliases: 'peafowl,peahen', setting: 'garden' }),
  // ---- insects and small creatures
  entry('butterfly', 'butterfly', 'insect', 'air', 'fly', { scale: 0.35, front, aliases: 'moth', setting: 'garden' }),
  entry('bee', 'honeybee', 'insect', 'air', 'fly', { scale: 0.3, aliases: 'honeybee,bumblebee,wasp,hornet', setting: 'garden' }),
  entry('ladybug', 'lady-beetle', 'insect', 'ground', 'crawl', { scale: 0.3, front, aliases: 'ladybird,lady beetle', setting: 'garden' }),
  entry('beetle', 'beetle', 'insect', 'ground', 'crawl', { scale: 0.3, front, aliases: 'scarab', setting: 'garden' }),
  entry('ant', 'ant', 'insect', 'ground', 'crawl', { scale: 0.3, setting: 'garden' }),
  entry('spider', 'spider', 'insect', 'ground', 'crawl', { scale: 0.35, front, aliases: 'tarantula', setting: 'cave' }),
  entry('scorpion', 'scorpion', 'insect', 'ground', 'crawl', { scale: 0.4, front, setting: 'desert' }),
  entry('worm', 'worm', 'insect', 'ground', 'crawl', { scale: 0.3, front, aliases: 'earthworm', setting: 'garden' }),
  entry('caterpillar', 'bug', 'insect', 'ground', 'crawl', { scale: 0.35, setting: 'garden' }),
  entry('cricket', 'cricket', 'insect', 'ground', 'hop', { scale: 0.3, aliases: 'grasshopper,locust', setting: 'meadow' }),
  entry('mosquito', 'mosquito', 'insect', 'air', 'hover', { scale: 0.3, aliases: 'gnat', setting: 'river' }),
  entry('cockroach', 'cockroach', 'insect', 'ground', 'crawl', { scale: 0.3, front, aliases: 'roach', setting: 'room' }),
  // ---- sea life
  entry('fish', 'fish', 'sea', 'water', 'swim', { scale: 0.5, aliases: 'fishes,goldfish,trout,salmon,tuna,cod', setting: 'underwater' }),
  entry('tropical fish', 'tropical-fish', 'sea', 'water', 'swim', { scale: 0.5, aliases: 'clownfish,angelfish', setting: 'underwater' }),
  entry('pufferfish', 'blowfish', 'sea', 'water', 'swim', { scale: 0.5, aliases: 'blowfish,puffer', setting: 'underwater' }),
  entry('whale', 'spouting-whale', 'sea', 'water', 'swim', { scale: 2.4, aliases: 'orca,killer whale,humpback', setting: 'ocean' }),
  entry('dolphin', 'dolphin', 'sea', 'water', 'swim', { scale: 1, aliases: 'porpoise', setting: 'ocean' }),
  entry('shark', 'shark', 'sea', 'water', 'swim', { scale: 1.4, setting: 'underwater' }),
  entry('octopus', 'octopus', 'sea', 'water', 'swim', { scale: 0.8, front, aliases: 'octopi,octopuses', setting: 'underwater' }),
  entry('squid', 'squid', 'sea', 'water', 'swim', { scale: 0.8, front, aliases: 'cuttlefish', setting: 'underwater' }),
  entry('jellyfish', 'jellyfish', 'sea', 'water', 'float', { scale: 0.6, front, aliases: 'jelly,medusa', setting: 'underwater' }),
  entry('crab', 'crab', 'sea', 'ground', 'crawl', { scale: 0.4, front, setting: 'beach' }),
  entry('lobster', 'lobster', 'sea', 'ground', 'crawl', { scale: 0.5, front, aliases: 'crayfish', setting: 'underwater' }),
  entry('shrimp', 'shrimp', 'sea', 'water', 'swim', { scale: 0.35, aliases: 'prawn', setting: 'underwater' }),
  entry('shell', 'spiral-shell', 'sea', 'fixed', 'idle', { scale: 0.3, aliases: 'seashell,conch', setting: 'beach' }),
  entry('coral', 'coral', 'sea', 'fixed', 'sway', { scale: 0.8, aliases: 'reef', setting: 'underwater' }),
  // ---- people and characters
  entry('person', 'person-standing', 'person', 'ground', 'walk', { front, aliases: 'people,human,someone,somebody,figure,stranger,traveler,traveller,hiker,pedestrian,tourist', variants: personVariants('person') }),
  entry('man', 'man-standing', 'person', 'ground', 'walk', { front, aliases: 'men,guy,gentleman,gentlemen', variants: personVariants('man') }),
  entry('woman', 'woman-standing', 'person', 'ground', 'walk', { front, aliases: 'women,lady,ladies', variants: personVariants('woman') }),
  entry('boy', 'man-standing', 'person', 'ground', 'walk', { scale: 0.75, front, variants: personVariants('man') }),
  entry('girl', 'woman-standing', 'person', 'ground', 'walk', { scale: 0.75, front, variants: personVariants('woman') }),
  entry('child', 'person-standing', 'person', 'ground', 'play', { scale: 0.7, front, aliases: 'children,kid,kids,toddler', variants: personVariants('person') }),
  entry('baby', 'baby', 'person', 'ground', 'sit', { scale: 0.5, front, aliases: 'infant' }),
  entry('old man', 'old-man', 'person', 'ground', 'walk', { front, aliases: 'grandpa,grandfather', variants: personVariants('man') }),
  entry('old woman', 'old-woman', 'person', 'ground', 'walk', { front, aliases: 'grandma,grandmother,granny', variants: personVariants('woman') }),
  entry('runner', 'person-running', 'person', 'ground', 'run', { aliases: 'jogger,sprinter,athlete' }),
  entry('walker', 'person-walking', 'person', 'ground', 'walk', {}),
  entry('dancer', 'woman-dancing', 'person', 'ground', 'dance', { aliases: 'ballerina' }),
  entry('swimmer', 'person-swimming', 'person', 'surface', 'swim', { setting: 'lake' }),
  entry('surfer', 'person-surfing', 'person', 'surface', 'surf', { setting: 'beach' }),
  entry('cyclist', 'person-biking', 'person', 'ground', 'ride', { aliases: 'biker,bicyclist', setting: 'street' }),
  entry('climber', 'person-climbing', 'person', 'ground', 'climb', { aliases: 'mountaineer', setting: 'mountains' }),
  entry('skier', 'skier', 'person', 'ground', 'glide', { setting: 'snowfield' }),
  entry('snowboarder', 'snowboarder', 'person', 'ground', 'glide', { setting: 'snowfield' }),
  entry('rower', 'person-rowing-boat', 'person', 'surface', 'sail', { aliases: 'rowboat,rowing boat', setting: 'lake' }),
  entry('jockey', 'horse-racing', 'person', 'ground', 'gallop', { scale: 1.5, aliases: 'rider,horseman', setting: 'meadow' }),
  entry('juggler', 'person-juggling', 'person', 'ground', 'juggle', { front, setting: 'stage' }),
  entry('astronaut', 'astronaut', 'person', 'ground', 'float', { front, aliases: 'cosmonaut,spaceman', setting: 'space' }),
  entry('robot', 'robot', 'creature', 'ground', 'walk', { front, aliases: 'android,droid,bot,automaton', setting: 'city' }),
  entry('alien', 'alien', 'creature', 'ground', 'float', { front, aliases: 'martian,extraterrestrial', setting: 'space' }),
  entry('monster', 'alien-monster', 'creature', 'ground', 'walk', { front, aliases: 'creature,beast' }),
  entry('ghost', 'ghost', 'creature', 'air', 'float', { front, aliases: 'spirit,phantom,spectre,specter,ghoul', setting: 'cave' }),
  entry('wizard', 'person-mage', 'creature', 'ground', 'walk', { front, aliases: 'mage,sorcerer,witch,warlock,magician', setting: 'forest' }),
  entry('fairy', 'person-fairy', 'creature', 'air', 'hover', { scale: 0.6, front, aliases: 'pixie,sprite', setting: 'garden' }),
  entry('elf', 'person-elf', 'creature', 'ground', 'walk', { front, setting: 'forest' }),
  entry('genie', 'person-genie', 'creature', 'air', 'float', { front, setting: 'desert' }),
  entry('vampire', 'person-vampire', 'creature', 'ground', 'walk', { front, aliases: 'dracula', setting: 'city' }),
  entry('zombie', 'person-zombie', 'creature', 'ground', 'walk', { front, aliases: 'undead', setting: 'city' }),
  entry('mermaid', 'person-merpeople', 'creature', 'water', 'swim', { front, aliases: 'merman,mermaids,mermen,merperson', setting: 'underwater' }),
  entry('superhero', 'person-superhero', 'creature', 'air', 'fly', { front, aliases: 'hero,superman,supergirl', setting: 'city' }),
  entry('villain', 'person-supervillain', 'creature', 'ground', 'walk', { front, aliases: 'supervillain', setting: 'city' }),
  entry('ninja', 'ninja', 'person', 'ground', 'run', { front, aliases: 'samurai', setting: 'city' }),
  entry('knight', 'game-icons:swordman#5b6170', 'person', 'ground', 'walk', { aliases: 'warrior,swordsman', setting: 'garden', variants: onHorseback('game-icons:mounted-knight#5b6170') }),
  entry('guard', 'guard', 'person', 'ground', 'walk', { front, aliases: 'soldier,guardsman' }),
  entry('king', 'prince', 'person', 'ground', 'walk', { front, aliases: 'prince,emperor,monarch' }),
  entry('queen', 'princess', 'person', 'ground', 'walk', { front, aliases: 'princess,empress' }),
  entry('santa', 'santa-claus', 'person', 'ground', 'walk', { front, aliases: 'santa claus,father christmas', setting: 'snowfield' }),
  entry('snowman', 'snowman', 'object', 'fixed', 'idle', { scale: 1.1, front, aliases: 'snowmen', setting: 'snowfield' }),
  entry('clown', 'clown-face', 'person', 'ground', 'bounce', { front, aliases: 'jester', setting: 'stage' }),
  entry('chef', 'cook', 'person', 'ground', 'walk', { front, aliases: 'cook,baker' }),
  entry('farmer', 'farmer', 'person', 'ground', 'walk', { front, setting: 'farm' }),
  entry('doctor', 'health-worker', 'person', 'ground', 'walk', { front, aliases: 'nurse,medic' }),
  entry('police officer', 'police-officer', 'person', 'ground', 'walk', { front, aliases: 'policeman,policewoman,cop,officer', setting: 'city' }),
  entry('firefighter', 'firefighter', 'person', 'ground', 'run', { front, aliases: 'fireman', setting: 'city' }),
  entry('detective', 'detective', 'person', 'ground', 'walk', { front, aliases: 'spy,investigator', setting: 'street' }),
  entry('scientist', 'scientist', 'person', 'ground', 'walk', { front, aliases: 'chemist,researcher', setting: 'room' }),
  entry('teacher', 'teacher', 'person', 'ground', 'walk', { front, aliases: 'professor' }),
  entry('student', 'student', 'person', 'ground', 'walk', { front, aliases: 'pupil,graduate' }),
  entry('singer', 'singer', 'person', 'ground', 'sing', { front, aliases: 'vocalist,rockstar', setting: 'stage' }),
  entry('artist', 'artist', 'person', 'ground', 'sit', { front, aliases: 'painter' }),
  entry('pilot', 'pilot', 'person', 'ground', 'walk', { front, aliases: 'aviator' }),
  entry('troll', 'troll', 'creature', 'ground', 'walk', { scale: 1.3, front, setting: 'forest' }),
  entry('ogre', 'ogre', 'creature', 'ground', 'walk', { scale: 1.4, front, setting: 'forest' }),
  entry('goblin', 'goblin', 'creature', 'ground', 'walk', { scale: 0.7, front, aliases: 'gremlin,imp', setting: 'cave' }),
  // ---- vehicles
  entry('car', 'automobile', 'vehicle', 'ground', 'drive', { scale: 1.2, aliases: 'automobile,sedan,cars,vehicle,hatchback', setting: 'street' }),
  entry('taxi', 'taxi', 'vehicle', 'ground', 'drive', { scale: 1.2, aliases: 'cab,taxicab', setting: 'city' }),
  entry('police car', 'police-car', 'vehicle', 'ground', 'drive', { scale: 1.2, aliases: 'cop car,squad car', setting: 'city' }),
  entry('bus', 'bus', 'vehicle', 'ground', 'drive', { scale: 1.6, aliases: 'buses,busses,coach', setting: 'city' }),
  entry('truck', 'delivery-truck', 'vehicle', 'ground', 'drive', { scale: 1.6, aliases: 'lorry,lorries,van,delivery truck', setting: 'street' }),
  entry('pickup', 'pickup-truck', 'vehicle', 'ground', 'drive', { scale: 1.3, aliases: 'pickup truck,pick-up', setting: 'farm' }),
  entry('fire truck', 'fire-engine', 'vehicle', 'ground', 'drive', { scale: 1.7, aliases: 'fire engine,firetruck', setting: 'city' }),
  entry('ambulance', 'ambulance', 'vehicle', 'ground', 'drive', { scale: 1.5, setting: 'city' }),
  entry('tractor', 'tractor', 'vehicle', 'ground', 'drive', { scale: 1.4, setting: 'farm' }),
  entry('race car', 'racing-car', 'vehicle', 'ground', 'race', { scale: 1.2, aliases: 'racecar,racing car,formula one,go-kart,kart', setting: 'street' }),
  entry('motorcycle', 'motorcycle', 'vehicle', 'ground', 'drive', { aliases: 'motorbike,motorcycles', setting: 'street' }),
  entry('scooter', 'motor-scooter', 'vehicle', 'ground', 'drive', { aliases: 'moped,vespa', setting: 'street' }),
  entry('bicycle', 'bicycle', 'vehicle', 'ground', 'drive', { aliases: 'bike', setting: 'park' }),
  entry('skateboard', 'skateboard', 'vehicle', 'ground', 'roll', { scale: 0.5, aliases: 'skateboarder', setting: 'street' }),
  entry('train', 'locomotive', 'vehicle', 'ground', 'drive', { scale: 1.8, aliases: 'locomotive,steam train,railway', setting: 'meadow' }),
  entry('bullet train', 'high-speed-train', 'vehicle', 'ground', 'race', { scale: 1.6, aliases: 'high-speed train,maglev', setting: 'city' }),
  entry('tram', 'tram', 'vehicle', 'ground', 'drive', { scale: 1.6, aliases: 'streetcar,trolley', setting: 'city' }),
  entry('airplane', 'airplane', 'aircraft', 'air', 'fly', { scale: 1.4, heading: -45, aliases: 'plane,aeroplane,jet,airliner,aircraft,jetliner', setting: 'sky' }),
  entry('helicopter', 'helicopter', 'aircraft', 'air', 'hover', { scale: 1.2, aliases: 'chopper', setting: 'city' }),
  entry('rocket', 'rocket', 'aircraft', 'air', 'fly', { scale: 1.3, heading: -45, aliases: 'spaceship,spacecraft,space shuttle,starship,missile', setting: 'space' }),
  entry('ufo', 'flying-saucer', 'aircraft', 'air', 'hover', { scale: 1.1, front, aliases: 'flying saucer,saucer', setting: 'sky' }),
  entry('satellite', 'satellite', 'aircraft', 'sky', 'orbit', { scale: 0.9, front, setting: 'space' }),
  entry('parachute', 'parachute', 'aircraft', 'air', 'fall', { scale: 1, front, aliases: 'parachutist,skydiver', setting: 'sky' }),
  entry('hot air balloon', 'shape:hot-air-balloon', 'aircraft', 'air', 'float', { scale: 1.5, aliases: 'air balloon,blimp,zeppelin,airship', setting: 'sky' }),
  entry('sailboat', 'sailboat', 'boat', 'surface', 'sail', { scale: 1.2, front, aliases: 'yacht,sailing boat,sloop,dinghy', setting: 'ocean' }),
  entry('boat', 'motor-boat', 'boat', 'surface', 'sail', { scale: 1.2, aliases: 'boats,motorboat,tugboat,fishing boat', setting: 'lake' }),
  entry('ship', 'passenger-ship', 'boat', 'surface', 'sail', { scale: 2.2, aliases: 'cruise ship,ocean liner,liner,steamer,vessel,freighter', setting: 'ocean' }),
  entry('ferry', 'ferry', 'boat', 'surface', 'sail', { scale: 1.8, setting: 'harbor' }),
  entry('speedboat', 'speedboat', 'boat', 'surface', 'race', { scale: 1.2, aliases: 'jet ski,powerboat', setting: 'ocean' }),
  entry('canoe', 'canoe', 'boat', 'surface', 'sail', { scale: 1, front, aliases: 'kayak,raft,gondola', setting: 'river' }),
  entry('submarine', 'shape:submarine', 'boat', 'water', 'swim', { scale: 1.6, aliases: 'sub,u-boat', setting: 'underwater' }),
  entry('pirate ship', 'shape:pirate-ship', 'boat', 'surface', 'sail', { scale: 2, aliases: 'galleon,sailing ship,tall ship', setting: 'ocean' }),
  entry('sled', 'sled', 'vehicle', 'ground', 'glide', { scale: 0.7, aliases: 'sledge,sleigh,toboggan', setting: 'snowfield' }),
  // ---- plants
  entry('tree', 'deciduous-tree', 'plant', 'fixed', 'sway', { scale: 2.4, aliases: 'oak,maple tree,birch,willow,elm', setting: 'forest' }),
  entry('pine tree', 'evergreen-tree', 'plant', 'fixed', 'sway', { scale: 2.6, aliases: 'pine,fir,spruce,evergreen,conifer', setting: 'forest' }),
  entry('palm tree', 'palm-tree', 'plant', 'fixed', 'sway', { scale: 2.6, aliases: 'palm,coconut tree', setting: 'beach' }),
  entry('christmas tree', 'christmas-tree', 'plant', 'fixed', 'idle', { scale: 2, aliases: 'xmas tree', setting: 'room' }),
  entry('cactus', 'cactus', 'plant', 'fixed', 'idle', { scale: 1.5, aliases: 'cacti,saguaro', setting: 'desert' }),
  entry('flower', 'blossom', 'plant', 'fixed', 'sway', { scale: 0.45, aliases: 'blossom,daisy,wildflower,bloom', setting: 'garden' }),
  entry('rose', 'rose', 'plant', 'fixed', 'sway', { scale: 0.5, setting: 'garden' }),
  entry('tulip', 'tulip', 'plant', 'fixed', 'sway', { scale: 0.5, setting: 'garden' }),
  entry('sunflower', 'sunflower', 'plant', 'fixed', 'sway', { scale: 0.8, setting: 'farm' }),
  entry('hibiscus', 'hibiscus', 'plant', 'fixed', 'sway', { scale: 0.45, setting: 'island' }),
  entry('cherry blossom', 'cherry-blossom', 'plant', 'fixed', 'sway', { scale: 0.45, aliases: 'sakura', setting: 'garden' }),
  entry('lotus', 'lotus', 'plant', 'surface', 'float', { scale: 0.5, aliases: 'water lily,lily pad', setting: 'lake' }),
  entry('mushroom', 'mushroom', 'plant', 'fixed', 'idle', { scale: 0.4, aliases: 'toadstool,fungus,fungi', setting: 'forest' }),
  entry('leaf', 'leaf-fluttering-in-wind', 'plant', 'air', 'drift', { scale: 0.3, aliases: 'leaves', setting: 'park' }),
  entry('maple leaf', 'maple-leaf', 'plant', 'air', 'fall', { scale: 0.3, aliases: 'autumn leaf,fallen leaf', setting: 'park' }),
  entry('clover', 'four-leaf-clover', 'plant', 'fixed', 'sway', { scale: 0.3, aliases: 'shamrock', setting: 'meadow' }),
  entry('seedling', 'seedling', 'plant', 'fixed', 'grow', { scale: 0.35, aliases: 'sprout,sapling,seed', setting: 'garden' }),
  entry('bouquet', 'bouquet', 'plant', 'fixed', 'idle', { scale: 0.6, aliases: 'flowers bouquet,posy', setting: 'room' }),
  entry('plant', 'potted-plant', 'plant', 'fixed', 'sway', { scale: 0.7, aliases: 'houseplant,pot plant,potted plant', setting: 'room' }),
  entry('herb', 'herb', 'plant', 'fixed', 'sway', { scale: 0.35, aliases: 'fern,weed,grass tuft', setting: 'garden' }),
  entry('wheat', 'sheaf-of-rice', 'plant', 'fixed', 'sway', { scale: 0.6, aliases: 'rice,crop,crops', setting: 'farm' }),
  entry('log', 'wood', 'object', 'fixed', 'idle', { scale: 0.6, aliases: 'firewood,lumber,timber', setting: 'forest' }),
  // ---- buildings and landmarks
  entry('house', 'house', 'building', 'fixed', 'idle', { scale: 2.2, aliases: 'home,cottage,cabin,bungalow', setting: 'meadow' }),
  entry('garden house', 'house-with-garden', 'building', 'fixed', 'idle', { scale: 2.2, aliases: 'villa', setting: 'garden' }),
  entry('hut', 'hut', 'building', 'fixed', 'idle', { scale: 1.8, aliases: 'shack,shed', setting: 'jungle' }),
  entry('barn', 'derelict-house', 'building', 'fixed', 'idle', { scale: 2.2, aliases: 'ruin,ruins,haunted house', setting: 'farm' }),
  entry('castle', 'castle', 'building', 'fixed', 'idle', { scale: 3, aliases: 'palace,fortress,fort,citadel', setting: 'mountains' }),
  entry('japanese castle', 'japanese-castle', 'building', 'fixed', 'idle', { scale: 3, aliases: 'pagoda', setting: 'garden' }),
  entry('church', 'church', 'building', 'fixed', 'idle', { scale: 2.6, aliases: 'chapel,cathedral', setting: 'city' }),
  entry('mosque', 'mosque', 'building', 'fixed', 'idle', { scale: 2.6, setting: 'city' }),
  entry('temple', 'hindu-temple', 'building', 'fixed', 'idle', { scale: 2.6, aliases: 'shrine', setting: 'jungle' }),
  entry('school', 'school', 'building', 'fixed', 'idle', { scale: 2.6, setting: 'city' }),
  entry('hospital', 'hospital', 'building', 'fixed', 'idle', { scale: 2.8, setting: 'city' }),
  entry('bank', 'bank', 'building', 'fixed', 'idle', { scale: 2.6, setting: 'city' }),
  entry('hotel', 'hotel', 'building', 'fixed', 'idle', { scale: 3, setting: 'city' }),
  entry('skyscraper', 'office-building', 'building', 'fixed', 'idle', { scale: 3.4, aliases: 'office building,tower block,highrise,high-rise,building', setting: 'city' }),
  entry('factory', 'factory', 'building', 'fixed', 'idle', { scale: 2.6, aliases: 'mill,power plant', setting: 'city' }),
  entry('stadium', 'stadium', 'building', 'fixed', 'idle', { scale: 2.8, aliases: 'arena', setting: 'city' }),
  entry('tower', 'tokyo-tower', 'building', 'fixed', 'idle', { scale: 3.6, aliases: 'eiffel tower,radio tower', setting: 'city' }),
  entry('statue', 'statue-of-liberty', 'building', 'fixed', 'idle', { scale: 2.6, aliases: 'statue of liberty,monument', setting: 'harbor' }),
  entry('moai', 'moai', 'building', 'fixed', 'idle', { scale: 1.8, aliases: 'stone head', setting: 'island' }),
  entry('fountain', 'fountain', 'building', 'fixed', 'idle', { scale: 1.4, setting: 'park' }),
  entry('shop', 'convenience-store', 'building', 'fixed', 'idle', { scale: 2.2, aliases: 'store,cafe,bakery,restaurant,diner', setting: 'street' }),
  entry('museum', 'classical-building', 'building', 'fixed', 'idle', { scale: 2.6, aliases: 'courthouse,library,parthenon', setting: 'city' }),
  entry('ferris wheel', 'ferris-wheel', 'building', 'fixed', 'idle', { scale: 3, aliases: 'big wheel,funfair,fairground', setting: 'park' }),
  entry('carousel', 'carousel-horse', 'object', 'fixed', 'bounce', { scale: 1.2, aliases: 'merry-go-round', setting: 'park' }),
  entry('roller coaster', 'roller-coaster', 'building', 'fixed', 'idle', { scale: 2.6, aliases: 'rollercoaster', setting: 'park' }),
  entry('circus tent', 'circus-tent', 'building', 'fixed', 'idle', { scale: 2.4, aliases: 'circus,big top', setting: 'meadow' }),
  entry('tent', 'tent', 'building', 'fixed', 'idle', { scale: 1.4, aliases: 'campsite,camp', setting: 'forest' }),
  entry('lighthouse', 'shape:lighthouse', 'building', 'fixed', 'idle', { scale: 3.2, aliases: 'beacon,light house', setting: 'beach' }),
  entry('windmill', 'shape:windmill', 'building', 'fixed', 'idle', { scale: 3, aliases: 'wind turbine', setting: 'farm' }),
  entry('pyramid', 'shape:pyramid', 'building', 'fixed', 'idle', { scale: 3, aliases: 'pyramids,ziggurat', setting: 'desert' }),
  entry('bridge', 'shape:bridge', 'building', 'fixed', 'idle', { scale: 2.4, aliases: 'footbridge', setting: 'river' }),
  // ---- objects
  entry('ball', 'soccer-ball', 'object', 'ground', 'bounce', { scale: 0.42, front, aliases: 'football,soccer ball' }),
  entry('basketball', 'basketball', 'object', 'ground', 'bounce', { scale: 0.32, front, setting: 'park' }),
  entry('beach ball', 'shape:beach-ball', 'object', 'ground', 'bounce', { scale: 0.4, front, setting: 'beach' }),
  entry('rugby ball', 'american-football', 'object', 'ground', 'bounce', { scale: 0.3, aliases: 'american football' }),
  entry('baseball', 'baseball', 'object', 'ground', 'bounce', { scale: 0.22, front }),
  entry('tennis ball', 'tennis', 'object', 'ground', 'bounce', { scale: 0.2, front }),
  entry('bowling ball', 'bowling', 'object', 'ground', 'roll', { scale: 0.35, front }),
  entry('balloon', 'balloon', 'object', 'air', 'float', { scale: 0.6, front, aliases: 'balloons,party balloon' }),
  entry('kite', 'kite', 'object', 'air', 'hover', { scale: 0.7, front, setting: 'beach' }),
  entry('umbrella', 'umbrella', 'object', 'fixed', 'idle', { scale: 0.8, front, aliases: 'parasol' }),
  entry('beach umbrella', 'umbrella-on-ground', 'object', 'fixed', 'idle', { scale: 1.2, front, setting: 'beach' }),
  entry('lantern', 'red-paper-lantern', 'object', 'air', 'float', { scale: 0.5, front, aliases: 'paper lantern,sky lantern,lamp' }),
  entry('candle', 'candle', 'object', 'fixed', 'flicker', { scale: 0.45, front, aliases: 'candles', setting: 'room' }),
  entry('fire', 'fire', 'object', 'fixed', 'flicker', { scale: 0.8, front, aliases: 'campfire,bonfire,flame,flames,blaze', setting: 'forest' }),
  entry('book', 'open-book', 'object', 'fixed', 'idle', { scale: 0.4, front, aliases: 'novel,notebook', setting: 'room' }),
  entry('books', 'books', 'object', 'fixed', 'idle', { scale: 0.5, front, aliases: 'bookshelf,library books', setting: 'room' }),
  entry('gift', 'wrapped-gift', 'object', 'fixed', 'bounce', { scale: 0.45, front, aliases: 'present,gift box', setting: 'room' }),
  entry('box', 'package', 'object', 'fixed', 'idle', { scale: 0.5, front, aliases: 'parcel,crate,cardboard box,package' }),
  entry('clock', 'alarm-clock', 'object', 'fixed', 'idle', { scale: 0.45, front, aliases: 'alarm clock,watch', setting: 'room' }),
  entry('hourglass', 'hourglass-not-done', 'object', 'fixed', 'idle', { scale: 0.45, front, aliases: 'sand timer' }),
  entry('guitar', 'guitar', 'object', 'fixed', 'idle', { scale: 0.7, front, aliases: 'ukulele', setting: 'stage' }),
  entry('drum', 'drum', 'object', 'fixed', 'bounce', { scale: 0.5, front, aliases: 'drums,drum kit', setting: 'stage' }),
  entry('violin', 'violin', 'object', 'fixed', 'idle', { scale: 0.6, front, aliases: 'fiddle,cello', setting: 'stage' }),
  entry('trumpet', 'trumpet', 'object', 'fixed', 'idle', { scale: 0.55, front, aliases: 'horn,trombone', setting: 'stage' }),
  entry('saxophone', 'saxophone', 'object', 'fixed', 'idle', { scale: 0.6, front, aliases: 'sax', setting: 'stage' }),
  entry('piano', 'musical-keyboard', 'object', 'fixed', 'idle', { scale: 0.8, front, aliases: 'keyboard,synthesizer', setting: 'stage' }),
  entry('microphone', 'microphone', 'object', 'fixed', 'idle', { scale: 0.5, front, aliases: 'mic', setting: 'stage' }),
  entry('music note', 'musical-notes', 'object', 'air', 'float', { scale: 0.35, front, aliases: 'musical note,note,notes,melody' }),
  entry('camera', 'camera', 'object', 'fixed', 'idle', { scale: 0.45, front, aliases: 'photo camera' }),
  entry('telescope', 'telescope', 'object', 'fixed', 'idle', { scale: 0.8, front, aliases: 'observatory' }),
  entry('crystal ball', 'crystal-ball', 'object', 'fixed', 'glow', { scale: 0.45, front, aliases: 'orb' }),
  entry('magic wand', 'magic-wand', 'object', 'air', 'spin', { scale: 0.45, front, aliases: 'wand' }),
  entry('crown', 'crown', 'object', 'fixed', 'glow', { scale: 0.4, front, aliases: 'tiara' }),
  entry('hat', 'top-hat', 'object', 'fixed', 'idle', { scale: 0.4, front, aliases: 'top hat' }),
  entry('shoe', 'running-shoe', 'object', 'fixed', 'idle', { scale: 0.35, aliases: 'sneaker,boot' }),
  entry('teddy bear', 'teddy-bear', 'object', 'fixed', 'sit', { scale: 0.6, front, aliases: 'teddy,plush,stuffed animal,toy', setting: 'room' }),
  entry('key', 'old-key', 'object', 'air', 'spin', { scale: 0.35, front, aliases: 'keys' }),
  entry('sword', 'crossed-swords', 'object', 'fixed', 'idle', { scale: 0.6, front, aliases: 'swords,blade,dagger' }),
  entry('shield', 'shield', 'object', 'fixed', 'idle', { scale: 0.5, front }),
  entry('anchor', 'anchor', 'object', 'fixed', 'idle', { scale: 0.6, front, setting: 'harbor' }),
  entry('bell', 'bell', 'object', 'fixed', 'sway', { scale: 0.45, front, aliases: 'bells' }),
  entry('trophy', 'trophy', 'object', 'fixed', 'glow', { scale: 0.5, front, aliases: 'award,prize' }),
  entry('rock', 'rock', 'object', 'fixed', 'idle', { scale: 0.6, front, aliases: 'stone,boulder,pebble', setting: 'mountains' }),
  entry('star', 'star', 'object', 'air', 'spin', { scale: 0.4, front, aliases: 'starfish' }),
  entry('glowing star', 'glowing-star', 'object', 'air', 'glow', { scale: 0.4, front, aliases: 'sparkle star' }),
  entry('shooting star', 'shooting-star', 'sky', 'sky', 'fly', { scale: 0.6, heading: 135, aliases: 'meteor,meteorite', setting: 'sky' }),
  entry('comet', 'comet', 'sky', 'sky', 'fly', { scale: 0.8, heading: 135, setting: 'space' }),
  entry('planet', 'ringed-planet', 'sky', 'sky', 'spin', { scale: 1.4, front, aliases: 'saturn,jupiter,mars', setting: 'space' }),
  entry('earth', 'globe-showing-americas', 'sky', 'sky', 'spin', { scale: 1.4, front, aliases: 'globe,world,planet earth', setting: 'space' }),
  entry('rainbow', 'rainbow', 'sky', 'sky', 'glow', { scale: 2.6, front, setting: 'meadow' }),
  entry('tornado', 'tornado', 'sky', 'ground', 'spin', { scale: 2.2, front, aliases: 'twister,cyclone,whirlwind', setting: 'farm' }),
  entry('fireworks', 'shape:fireworks', 'sky', 'sky', 'glow', { scale: 1.7, front, aliases: 'firework,sparkler', setting: 'city' }),
  entry('heart', 'red-heart', 'object', 'air', 'float', { scale: 0.35, front, aliases: 'love heart,hearts' }),
  entry('gem', 'gem-stone', 'object', 'fixed', 'glow', { scale: 0.4, front, aliases: 'diamond,jewel,crystal,ruby,emerald', setting: 'cave' }),
  entry('coin', 'coin', 'object', 'air', 'spin', { scale: 0.3, front, aliases: 'coins,gold coin' }),
  entry('money bag', 'money-bag', 'object', 'fixed', 'idle', { scale: 0.5, front, aliases: 'treasure,loot' }),
  entry('bubble', 'bubbles', 'object', 'water', 'float', { scale: 0.35, front, aliases: 'soap bubble' }),
  entry('snowflake', 'snowflake', 'object', 'air', 'fall', { scale: 0.3, front, setting: 'snowfield' }),
  entry('compass', 'compass', 'object', 'fixed', 'idle', { scale: 0.4, front }),
  entry('map', 'world-map', 'object', 'fixed', 'idle', { scale: 0.6, front, aliases: 'treasure map' }),
  entry('chair', 'chair', 'object', 'fixed', 'idle', { scale: 0.8, front, aliases: 'seat,stool', setting: 'room' }),
  entry('sofa', 'couch-and-lamp', 'object', 'fixed', 'idle', { scale: 1.2, front, aliases: 'couch,settee', setting: 'room' }),
  entry('bed', 'bed', 'object', 'fixed', 'idle', { scale: 1.2, front, setting: 'room' }),
  entry('door', 'door', 'object', 'fixed', 'idle', { scale: 1.4, front, aliases: 'doorway,gate' }),
  entry('window', 'window', 'object', 'fixed', 'idle', { scale: 1, front, setting: 'room' }),
  entry('bucket', 'bucket', 'object', 'fixed', 'idle', { scale: 0.4, front, aliases: 'pail' }),
  entry('ladder', 'ladder', 'object', 'fixed', 'idle', { scale: 1.2, front }),
  entry('skull', 'skull', 'object', 'fixed', 'idle', { scale: 0.4, front, aliases: 'skeleton,bones', setting: 'cave' }),
  entry('disco ball', 'mirror-ball', 'object', 'air', 'spin', { scale: 0.5, front, aliases: 'mirror ball,glitter ball', setting: 'stage' }),
  entry('yo-yo', 'yo-yo', 'object', 'air', 'bounce', { scale: 0.3, front, aliases: 'yoyo' }),
  entry('dice', 'game-die', 'object', 'ground', 'roll', { scale: 0.3, front, aliases: 'dices' }),
  entry('television', 'television', 'object', 'fixed', 'idle', { scale: 0.7, front, aliases: 'tv,telly,monitor', setting: 'room' }),
  entry('laptop', 'laptop', 'object', 'fixed', 'idle', { scale: 0.5, front, aliases: 'computer,pc', setting: 'room' }),
  entry('phone', 'mobile-phone', 'object', 'fixed', 'idle', { scale: 0.35, front, aliases: 'smartphone,cellphone,mobile' }),
  entry('flag', 'triangular-flag', 'object', 'fixed', 'sway', { scale: 0.8, front, aliases: 'banner,pennant' }),
  entry('pirate flag', 'pirate-flag', 'object', 'fixed', 'sway', { scale: 0.8, front, aliases: 'jolly roger' }),
  entry('bone', 'bone', 'object', 'fixed', 'idle', { scale: 0.3, front }),
  entry('magnet', 'magnet', 'object', 'fixed', 'idle', { scale: 0.35, front }),
  entry('lightbulb', 'shape:lightbulb', 'object', 'air', 'glow', { scale: 0.45, front, aliases: 'light bulb,bulb,idea' }),
  entry('circle', 'shape:circle', 'object', 'ground', 'bounce', { scale: 0.4, front, aliases: 'sphere,dot,disc,disk,blob' }),
  entry('square', 'shape:square', 'object', 'ground', 'spin', { scale: 0.4, front, aliases: 'cube,block,rectangle' }),
  entry('triangle', 'shape:triangle', 'object', 'ground', 'spin', { scale: 0.4, front, aliases: 'prism' }),
  entry('ring', 'shape:ring', 'object', 'air', 'spin', { scale: 0.4, front, aliases: 'hoop,donut shape' }),
  // ---- food
  entry('apple', 'red-apple', 'food', 'fixed', 'idle', { scale: 0.3, front, aliases: 'apples' }),
  entry('green apple', 'green-apple', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('banana', 'banana', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('orange', 'tangerine', 'food', 'fixed', 'idle', { scale: 0.3, front, aliases: 'tangerine,mandarin,clementine' }),
  entry('lemon', 'lemon', 'food', 'fixed', 'idle', { scale: 0.3, front, aliases: 'lime' }),
  entry('pear', 'pear', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('peach', 'peach', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('cherry', 'cherries', 'food', 'fixed', 'idle', { scale: 0.3, front, aliases: 'cherries' }),
  entry('strawberry', 'strawberry', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('grapes', 'grapes', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'grape' }),
  entry('watermelon', 'watermelon', 'food', 'fixed', 'idle', { scale: 0.45, front, aliases: 'melon' }),
  entry('pineapple', 'pineapple', 'food', 'fixed', 'idle', { scale: 0.45, front }),
  entry('coconut', 'coconut', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('avocado', 'avocado', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('carrot', 'carrot', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('corn', 'ear-of-corn', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'maize,corncob' }),
  entry('broccoli', 'broccoli', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('tomato', 'tomato', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('eggplant', 'eggplant', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'aubergine' }),
  entry('potato', 'potato', 'food', 'fixed', 'idle', { scale: 0.3, front }),
  entry('pizza', 'pizza', 'food', 'fixed', 'spin', { scale: 0.4, front, aliases: 'pizza slice' }),
  entry('burger', 'hamburger', 'food', 'fixed', 'idle', { scale: 0.4, front, aliases: 'hamburger,cheeseburger' }),
  entry('hot dog', 'hot-dog', 'food', 'fixed', 'idle', { scale: 0.4, front, aliases: 'hotdog' }),
  entry('fries', 'french-fries', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'french fries,chips' }),
  entry('taco', 'taco', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('sushi', 'sushi', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('donut', 'doughnut', 'food', 'fixed', 'roll', { scale: 0.35, front, aliases: 'doughnut' }),
  entry('cookie', 'cookie', 'food', 'fixed', 'roll', { scale: 0.3, front, aliases: 'biscuit' }),
  entry('cake', 'birthday-cake', 'food', 'fixed', 'idle', { scale: 0.5, front, aliases: 'birthday cake,gateau' }),
  entry('cupcake', 'cupcake', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'muffin' }),
  entry('ice cream', 'soft-ice-cream', 'food', 'fixed', 'idle', { scale: 0.4, front, aliases: 'icecream,gelato,ice-cream cone' }),
  entry('pie', 'pie', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'tart' }),
  entry('bread', 'bread', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'loaf,toast' }),
  entry('croissant', 'croissant', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('cheese', 'cheese-wedge', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('egg', 'egg', 'food', 'fixed', 'roll', { scale: 0.3, front }),
  entry('honey', 'honey-pot', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'honey pot' }),
  entry('coffee', 'hot-beverage', 'food', 'fixed', 'idle', { scale: 0.35, front, aliases: 'tea,cocoa,hot chocolate,mug' }),
  entry('milk', 'glass-of-milk', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('popcorn', 'popcorn', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('candy', 'candy', 'food', 'fixed', 'spin', { scale: 0.3, front, aliases: 'sweets,bonbon' }),
  entry('lollipop', 'lollipop', 'food', 'fixed', 'spin', { scale: 0.35, front }),
  entry('chocolate bar', 'chocolate-bar', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('pancakes', 'pancakes', 'food', 'fixed', 'idle', { scale: 0.4, front, aliases: 'pancake' }),
  entry('sandwich', 'sandwich', 'food', 'fixed', 'idle', { scale: 0.35, front }),
  entry('noodles', 'steaming-bowl', 'food', 'fixed', 'idle', { scale: 0.4, front, aliases: 'ramen,soup,bowl' }),
  entry('spaghetti', 'spaghetti', 'food', 'fixed', 'idle', { scale: 0.4, front, aliases: 'pasta' }),
];

/** Drawn primitives used when no artwork exists (or a noun falls back). */
export const shapeAssets = [
  'circle', 'square', 'triangle', 'ring', 'lighthouse', 'windmill', 'pyramid', 'bridge', 'submarine', 'pirate-ship',
  'hot-air-balloon', 'beach-ball', 'lightbulb', 'fireworks',
] as const;
