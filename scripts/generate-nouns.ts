/**
 * Rewrites src/engines/procedural/lexicon/artwork-nouns.data.ts from the installed artwork packages. Run after
 * changing lexicon/artwork-rules.ts, the hand-made nouns, or a package version: `npx tsx scripts/generate-nouns.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { artworkNounsModule, generateArtworkNouns } from '../src/engines/procedural/lexicon/generate-artwork-nouns.js';

const target = fileURLToPath(new URL('../src/engines/procedural/lexicon/artwork-nouns.data.ts', import.meta.url));
const nouns = generateArtworkNouns();
writeFileSync(target, artworkNounsModule(nouns));
process.stdout.write(`wrote ${nouns.length} artwork nouns to ${target}\n`);
