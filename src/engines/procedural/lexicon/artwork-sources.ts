/**
 * The raw material of the artwork vocabulary, read from the installed packages: every emoji with its emojibase label,
 * tags and group mapped by codepoint to its Fluent Emoji Flat icon, and every game-icons name. Only the generator
 * (generate-artwork-nouns.ts) reads these; the engine itself loads the committed result.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireCjs = createRequire(import.meta.url);
const readJson = <T>(specifier: string): T => JSON.parse(readFileSync(requireCjs.resolve(specifier), 'utf8')) as T;

export interface EmojiSource {
  label: string;
  tags: string[];
  group: string;
  subgroup: string;
  /** The Fluent Emoji Flat icon drawn for this codepoint. */
  icon: string;
}

interface EmojibaseEntry {
  label: string;
  hexcode: string;
  tags?: string[];
  group?: number;
  subgroup?: number;
}

interface EmojibaseGroups {
  groups: Record<string, string>;
  subgroups: Record<string, string>;
}

/** Codepoint sequences compare without the emoji presentation selector, which the two packages spell differently. */
const codepoints = (hex: string): string => hex.toLowerCase().replace(/-fe0f/g, '');

/** Every emoji that has a Fluent icon, base forms only (emojibase nests skin tones, so they never appear here). */
export function emojiSources(): EmojiSource[] {
  const entries = readJson<EmojibaseEntry[]>('emojibase-data/en/data.json');
  const meta = readJson<EmojibaseGroups>('emojibase-data/meta/groups.json');
  const chars = readJson<Record<string, string>>('@iconify-json/fluent-emoji-flat/chars.json');
  const iconByCodepoints = new Map(Object.entries(chars).map(([hex, icon]) => [codepoints(hex), icon]));
  const sources: EmojiSource[] = [];
  for (const entry of entries) {
    const icon = iconByCodepoints.get(codepoints(entry.hexcode));
    if (!icon || entry.group === undefined || entry.subgroup === undefined) continue;
    sources.push({
      label: entry.label,
      tags: entry.tags ?? [],
      group: meta.groups[entry.group] ?? '',
      subgroup: meta.subgroups[entry.subgroup] ?? '',
      icon,
    });
  }
  return sources;
}

/** Every icon name in @iconify-json/game-icons, in the package's order. */
export function gameIconNames(): string[] {
  return Object.keys(readJson<{ icons: Record<string, unknown> }>('@iconify-json/game-icons/icons.json').icons);
}
