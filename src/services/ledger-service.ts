import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError, badRequest } from '../domain/errors.js';
import { accounts, type LedgerTransaction } from '../domain/ledger.js';
import { isPrepaid } from './ledger-admission.js';
import { parseInput } from './video-request.js';
import { unixSeconds } from '../domain/unix-time.js';

/** The most credits one grant moves: far above any real grant, far below where sums lose precision. */
const maxGrant = 1_000_000_000;

export const grantSchema = z
  .object({
    key_id: z.string().trim().min(1).max(64),
    credits: z.number().int().min(-maxGrant).max(maxGrant).refine((n) => n !== 0, { error: 'a grant moves at least one credit' }),
    memo: z.string().trim().max(500).optional(),
  })
  .strict();

/** A day (`2026-11-01`, UTC) or an exact ISO time (`2026-11-01T12:00:00Z`). */
const boundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const reportQuerySchema = z.object({ from: boundSchema.optional(), to: boundSchema.optional() }).strict();

const dayMs = 24 * 60 * 60 * 1000;

/** A report's bounds in milliseconds: a day given as `to` includes that whole day; an exact time is exclusive. */
function boundMs(text: string, edge: 'from' | 'to'): number {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dayOnly ? `${text}T00:00:00Z` : text);
  return dayOnly && edge === 'to' ? ms + dayMs : ms;
}

export interface BalanceObject {
  object: 'ledger.balance';
  key_id: string;
  credits: number;
  /** True when a video costing more than `credits` is refused; otherwise the balance may go below zero. */
  prepaid: boolean;
}

export interface TransactionObject {
  id: string;
  object: 'ledger.transaction';
  kind: LedgerTransaction['kind'];
  video_id: string | null;
  memo: string | null;
  created_at: number;
  entries: Array<{ account: string; amount: number }>;
}

export interface ArtistPayLine {
  artist_id: string;
  /** The registry's name; null for an artist removed from the registry since. */
  name: string | null;
  videos: number;
  seconds: number;
  credits: number;
}

export interface ReportObject {
  object: 'ledger.report';
  /** Unix seconds; `to` is exclusive. */
  from: number;
  to: number;
  artists: ArtistPayLine[];
  /** Videos that paid any artist (each once, however many it paid), their generated seconds, and all artists' credits. */
  totals: { videos: number; seconds: number; credits: number };
}

export const toTransactionObject = (t: LedgerTransaction): TransactionObject => ({
  id: t.id,
  object: 'ledger.transaction',
  kind: t.kind,
  video_id: t.videoId,
  memo: t.memo,
  created_at: unixSeconds(t.createdAt),
  entries: t.entries,
});

/** Balances, grants and the artists' pay report: what the API's /v1/ledger routes and `kinora ledger` do. */
export class LedgerService {
  constructor(private readonly deps: { catalog: Catalog; creditsRequired: boolean }) {}

  async balance(keyId: string): Promise<BalanceObject> {
    const key = await this.findKey(keyId);
    const credits = await this.deps.catalog.ledger.balance(accounts.key(key.id));
    return { object: 'ledger.balance', key_id: key.id, credits, prepaid: isPrepaid(key, this.deps.creditsRequired) };
  }

  /** Gives a key credits (from `kinora:grants`), or with negative credits takes them back (an adjustment). */
  async grant(input: unknown): Promise<TransactionObject> {
    const body = parseInput(grantSchema, input);
    const key = await this.findKey(body.key_id, 'key_id');
    const written = await this.deps.catalog.ledger.write({
      kind: body.credits > 0 ? 'grant' : 'adjustment',
      videoId: null,
      seconds: null,
      memo: body.memo || null,
      entries: [
        { account: accounts.key(key.id), amount: body.credits },
        { account: accounts.grants, amount: -body.credits },
      ],
    });
    if (!written) throw new Error('a grant is about no video, so nothing can stand in its way');
    return toTransactionObject(written);
  }

  /** What each artist earned in a period (all time up to now by default), with the registry's names. */
  async report(input: unknown, now = Date.now()): Promise<ReportObject> {
    const query = parseInput(reportQuerySchema, input);
    const from = query.from === undefined ? 0 : boundMs(query.from, 'from');
    const to = query.to === undefined ? now : boundMs(query.to, 'to');
    if (from >= to) throw badRequest(`Invalid value for 'to': the period must end after it starts (${query.from ?? 'the start'}).`, 'to');
    const { ledger, artists } = this.deps.catalog;
    const [earnings, paid, registry] = await Promise.all([ledger.artistEarnings(from, to), ledger.artistPaidVideos(from, to), artists.list()]);
    const names = new Map(registry.map((artist) => [artist.id, artist.name]));
    const lines = earnings.map((e) => ({ artist_id: e.artistId, name: names.get(e.artistId) ?? null, videos: e.videos, seconds: e.seconds, credits: e.credits }));
    return {
      object: 'ledger.report',
      from: unixSeconds(from),
      to: unixSeconds(to),
      artists: lines,
      totals: { ...paid, credits: lines.reduce((sum, line) => sum + line.credits, 0) },
    };
  }

  private async findKey(id: string, param: string | null = null): Promise<ApiKey> {
    const key = await this.deps.catalog.keys.find(id);
    if (!key) throw new ApiError(404, `No API key found with id '${id}'.`, { param, code: 'key_not_found' });
    return key;
  }
}

/** The report as CSV: a header, one line per artist, then a totals line. Names are quoted, as they may hold commas. */
export function reportCsv(report: ReportObject): string {
  const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
  const lines = [
    'artist_id,name,videos,seconds,credits',
    ...report.artists.map((a) => [a.artist_id, quote(a.name ?? ''), a.videos, a.seconds, a.credits].join(',')),
    ['total', '', report.totals.videos, report.totals.seconds, report.totals.credits].join(','),
  ];
  return `${lines.join('\n')}\n`;
}
