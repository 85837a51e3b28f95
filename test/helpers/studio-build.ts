import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The studio's sources changed since web/dist was built (or it never was). */
function studioIsStale(): boolean {
  if (!fs.existsSync(builtIndex)) return true;
  const sources = Math.max(
    newestChange(path.join(web, 'src')),
    newestChange(path.join(web, 'public')),
    ...['index.html', 'vite.config.ts', 'tsconfig.json'].map((file) => fs.statSync(path.join(web, file)).mtimeMs),
  );
  return sources > fs.statSync(builtIndex).mtimeMs;
}

/** Builds the studio when it is missing or stale, so the servers that tests start serve the current one. */
export function ensureStudioBuilt(): void {
  if (!studioIsStale()) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npm', ['run', '-s', 'build:web'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
