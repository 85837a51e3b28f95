import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { openCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { freshPostgresSchema, postgresUrl } from './catalog-urls.js';

/** Any fixed number: the advisory lock every test process takes around migrating and dropping a test schema. */
const schemaLockId = 7_461_203;

/**
 * Kysely's migrator lists the tables of every schema before it migrates, and that listing fails when another test
 * drops its schema at the same moment: the two never overlap, across test processes too.
 */
export async function underSchemaLock<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [schemaLockId]);
    return await work();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/**
 * A fresh, migrated catalog for each test of the calling suite, on SQLite in memory or in a new PostgreSQL schema
 * (dropped afterwards); call the returned function inside a test to get it.
 */
export function catalogPerTest(dialect: 'sqlite' | 'postgres'): () => Catalog {
  let catalog: Catalog | undefined;
  let dropSchema: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    if (dialect === 'sqlite') {
      catalog = await openCatalog('sqlite::memory:');
      return;
    }
    const schema = await freshPostgresSchema();
    dropSchema = schema.drop;
    catalog = await underSchemaLock(() => openCatalog(schema.url));
  });
  afterEach(async () => {
    await catalog?.close();
    if (dropSchema) await underSchemaLock(dropSchema);
    dropSchema = undefined;
  });
  return () => {
    if (!catalog) throw new Error('the catalog exists only inside a test');
    return catalog;
  };
}
