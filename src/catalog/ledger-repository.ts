import { sql, type Kysely, type Transaction } from 'kysely';
import { newId } from '../domain/ids.js';
import { artistAccountPrefix, type LedgerEntry, type LedgerTransaction, type NewLedgerTransaction } from '../domain/ledger.js';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** What one artist's account received in a period: refunds written in the period count against it. */
export interface ArtistEarnings {
  artistId: string;
  /** Videos charged minus videos refunded. */
  videos: number;
  /** Generated seconds charged minus refunded. */
  seconds: number;
  credits: number;
}

export class LedgerImbalanceError extends Error {}

/** `+1` for a charge, `-1` for its refund, 0 otherwise: how a transaction counts towards videos made. */
const videoSign = sql<number>`case ledger_transactions.kind when 'charge' then 1 when 'refund' then -1 else 0 end`;
/** A charge's generated seconds, negative for a refund. */
const signedSeconds = sql<number>`${videoSign} * coalesce(ledger_transactions.seconds, 0)`;

/**
 * The double-entry ledger. `write` is the only way in: it refuses a transaction whose entries do not sum to zero,
 * so no caller can make or lose credits. A video's charge and refund are each unique (migration 0008).
 */
export class LedgerRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Writes a transaction and its entries together: entries on the same account are added up, empty ones dropped.
   * Answers undefined, writing nothing, when the video already has a transaction of this kind (a charge or refund).
   */
  async write(transaction: NewLedgerTransaction, executor: Executor = this.db, now = Date.now()): Promise<LedgerTransaction | undefined> {
    if (!executor.isTransaction) return this.db.transaction().execute((trx) => this.write(transaction, trx, now));
    const entries = balancedEntries(transaction.entries);
    const written: LedgerTransaction = { ...transaction, entries, id: newId('ledger'), createdAt: now };
    const inserted = await executor
      .insertInto('ledger_transactions')
      .values({ id: written.id, kind: written.kind, video_id: written.videoId, seconds: written.seconds, memo: written.memo, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return undefined;
    await executor
      .insertInto('ledger_entries')
      .values(entries.map((entry) => ({ transaction_id: written.id, account: entry.account, amount: entry.amount })))
      .execute();
    return written;
  }

  /** An account's balance: the sum of its entries. */
  async balance(account: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<number | string | null>('amount').as('total'))
      .where('account', '=', account)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  /**
   * Holds the account until the transaction ends, so two videos of one key cannot both spend the same credits.
   * (SQLite runs one transaction at a time already.)
   */
  async lockAccount(account: string, trx: Transaction<Database>): Promise<void> {
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${account}))`.execute(trx);
  }

  /** The transaction of this kind about a video, with its entries. */
  async forVideo(videoId: string, kind: 'charge' | 'refund', executor: Executor = this.db): Promise<LedgerTransaction | undefined> {
    const row = await executor.selectFrom('ledger_transactions').selectAll().where('video_id', '=', videoId).where('kind', '=', kind).executeTakeFirst();
    if (!row) return undefined;
    const entries = await executor.selectFrom('ledger_entries').select(['account', 'amount']).where('transaction_id', '=', row.id).orderBy('account').execute();
    return {
      id: row.id,
      kind: row.kind,
      videoId: row.video_id,
      seconds: row.seconds,
      memo: row.memo,
      createdAt: Number(row.created_at),
      entries: entries.map((e) => ({ account: e.account, amount: Number(e.amount) })),
    };
  }

  /**
   * Reverses a video's charge exactly, once: the key gets back what it paid, Kinora and the artists give back what
   * they received. Safe to call from anywhere, any number of times; answers the refund when this call wrote it.
   */
  async refundVideo(videoId: string, reason: string): Promise<LedgerTransaction | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const charge = await this.forVideo(videoId, 'charge', trx);
      if (!charge) return undefined;
      const entries = charge.entries.map((entry) => ({ account: entry.account, amount: -entry.amount }));
      return this.write({ kind: 'refund', videoId, seconds: charge.seconds, memo: reason, entries }, trx);
    });
  }

  /**
   * Refunds every charged video that ended without completing and has no refund yet: failed, or deleted before it
   * completed. Catches up on refunds a process did not live to write.
   */
  async refundUnsettled(reason: string): Promise<number> {
    const rows = await this.db
      .selectFrom('ledger_transactions as charge')
      .innerJoin('videos', 'videos.id', 'charge.video_id')
      .select('charge.video_id')
      .where('charge.kind', '=', 'charge')
      .where((eb) => eb.or([eb('videos.status', '=', 'failed'), eb.and([eb('videos.deleted_at', 'is not', null), eb('videos.status', '!=', 'completed')])]))
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('ledger_transactions as refund').select('refund.id').whereRef('refund.video_id', '=', 'charge.video_id').where('refund.kind', '=', 'refund'))),
      )
      .execute();
    let refunded = 0;
    for (const row of rows) if (row.video_id !== null && (await this.refundVideo(row.video_id, reason))) refunded++;
    return refunded;
  }

  /** Each artist account's takings in [from, to), by when each transaction was written. */
  async artistEarnings(from: number, to: number): Promise<ArtistEarnings[]> {
    const rows = await this.db
      .selectFrom('ledger_entries')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
      .select((eb) => [
        'ledger_entries.account',
        eb.fn.sum<number | string>('ledger_entries.amount').as('credits'),
        eb.fn.sum<number | string>(videoSign).as('videos'),
        eb.fn.sum<number | string>(signedSeconds).as('seconds'),
      ])
      .where('ledger_entries.account', 'like', `${artistAccountPrefix}%`)
      .where('ledger_transactions.created_at', '>=', from)
      .where('ledger_transactions.created_at', '<', to)
      .groupBy('ledger_entries.account')
      .orderBy('ledger_entries.account')
      .execute();
    return rows.map((row) => ({
      artistId: row.account.slice(artistAccountPrefix.length),
      videos: Number(row.videos),
      seconds: Number(row.seconds),
      credits: Number(row.credits),
    }));
  }

  /** The videos (charged minus refunded) in [from, to) that paid at least one artist, and their generated seconds. */
  async artistPaidVideos(from: number, to: number): Promise<{ videos: number; seconds: number }> {
    const row = await this.db
      .selectFrom('ledger_transactions')
      .select((eb) => [
        eb.fn.sum<number | string | null>(videoSign).as('videos'),
        eb.fn.sum<number | string | null>(signedSeconds).as('seconds'),
      ])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ledger_entries')
            .select('ledger_entries.account')
            .whereRef('ledger_entries.transaction_id', '=', 'ledger_transactions.id')
            .where('ledger_entries.account', 'like', `${artistAccountPrefix}%`),
        ),
      )
      .executeTakeFirst();
    return { videos: Number(row?.videos ?? 0), seconds: Number(row?.seconds ?? 0) };
  }
}

/** The entries merged by account without empty ones; refused unless they are whole credits summing to zero. */
function balancedEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const byAccount = new Map<string, number>();
  for (const { account, amount } of entries) {
    if (!Number.isSafeInteger(amount)) throw new LedgerImbalanceError(`Ledger amounts are whole credits; ${account} has ${amount}.`);
    byAccount.set(account, (byAccount.get(account) ?? 0) + amount);
  }
  const merged = [...byAccount].filter(([, amount]) => amount !== 0).map(([account, amount]) => ({ account, amount }));
  const sum = merged.reduce((total, entry) => total + entry.amount, 0);
  if (sum !== 0) throw new LedgerImbalanceError(`A ledger transaction must sum to zero; these entries sum to ${sum}.`);
  if (merged.length === 0) throw new LedgerImbalanceError('A ledger transaction moves credits: these entries move none.');
  return merged;
}
