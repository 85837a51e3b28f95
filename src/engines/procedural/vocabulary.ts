/**
 * What the built-in engine understands, as data: the canonical values of every ScenePlan field and the drawable
 * nouns with their artwork. `kinora vocab --json` prints this, and the studio can use it for hints.
 */
import { cameraMoves, cameraSpeeds, directions, sizeWords, timesOfDay, weathers } from '../../domain/scene-plan.js';
import { lexicon } from './lexicon/index.js';
import * as W from './lexicon/words.js';
import { settingNames } from './settings.js';

export interface Vocabulary {
  actions: Array<{ action: string; verbs: string[] }>;
  sizes: string[];
  directions: string[];
  timesOfDay: string[];
  weathers: string[];
  cameraMoves: string[];
  cameraSpeeds: string[];
  settings: Array<{ setting: string; words: string[] }>;
  styles: Array<{ style: string; words: string[] }>;
  moods: Array<{ mood: string; words: string[] }>;
  colors: string[];
  nouns: Array<{ noun: string; asset: string; kind: string; defaultAction: string; aliases: string[] }>;
}

const withWords = <K extends string>(key: K, table: W.Synonyms): Array<Record<K, string> & { words: string[] }> =>
  Object.entries(table).map(([value, words]) => ({ [key]: value, words: [...words] }) as Record<K, string> & { words: string[] });

export function listVocabulary(): Vocabulary {
  return {
    actions: Object.entries(W.actionVerbs).map(([action, verbs]) => ({ action, verbs: [...verbs] })),
    sizes: [...sizeWords],
    directions: [...directions],
    timesOfDay: [...timesOfDay],
    weathers: [...weathers],
    cameraMoves: [...cameraMoves],
    cameraSpeeds: [...cameraSpeeds],
    settings: settingNames.map((setting) => ({ setting, words: [...(W.settingSynonyms[setting] ?? [])] })),
    styles: withWords('style', W.styleSynonyms),
    moods: withWords('mood', W.moodSynonyms),
    colors: [...W.cssColorNames],
    // The nouns the parser actually reads: hand-made first, then the generated ones no other word claims.
    nouns: [...lexicon().nounByName.values()].map((n) => ({ noun: n.noun, asset: n.asset, kind: n.kind, defaultAction: n.action, aliases: [...n.aliases] })),
  };
}
