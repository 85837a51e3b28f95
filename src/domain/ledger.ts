/**
 * The credit ledger's vocabulary. Credits are whole numbers; every transaction is a set of entries on accounts
 * whose amounts sum to zero (double entry), so credits are never made or lost, only moved.
 */
export const transactionKinds = ['charge', 'refund', 'grant', 'adjustment'] as const;
/**
 * `charge`: a video's cost, from its key to Kinora and its licensed artists; `refund`: that charge reversed when the
 * video ends without completing; `grant`: credits given to a key; `adjustment`: credits an operator takes back.
 */
export type TransactionKind = (typeof transactionKinds)[number];

/** Accounts are plain strings: `key:<id>`, `artist:<id>`, and Kinora's own two. */
export const accounts = {
  key: (keyId: string): string => `key:${keyId}`,
  artist: (artistId: string): string => `artist:${artistId}`,
  /** What keys paid for rendering. */
  revenue: 'kinora:revenue',
  /** Where granted credits come from (it goes negative by what was granted). */
  grants: 'kinora:grants',
} as const;

export const artistAccountPrefix = 'artist:';

export interface LedgerEntry {
  account: string;
  /** Signed: positive credits the account, negative debits it. */
  amount: number;
}

/** A transaction as it is written: what it is about, and its entries. */
export interface NewLedgerTransaction {
  kind: TransactionKind;
  /** The video it is about, for a charge or a refund. */
  videoId: string | null;
  /** The generated seconds artists were paid for (charges and refunds), so a report can say how much was made. */
  seconds: number | null;
  memo: string | null;
  entries: LedgerEntry[];
}

export interface LedgerTransaction extends NewLedgerTransaction {
  id: string;
  createdAt: number;
}
