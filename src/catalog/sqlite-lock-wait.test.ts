import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { failFastWhileLocked } from './sqlite-lock-wait.js';

describe('failFastWhileLocked', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-lock-wait-'));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops waiting for a lock once a wait ran out, reads on, and waits again after the first write that gets through', () => {
    const file = path.join(dir, 'catalog.db');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 200');
    const db = failFastWhileLocked(sqlite, { prepare: (sql) => sqlite.prepare(sql), close: () => sqlite.close() }, 200);
    db.prepare('create table t (n integer)').run([]);
    const busyTimeout = (): unknown => sqlite.pragma('busy_timeout', { simple: true });
    const insert = (n: number): unknown => db.prepare('insert into t (n) values (?)').run([n]);

    const other = new SQLite(file);
    other.exec('BEGIN EXCLUSIVE');
    expect(() => insert(1)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(busyTimeout()).toBe(0);
    expect(() => insert(2)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 0 }]);
    expect(busyTimeout()).toBe(0);

    other.exec('ROLLBACK');
    other.close();
    insert(3);
    expect(busyTimeout()).toBe(200);
    expect(db.prepare('select n from t').all([])).toEqual([{ n: 3 }]);
    db.close();
  });
});
