import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import { failFastWhileLocked } from './sqlite-lock-wait.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import * as initial from './migrations/0001-initial.js';
import * as files from './migrations/0002-files.js';
import * as operations from './migrations/0003-operations.js';
import * as studio from './migrations/0004-studio.js';
import * as artists from './migrations/0005-artists.js';
import * as keyLimits from './migrations/0006-key-limits.js';
import * as controlAudit from './migrations/0007-control-audit.js';
import * as ledger from './migrations/0008-ledger.js';
import * as provenance from './migrations/0009-provenance.js';
import * as workers from './migrations/0010-workers.js';
import * as webhooks from './migrations/0011-webhooks.js';

export type DialectName = 'sqlite' | 'postgres';

export interface CatalogDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  close: () => Promise<void>;
}

/** Migrations are bundled in code (not read from a folder at run time) so the compiled build carries them. */
const migrations: Record<string, Migration> = { '0001-initial': initial, '0002-files': files, '0003-operations': operations, '0004-studio': studio, '0005-artists': artists, '0006-key-limits': keyLimits, '0007-control-audit': controlAudit, '0008-ledger': ledger, '0009-provenance': provenance, '0010-workers': workers, '0011-webhooks': webhooks };
const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Opens the catalog named by a URL (`sqlite:///abs/file.db`, `sqlite::memory:` or `postgres://…`) and brings its
 * schema up to date. Both dialects go through the same Kysely code; only the driver differs.
 */
export async function openDatabase(url: string): Promise<CatalogDatabase> {
  const { db, dialect } = connect(url);
  // Kysely looks for its migration table in every schema unless told which: name the one this connection uses, so
  // catalogs in other schemas of the same database (tests, several deployments) never stand in for this one.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`Catalog migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return { db, dialect, close: () => db.destroy() };
}

/** Migrations this build knows that the catalog has not run (a readiness check: another node may be migrating). */
export async function pendingMigrations(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const known = await new Migrator({ db, provider, migrationTableSchema }).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('The PostgreSQL search_path names no existing schema for the catalog.');
  return schema;
}

/** How long opening a PostgreSQL connection may take before the query that needed it fails (retryably). */
const connectTimeoutMs = 5000;

/** How long a write waits for another process's lock on the SQLite file before it fails (retryably). */
const sqliteBusyTimeoutMs = 5000;

function connect(url: string): { db: Kysely<Database>; dialect: DialectName } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // BIGINT columns hold millisecond times and seeds, all well inside Number's safe range.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    // A server that takes the connection but never answers (a partition, a host gone quiet) must fail the request
    // in seconds, as a refused one does, rather than hold it until the OS gives up; keep-alive lets the OS notice a
    // pooled connection whose server vanished without closing it.
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
    // A connection the server closes (a restart, a failover, pg_terminate_backend) emits 'error': unheard, that would
    // end the process. The query on it fails (the caller sees that error), and the pool replaces the connection.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  if (url.startsWith('sqlite:')) {
    const file = url === 'sqlite::memory:' ? ':memory:' : url.replace(/^sqlite:\/\//, '');
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets readers (status polls) run while a worker writes progress; the busy timeout absorbs short locks.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
    const database = failFastWhileLocked(sqlite, withStatementCache(sqlite), sqliteBusyTimeoutMs);
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
  }
  throw new Error(`Unsupported database URL "${url}": use sqlite:///path/to/file.db or postgres://…`);
}
