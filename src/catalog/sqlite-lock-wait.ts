import type { Database as SqliteFile, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** SQLite's code when another process held the file's lock past busy_timeout (extended codes included). */
export const isSqliteBusyCode = (code: unknown): boolean => typeof code === 'string' && code.startsWith('SQLITE_BUSY');

const isBusy = (error: unknown): boolean => isSqliteBusyCode((error as { code?: unknown }).code);

/**
 * SQLite waits for another process's lock synchronously, so a wait stops this whole process (every request, every
 * worker) for up to busy_timeout. A short lock is absorbed that way; but once a wait has run out (a backup, a sqlite3
 * shell holding the file), each write would stop the process again and answers would queue up behind all of them.
 * So after one wait ran out, writes fail at once (SQLITE_BUSY: a retryable 503 for a client, a retry for a worker)
 * until one gets through, the first after the lock is released; then writes wait again as usual.
 */
export function failFastWhileLocked(
  file: SqliteFile,
  statements: { prepare: (sql: string) => Statement; close: () => void },
  busyTimeoutMs: number,
): SqliteDatabase {
  let failingFast = false;
  const guard = <T>(statement: Statement, run: () => T): T => {
    try {
      const result = run();
      if (failingFast && !statement.readonly) {
        file.pragma(`busy_timeout = ${busyTimeoutMs}`);
        failingFast = false;
      }
      return result;
    } catch (error) {
      if (!failingFast && isBusy(error)) {
        file.pragma('busy_timeout = 0');
        failingFast = true;
      }
      throw error;
    }
  };
  return {
    prepare(sql) {
      const statement = statements.prepare(sql);
      return {
        reader: statement.reader,
        all: (parameters) => guard(statement, () => statement.all(parameters)),
        run: (parameters) => guard(statement, () => statement.run(parameters)),
        iterate: (parameters) => statement.iterate(parameters),
      };
    },
    close: () => statements.close(),
  };
}
