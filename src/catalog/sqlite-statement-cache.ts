import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/** Distinct SQL texts kept prepared: the catalog's queries are a few hundred shapes; lists of ids make the rest. */
const maxStatements = 500;

/**
 * The database as Kysely's SQLite driver sees it, with its statements prepared once per SQL text. The driver
 * prepares every query it runs, and preparing costs more than running a point lookup: a status read (a key and a
 * video by primary key) spent most of its SQLite time there. Least recently used statements beyond the bound are
 * dropped (finalised by the garbage collector). The driver runs one query at a time on its single connection, so a
 * cached statement is never in use twice at once.
 */
export function withStatementCache(sqlite: SqliteDatabase): { prepare: (sql: string) => Statement; close: () => void } {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Re-inserted, so the Map's order is least recently used first.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
