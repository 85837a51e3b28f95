import fs from 'node:fs';
import path from 'node:path';

/**
 * Guards what only one process of a machine may use: the SQLite catalog of a data directory (the embedded queue's
 * crash recovery assumes no other live process claims jobs from it), or a worker's scratch space (wiped at start).
 * The lock file holds our pid; a lock left by a dead process is taken over. Nodes that share PostgreSQL and a blob
 * store take neither lock on shared state, so any number of them start side by side.
 */
export function lockDataDir(dataDir: string, lock: { file: string; what: string } = { file: 'kinora.lock', what: 'serving' }): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, lock.file);
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`Another Kinora process (pid ${holder}) is ${lock.what} ${dataDir}. Stop it, or use another KINORA_DATA_DIR.`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
