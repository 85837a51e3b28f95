import type { Command } from 'commander';
import { listVocabulary, type Vocabulary } from '../engines/procedural/vocabulary.js';

const EXAMPLES = 8;

/** "12  a, b, c, …": a count and the first few values. */
function line(label: string, values: readonly string[]): string {
  const shown = values.slice(0, EXAMPLES).join(', ') + (values.length > EXAMPLES ? ', …' : '');
  return `${`${label}:`.padEnd(16)}${String(values.length).padStart(5)}  ${shown}`;
}

function summary(v: Vocabulary): string {
  const byKind = new Map<string, string[]>();
  for (const n of v.nouns) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n.noun]);
  return [
    line('nouns', v.nouns.map((n) => n.noun)),
    ...[...byKind].sort((a, b) => b[1].length - a[1].length).map(([kind, nouns]) => line(`  ${kind}`, nouns)),
    line('actions', v.actions.map((a) => a.action)),
    line('settings', v.settings.map((s) => s.setting)),
    line('styles', v.styles.map((s) => s.style)),
    line('moods', v.moods.map((m) => m.mood)),
    line('colors', v.colors),
    line('sizes', v.sizes),
    line('directions', v.directions),
    line('times of day', v.timesOfDay),
    line('weathers', v.weathers),
    line('camera moves', v.cameraMoves),
    line('camera speeds', v.cameraSpeeds),
    '',
    'kinora vocab --json prints every value, with synonyms, and every noun with its artwork and aliases.',
  ].join('\n');
}

/** Lists what the built-in engine understands: the canonical value of every plan field, and every drawable noun. */
export function registerVocabCommand(program: Command): void {
  program
    .command('vocab')
    .description('list what the built-in engine understands: every canonical value and every drawable noun')
    .option('--json', 'print JSON (the whole vocabulary, with synonyms, artwork and aliases)')
    .action((options: { json?: boolean }) => {
      const vocabulary = listVocabulary();
      process.stdout.write(options.json ? `${JSON.stringify(vocabulary, null, 2)}\n` : `${summary(vocabulary)}\n`);
    });
}
