import { sql, type Kysely } from 'kysely';

/**
 * The double-entry credit ledger: transactions, and their entries on accounts (`key:<id>`, `artist:<id>`,
 * `kinora:revenue`, `kinora:grants`). A video has at most one charge and at most one refund, by a unique index
 * over (video, kind) for those two kinds, so a retried job or a repeated refund can never write a second one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('video_id', 'varchar(64)')
    .addColumn('seconds', 'integer')
    .addColumn('memo', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_transactions_one_per_video')
    .on('ledger_transactions')
    .columns(['video_id', 'kind'])
    .unique()
    .where(sql.ref('kind'), 'in', sql`('charge', 'refund')`)
    .execute();
  await db.schema.createIndex('ledger_transactions_created').on('ledger_transactions').column('created_at').execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('transaction_id', 'varchar(64)', (c) => c.notNull().references('ledger_transactions.id'))
    .addColumn('account', 'varchar(100)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['transaction_id', 'account'])
    .execute();
  await db.schema.createIndex('ledger_entries_account').on('ledger_entries').column('account').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ledger_entries').execute();
  await db.schema.dropTable('ledger_transactions').execute();
}
