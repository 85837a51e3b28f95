import fs from 'node:fs';

/** The package version, read once from package.json (two levels up from both src/cli and dist/cli). */
export const version: string = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
