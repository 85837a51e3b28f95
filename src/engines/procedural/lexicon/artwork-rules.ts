/**
 * The judgement calls behind the artwork vocabulary, as data: which emoji groups hold drawable things and what kind
 * of thing each is; which labels, tags and icon names are not nouns a prompt would use (abstract words, verbs,
 * countries, zodiac signs, game jargon, clock faces, gendered duplicates); which game-icons compounds are real
 * compound nouns; and what kind of thing each game-icons silhouette shows. Read only by the generator.
 */
import type { NounKind, Place } from './nouns.js';

const list = (text: string): string[] => text.trim().split(/\s+/);
const set = (text: string): ReadonlySet<string> => new Set(list(text));

/** Emoji subgroups (emojibase) that hold drawable things, and the kind of thing in each. Others are skipped. */
export const emojiSubgroupKinds: Readonly<Record<string, NounKind>> = {
  'animal-mammal': 'animal', 'animal-bird': 'bird', 'animal-amphibian': 'animal', 'animal-reptile': 'animal',
  'animal-marine': 'sea', 'animal-bug': 'insect', 'plant-flower': 'plant', 'plant-other': 'plant',
  'food-fruit': 'food', 'food-vegetable': 'food', 'food-prepared': 'food', 'food-asian': 'food', 'food-sweet': 'food',
  drink: 'food', dishware: 'object', 'place-map': 'object', 'place-building': 'building', 'place-religious': 'building',
  'place-other': 'building', 'transport-ground': 'vehicle', 'transport-water': 'boat', 'transport-air': 'aircraft',
  hotel: 'object', time: 'object', 'sky-weather': 'sky', event: 'object', 'award-medal': 'object', sport: 'object',
  game: 'object', 'arts-crafts': 'object', clothing: 'object', sound: 'object', music: 'object',
  'musical-instrument': 'object', phone: 'object', computer: 'object', 'light-video': 'object', 'book-paper': 'object',
  money: 'object', mail: 'object', writing: 'object', office: 'object', lock: 'object', tool: 'object',
  science: 'object', medical: 'object', household: 'object', 'other-object': 'object', 'body-parts': 'object',
  person: 'person', 'person-role': 'person', 'person-fantasy': 'creature', 'face-costume': 'creature',
};

/** Emoji (by Fluent icon name) whose subgroup says one kind but which are another: an anchor is no boat. */
export const emojiKindOverrides: Readonly<Record<string, NounKind>> = {
  'ring-buoy': 'object', 'bus-stop': 'object', 'oil-drum': 'object', 'fuel-pump': 'object',
  'police-car-light': 'object', 'horizontal-traffic-light': 'object', 'vertical-traffic-light': 'object',
  'stop-sign': 'object', 'railway-track': 'object', 'carousel-horse': 'object', 'barber-pole': 'object',
  'playground-slide': 'object', 'spider-web': 'object', feather: 'object', 'paw-prints': 'object',
  'empty-nest': 'object', thermometer: 'object', 'closed-umbrella': 'object', droplet: 'object',
};

/** Emoji labels that are no noun a prompt would use (activities, abstractions, variants), after lowercasing. */
export const deniedEmojiLabels: ReadonlySet<string> = new Set([
  'construction', 'wedding', 'performing arts', 'tennis', 'bowling', 'badminton', 'lacrosse', 'field hockey',
  'ice hockey', 'ping pong', 'cricket game', 'level slider', 'control knobs', 'bookmark tabs', 'label', 'memo',
  'receipt', 'placard', 'dvd', 'x-ray', 'dna', 'link', 'love hotel', 'pregnant woman', 'pregnant man',
  'pregnant person', 'breast-feeding', 'mx claus', 'older person', 'nazar amulet', 'hamsa', 'mate', 'leafy green',
  'pouring liquid', 'clinking glasses', 'clinking beer mugs', 'moon viewing ceremony', 'carp streamer',
  'pine decoration', 'tanabata tree', 'flower playing cards', 'mahjong red dragon', 'spade suit', 'heart suit',
  'diamond suit', 'club suit', 'joker', 'reminder ribbon', 'chart increasing', 'chart decreasing', 'bar chart',
  'card index', 'card index dividers', 'card file box', 'e-mail', 'incoming envelope', 'outbox tray', 'inbox tray',
  'black nib', 'film frames', 'hourglass done', 'identification card', 'yen banknote', 'euro banknote',
  'pound banknote', 'new moon', 'high voltage', 'water wave', 'hot springs', 'optical disk', 'computer disk',
  'trackball', 'pig nose', 'building construction', 'japanese post office', 'kaaba', 'station', 'airplane departure',
  'airplane arrival', 'hourglass not done', 'mrs claus', 'locked', 'unlocked', 'muted speaker', 'low battery',
  'linked paperclips', 'crossed swords', 'money with wings', 'cooking', 'selfie', 'full moon', 'crescent moon',
  'foggy',
]);

/** Words that make an emoji label no plain noun phrase: it describes a pose, a state or a variant. */
export const deniedLabelWords: ReadonlySet<string> = set(`
  face oncoming tilted slash volume raised lowered facing pointing waxing waning quarter gibbous behind showing
  front-facing
`);

/**
 * Words never taken as an alias from a label head or an emoji tag: adjectives and verbs that also name things,
 * generic words that would swallow a whole kind, and tags that are themes rather than the thing drawn.
 */
export const deniedAliasWords: ReadonlySet<string> = set(`
  saw well lighter stable present fat fair hard bar box case kit set pack pick spring fall hop lid top bottom
  back side front game sport suit card engine building store office place thing item object piece part end line
  point food drink animal plant vehicle person people human man woman face head body hair eye clothing clothes
  toy tool weapon music sound light water fire night day time world nature strong order alpha herd male female
  beak flight change climate decor habitat crops wild natural spice filling treat side container class direction
  navigation landscape patrol transportation station circle turn alert float save launch rays heat glow danger
  lit sad tear spark prize winner second third hoop super ultimate strike table dart target hit future controller
  dice string thread cord twist dive neck fashion family army coin jet ring suitcase wall heavy solid mortar
  semi zoom ride spin wheels tire highway gas evening fog iron sugar chip barrel jar sauce nothing measure core
  slice peel pad root pod wedge machine die score board saw stop sign track print popper fruit vegetable
  instrument worker reaper bunch fry pile holder entrance mail handle strip pit fighter module detector launcher
  roller cutter urchin court cleaner talkie bishop console assistance zoo dying shedding irish lucky diet ripe
  spore toppings vegetarian convoluted indecisive hungry dairy flavor salty taste upset prophecy delivery serve
  birth born newborn caffeine brew drunk mai tai tropics octoberfest oktoberfest summer liquor malt schmear corvid
  shrub shroom seafood pot rook dish
`);

/** Words that end in -s in the singular (or have no singular), so the generator does not strip the -s. */
export const singularWithS: ReadonlySet<string> = set(`
  scissors shears binoculars glasses sunglasses spectacles trousers shorts jeans pants headphones pliers tongs
  stairs bagpipes caltrops goggles clothes bellows handcuffs chopsticks biceps lips pincers earbuds maracas
  nachos overalls pajamas briefs atlas bolas cyclops ibis ouroboros greaves barracks canvas lens gas bus
  octopus nautilus asparagus hibiscus rhinoceros oasis
`);

/** Single-word game-icons names that are no drawable noun a prompt would use. */
export const deniedIconNames: ReadonlySet<string> = set(`
  ace achievement acid acrobatic africa afterburn ages akhet algeria amplitude amputation anarchy anatomy angola
  annexation antarctica anthem antibody anubis apc apothecary aquarius aries arrest arrowed arson aspergillum aura
  australia autogun avoidance awareness backstab backup balkenkreuz bandaged barefoot bastet behold belgium
  biohazard blackball blast blood bo bolivia bookmarklet bowels brainstorm brasero brazil brute bulgaria burn caesar
  caldera cambodia cancel cancer candlebright cannister cantua capricorn carnyx carrier carrion cartwheel catch
  chaingun champions character charging charm chart cheerful cherish choice cigale circuitry cleopatra click clout
  cogsplosion coinflip colombia coma computing confirmed confrontation congress conqueror contract conversation
  convince coronation corporal corsica cowled crafting crags crosshair crush crystalize cuauhtli cubeforce cycle
  cycling database deathcab decapitation defibrilate delighted demolish despair detour dew diagram discobolus
  discussion disintegrate distraction divergence divert dodge dodging doubled dozen dread drinking drop drowning
  duality duel duration dwennimmen eating eclipse ecology egypt electric embryo encirclement energise enlightenment
  enrage evasion expand expander expense eyelashes eyestalk falling famas fat female fetus files fireflake firewall
  fishing fission flake flamer flood foam fomorian footsteps fragrance france freemasonry frostfire fruiting fuji
  galea gaze gemini gibbet glock gloop gluttony gps grab grapple gravitation groundbreaker growth guatemala gunshot
  halt handcuffed haunting headshot healing heartburn helicoprion help heptagram hexes hidden hiking histogram
  hockey holosphere honeypot hops horus hungary icarus icebergs iceland ifrit implosion imprisoned inauguration
  incisors infinity info injustice inspiration interdiction invisible iraq italia japan join joint journey kenya
  kevlar kindle klingon kneeling knockout kusarigama lambda lamellar laserburn latvia leak leapfrog led leo liar
  libra libya lift lighter load lockpicks logging lovers luger male mantrap medallist medicines meditation megabot
  metroid mexico minefield minerals minigun mining minions misdirection moldova molotov mongolia mountaintop move
  mute nectar nefertiti nigeria nodular nuclear occupy octoman omega oni onigori ophanim ophiuchus oppidum
  oppression orbit orbital organigram otamatone overdose overdrive overhead overkill overmind panzerfaust paraguay
  paranoia parmecia pauldrons pc peru pharoah pisces plastron platform pointing poison pokecog poland portugal
  pounce powder prayer private profit progression pteruges pull pulse pummeled punch push pyromaniac quicksand
  radiations radioactive raining read recycle regeneration remedy rempart resize resonance reticule revolt ricochet
  riposte ropeway rss run sagittarius sandstorm saphir save scales scorpio screaming select sensuousness sergeant
  share shatter shieldcomb shouting shrug sideswipe silence silenced silex sinagot sing skills skis slalom slap
  sleepy slipknot sly smart smitten snatch snowing soul spades spain sparkles spatter spearfishing spikeball spill
  splash splurt spray sprint squib stable stack stahlhelm stalagtite stamper staryu static steam stigmata stockpiles
  stomp strafe strong suicide suits summits sunbeams surprised suspicious swallow swallower switzerland talk
  tanzania tap targeted targeting taurus tearing telefrag telepathy teleport temptation tentacurl terror tesla texas
  think thrust thunderball thwomp tick tinker toggles token torc trade trail trample transform transfuse tread
  triforce trinacria triorb tripwire triquetra truce tumor tumulus tunisia turd udder ultrasound uluru unbalanced
  uncertainty underhand unlocking unplugged upgrade uprising uruguay usable uzi venezuela virgo vomiting vortex vote
  walk weight well whiplash wildfires wingfoot wisdom yunluo
`);

/** Game-icons names whose noun is spelled differently from the icon (misspellings, plurals, word order). */
export const iconNounRenames: Readonly<Record<string, string>> = {
  portculis: 'portcullis', pterodactylus: 'pterodactyl', raddish: 'radish', spoutnik: 'sputnik',
  swordman: 'swordsman', swordwoman: 'swordswoman', tyre: 'tire', 'fried-eggs': 'fried egg', 'surf-board': 'surfboard',
  'measure-tape': 'tape measure', 'pestle-mortar': 'mortar and pestle', 'chef-toque': 'chef hat',
  'plastic-duck': 'rubber duck', 'western-hat': 'cowboy hat', 'jumping-rope': 'skipping rope', 'air-balloon': 'air balloon',
  'kitchen-knives': 'kitchen knife', 'juggling-clubs': 'juggling club', 'flip-flops': 'flip-flop',
  'test-tubes': 'test tube', 'birch-trees': 'birch tree', 'bunk-beds': 'bunk bed', 'lily-pads': 'lily pad',
  'matryoshka-dolls': 'matryoshka doll', 'egyptian-pyramids': 'egyptian pyramid', 'candy-canes': 'candy cane',
  'prayer-beads': 'prayer bead', 'party-flags': 'bunting', 'sliced-bread': 'bread slice',
  'book-pile': 'book pile', 'bow-arrow': 'bow and arrow', 'chips-bag': 'bag of chips', 'coffee-beans': 'coffee bean',
  'coins-pile': 'pile of coins', 'cooking-glove': 'oven glove', 'cut-lemon': 'lemon slice',
  'dandelion-flower': 'dandelion', 'domino-tiles': 'domino', 'dough-roller': 'rolling pin', 'dumpling-bao': 'bao',
  'egyptian-sphinx': 'sphinx', 'film-spool': 'film reel', 'gold-nuggets': 'gold nugget', 'ham-shank': 'ham',
  'home-garage': 'garage', 'jelly-beans': 'jelly bean', 'lit-candelabra': 'candelabra', 'manual-juicer': 'juicer',
  'mine-wagon': 'mine cart', 'old-wagon': 'wagon', 'oyster-pearl': 'pearl', 'paper-windmill': 'pinwheel',
  'pisa-tower': 'leaning tower', 'porcelain-vase': 'vase', 'post-stamp': 'postage stamp',
  'power-generator': 'generator', 'rail-road': 'railroad', 'roman-toga': 'toga', 'rune-stone': 'runestone',
  'ship-wheel': 'ship wheel', 'ship-wreck': 'shipwreck', 'shirt-button': 'button', 'spiked-mace': 'mace',
  'spell-book': 'spellbook', 'stone-bust': 'bust', 'stone-throne': 'throne', 'strong-man': 'strongman',
  'swiss-army-knife': 'pocket knife', 'theater-curtains': 'curtain', 'vanilla-flower': 'vanilla',
  'viking-longhouse': 'longhouse', 'water-flask': 'flask', 'weight-scale': 'weighing scale',
  'wifi-router': 'router', 'wizard-staff': 'wizard staff', 'wood-club': 'club', 'wood-stick': 'stick',
  'wooden-clogs': 'clog', 'wooden-pegleg': 'peg leg', 'scuba-tanks': 'scuba tank', 'war-bonnet': 'headdress',
  'american-football-helmet': 'football helmet', 'full-motorcycle-helmet': 'motorcycle helmet',
  'factory-arm': 'robot arm', 'delivery-drone': 'drone', 'ninja-star': 'throwing star', 'fire-bowl': 'fire pit',
  'rope-coil': 'coil of rope', 'golf-tee': 'golf tee', 'gem-pendant': 'pendant',
};

/** Multi-word game-icons names that are real compound nouns (the rest are poses, effects or game jargon). */
export const iconCompounds: ReadonlySet<string> = set(`
  angler-fish apple-core arch-bridge archery-target armor-vest balloon-dog banana-peel banana-bunch bar-stool
  barbed-wire barn-owl baseball-bat baseball-glove battle-axe battle-tank beach-bag beach-bucket beer-bottle
  beer-stein berry-bush bird-cage bird-house bonsai-tree bow-tie bowie-knife bowling-pin boxing-ring brick-wall
  butterfly-knife cake-slice camping-tent canadian-goose candle-holder cannon-ball car-key cargo-crate cargo-ship
  carnival-mask carnivorous-plant castle-ruins cctv-camera ceiling-light chain-mail checkered-flag chess-bishop
  chess-king chess-knight chess-pawn chess-queen chess-rook chicken-leg chili-pepper circular-saw claw-hammer
  clock-tower coffee-cup coffee-mug coffee-pot combination-lock compact-disc control-tower cooking-pot
  cowboy-boot cricket-bat cuckoo-clock desk-lamp diamond-ring director-chair diving-helmet dog-bowl dog-house
  doner-kebab door-handle duffel-bag dunce-cap easter-egg engagement-ring falling-star fire-axe firework-rocket
  fish-bucket fishing-hook fishing-net flower-pot food-truck french-horn fruit-bowl fruit-tree fuel-tank gas-mask
  gas-pump gas-stove gingerbread-man gold-bar grand-piano greek-temple grim-reaper gym-bag hand-saw hang-glider
  hanging-sign hazmat-suit honey-jar hunting-horn ice-cube ice-pop jet-fighter jigsaw-piece kiwi-bird
  laser-gun leather-boot life-buoy life-jacket lotus-flower love-letter lunar-module machine-gun magic-lamp
  magic-potion magnifying-glass manta-ray mason-jar meat-cleaver medical-thermometer metal-detector milk-carton
  missile-launcher monkey-wrench mounted-knight nautilus-shell nuclear-bomb nuclear-plant oak-leaf office-chair
  oil-can oil-pump oil-rig orange-slice paddle-steamer paint-bucket paint-roller pan-flute paper-boat paper-crane
  paper-plane park-bench party-hat pearl-necklace perfume-bottle piggy-bank pipe-organ pirate-captain pirate-hat
  pocket-watch praying-mantis pressure-cooker punching-bag radar-dish rice-cooker roast-chicken rocking-chair
  rope-bridge rotary-phone round-table rubber-boot salt-shaker sand-castle santa-hat school-bag sea-serpent
  sea-urchin sewing-machine shopping-bag siege-tower skeleton-key ski-boot sleeping-bag smoking-pipe soda-bottle
  soda-can soldering-iron space-suit spark-plug spinning-top spinning-wheel stealth-bomber
  steam-locomotive steering-wheel stone-axe stone-bridge stone-tablet stone-tower stone-wall street-light
  sugar-cane suspension-bridge tank-top target-dummy tennis-racket tesla-coil tow-truck traffic-cone trash-can
  tree-branch tree-swing trojan-horse tv-remote usb-key vacuum-cleaner vending-machine venus-flytrap
  viking-helmet voodoo-doll walkie-talkie washing-machine water-bottle water-gun water-mill water-tank
  water-tower watering-can wax-seal willow-tree wine-bottle winter-hat wood-axe wood-pile wooden-crate
  wooden-fence wooden-sign wrecking-ball sea-turtle sitting-dog jumping-dog seated-mouse charging-bull
  flying-fox school-of-fish shoebill-stork hollow-cat animal-skull astronaut-helmet audio-cassette bed-lamp
  black-flag bottle-cap brick-pile broken-bottle bubbling-flask bug-net cactus-pot candlestick-phone canned-fish
  car-battery car-door car-seat car-wheel cave-entrance chestnut-leaf coal-pile coal-wagon corner-flag
  cotton-flower cowboy-holster crested-helmet crossed-bones crystal-cluster cut-diamond dinosaur-bones
  dinosaur-egg domino-mask dutch-bike egyptian-temple exit-door fairy-wand film-strip fishing-lure flat-tire
  folded-paper fried-fish frog-prince fur-boot game-console gardening-shears ginkgo-leaf gold-mine hand-truck
  holy-grail id-card ionic-column jester-hat knee-pad land-mine laurel-crown lead-pipe leather-armor linden-leaf
  liquid-soap magic-broom magic-hat mayan-pyramid mining-helmet moka-pot monstera-leaf mushroom-house
  pie-slice pizza-cutter police-badge polo-shirt price-tag propeller-beanie ray-gun razor-blade red-carpet
  rock-golem samurai-helmet scuba-mask shark-fin shoulder-bag smoke-bomb surfer-van
  turtle-shell vr-headset
  fried-eggs surf-board measure-tape pestle-mortar chef-toque plastic-duck western-hat jumping-rope air-balloon
  kitchen-knives juggling-clubs flip-flops test-tubes birch-trees bunk-beds lily-pads matryoshka-dolls
  egyptian-pyramids candy-canes prayer-beads party-flags sliced-bread
`);

/** What kind of thing a game-icons silhouette shows; names not listed are objects. */
export const iconKinds: Readonly<Record<string, NounKind>> = Object.fromEntries(
  Object.entries({
    animal: `anteater armadillo axolotl capybara mole feline pangolin tapir ermine rattlesnake salamander dimetrodon
      parasaurolophus plesiosaurus pterodactylus charging-bull sitting-dog jumping-dog seated-mouse hollow-cat`,
    bird: `ibis hummingbird ostrich toucan barn-owl canadian-goose kiwi-bird shoebill-stork`,
    sea: `eel flatfish piranha seahorse mussel oyster scallop trilobite porcupinefish ammonite manta-ray angler-fish
      nautilus-shell sea-urchin school-of-fish`,
    insect: `dragonfly earwig centipede maggot mite praying-mantis`,
    creature: `centaur cyclops direwolf djinn gargoyle harpy hydra lizardman minotaur werewolf troglodyte sea-serpent
      grim-reaper gingerbread-man flying-fox sasquatch rock-golem frog-prince`,
    person: `archer bandit barbarian blacksmith bowman cavalry contortionist convict cultist fencer luchador miner
      pianist pikeman prisoner ringmaster robber rogue spartan swordman swordwoman mounted-knight pirate-captain
      caveman strong-man`,
    vehicle: `bulldozer caravan chariot forklift jeep steamroller velocipede unicycle flatbed tank battle-tank
      food-truck tow-truck steam-locomotive subway surfer-van dutch-bike old-wagon mine-wagon coal-wagon`,
    aircraft: `biplane bomber glider starfighter spoutnik jet-fighter stealth-bomber hang-glider lunar-module
      delivery-drone`,
    boat: `battleship caravel cruiser drakkar dreadnought trireme paddle-steamer cargo-ship paper-boat galley`,
    plant: `agave algae bamboo baobab beanstalk beech bud flax hemp jasmine poppy reed tumbleweed vines bonsai-tree
      berry-bush carnivorous-plant fruit-tree willow-tree birch-trees venus-flytrap lotus-flower oak-leaf
      tree-branch sugar-cane dandelion-flower cotton-flower vanilla-flower monstera-leaf ginkgo-leaf linden-leaf
      chestnut-leaf cactus-pot`,
    food: `acorn almond artichoke asparagus bacon beet blackcurrant boba butter cabbage carambola charcuterie
      chanterelles dango dumpling elderberry flour garlic grain ketchup leek marshmallows meal meat nachos oat
      peas pickle pimiento pretzel pumpkin raddish raspberry sausage sesame steak martini apple-core banana-peel
      banana-bunch cake-slice chicken-leg chili-pepper doner-kebab fried-eggs ice-pop orange-slice roast-chicken
      honey-jar candy-canes sliced-bread coffee-beans cut-lemon dumpling-bao ham-shank jelly-beans pie-slice
      fried-fish canned-fish chips-bag`,
    building: `aqueduct barracks bunker capitol coliseum dam dolmen granary graveyard igloo menhir obelisk palisade
      refinery saloon tipi treehouse warehouse watchtower windpump castle-ruins clock-tower control-tower
      greek-temple nuclear-plant oil-rig siege-tower stone-tower water-tower water-mill dog-house bird-house
      egyptian-pyramids arch-bridge rope-bridge stone-bridge suspension-bridge brick-wall stone-wall
      wooden-fence sand-castle egyptian-temple mayan-pyramid mushroom-house gold-mine home-garage pisa-tower
      viking-longhouse ionic-column cave-entrance egyptian-sphinx`,
    sky: `asteroid falling-star`,
  }).flatMap(([kind, names]) => list(names).map((name) => [name, kind as NounKind])),
);

/** Where things of each kind live and what they do unprompted, and how big they are next to a dog (1). */
export const kindDefaults: Readonly<Record<NounKind, { place: Place; action: string; scale: number }>> = {
  animal: { place: 'ground', action: 'walk', scale: 1 },
  bird: { place: 'air', action: 'fly', scale: 0.5 },
  sea: { place: 'water', action: 'swim', scale: 0.6 },
  insect: { place: 'ground', action: 'crawl', scale: 0.3 },
  person: { place: 'ground', action: 'walk', scale: 1 },
  creature: { place: 'ground', action: 'walk', scale: 1.1 },
  vehicle: { place: 'ground', action: 'drive', scale: 1.3 },
  aircraft: { place: 'air', action: 'fly', scale: 1.2 },
  boat: { place: 'surface', action: 'sail', scale: 1.5 },
  plant: { place: 'fixed', action: 'sway', scale: 0.5 },
  building: { place: 'fixed', action: 'idle', scale: 2.4 },
  object: { place: 'fixed', action: 'idle', scale: 0.45 },
  food: { place: 'fixed', action: 'idle', scale: 0.35 },
  sky: { place: 'sky', action: 'glow', scale: 1 },
};

/** Things that break their kind's habits: birds that walk, shellfish that sit still, insects that fly. */
export const habitOverrides: Readonly<Record<string, { place?: Place; action?: string; scale?: number }>> = {
  ostrich: { place: 'ground', action: 'run', scale: 1.3 }, 'kiwi-bird': { place: 'ground', action: 'walk' },
  'shoebill-stork': { place: 'ground', action: 'walk', scale: 0.9 },
  'canadian-goose': { place: 'ground', action: 'walk', scale: 0.6 },
  mussel: { place: 'fixed', action: 'idle', scale: 0.3 }, oyster: { place: 'fixed', action: 'idle', scale: 0.3 },
  scallop: { place: 'fixed', action: 'idle', scale: 0.3 }, ammonite: { place: 'fixed', action: 'idle', scale: 0.3 },
  'nautilus-shell': { place: 'fixed', action: 'idle', scale: 0.35 },
  'sea-urchin': { place: 'fixed', action: 'idle', scale: 0.3 },
  trilobite: { place: 'ground', action: 'crawl', scale: 0.3 }, 'manta-ray': { scale: 1.2 },
  dragonfly: { place: 'air', action: 'hover' },
  microbe: { place: 'water', action: 'float', scale: 0.3 }, parasaurolophus: { scale: 1.8 },
  plesiosaurus: { place: 'water', action: 'swim', scale: 1.8 },
  pterodactylus: { place: 'air', action: 'glide', scale: 1.1 }, harpy: { place: 'air', action: 'fly' },
  gargoyle: { place: 'fixed', action: 'idle' }, djinn: { place: 'air', action: 'float' },
  'flying-fox': { place: 'air', action: 'fly', scale: 0.5 }, 'sea-serpent': { place: 'water', action: 'swim', scale: 2 },
  cavalry: { action: 'gallop', scale: 1.5 }, 'mounted-knight': { action: 'gallop', scale: 1.5 },
  'charging-bull': { action: 'run', scale: 1.4 }, capybara: { scale: 0.7 },
  'sitting-dog': { action: 'sit' }, 'seated-mouse': { action: 'sit', scale: 0.4 }, 'jumping-dog': { action: 'jump' },
  'hollow-cat': { action: 'sit', scale: 0.7 }, baobab: { scale: 2.6 }, beech: { scale: 2.4 },
  'willow-tree': { scale: 2.4 },
  'fruit-tree': { scale: 2.2 }, 'birch-trees': { scale: 2.4 }, 'bonsai-tree': { scale: 0.7 }, beanstalk: { scale: 2.6 },
  bamboo: { scale: 1.6 }, spoutnik: { place: 'sky', action: 'orbit' },
  'lunar-module': { place: 'ground', action: 'idle' }, 'delivery-drone': { action: 'hover', scale: 0.6 },
  glider: { action: 'glide' }, 'hang-glider': { action: 'glide' },
  'paper-boat': { scale: 0.5 }, 'paper-plane': { place: 'air', action: 'glide', scale: 0.4 },
  'firework-rocket': { place: 'air', action: 'rise' }, 'falling-star': { action: 'fall' }, asteroid: { action: 'spin' },
  'spinning-top': { action: 'spin' }, 'wrecking-ball': { action: 'sway' }, 'cannon-ball': { action: 'roll' },
  'bowling-pin': { scale: 0.35 }, unicycle: { scale: 0.9 }, velocipede: { action: 'ride' },
  'tree-swing': { action: 'sway' }, 'hanging-sign': { action: 'sway' }, 'school-of-fish': { scale: 1 },
};
