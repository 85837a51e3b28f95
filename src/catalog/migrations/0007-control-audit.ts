import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The kill switch and the audit log. A key's suspension lives on its row, so it is read with the key at no extra
 * cost; the global halt is one row that every node and the CLI share. The audit log is append-only: triggers refuse
 * UPDATE and DELETE (and TRUNCATE on PostgreSQL), so not even a bug in Kinora can rewrite history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema.alterTable('api_keys').addColumn('suspended_at', 'bigint').execute();
  await db.schema.alterTable('api_keys').addColumn('suspension_reason', 'text').execute();
  await db.schema.alterTable('api_keys').addColumn('suspended_by', 'varchar(16)').execute();

  await db.schema
    .createTable('generation_halt')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addColumn('halted_by', 'text', (c) => c.notNull())
    .execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_log')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('key_id', 'varchar(64)')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('address', 'varchar(64)')
    .addColumn('decision', 'varchar(16)', (c) => c.notNull())
    .addColumn('error_code', 'varchar(64)')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_key').on('audit_log').columns(['key_id', 'id']).execute();

  if (postgres) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.raw(`audit_log_no_${event.toLowerCase()}`)} BEFORE ${sql.raw(event)} ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
  await db.schema.dropTable('generation_halt').execute();
  for (const column of ['suspended_by', 'suspension_reason', 'suspended_at']) {
    await db.schema.alterTable('api_keys').dropColumn(column).execute();
  }
}
