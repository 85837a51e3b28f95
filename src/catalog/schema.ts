import type { ColumnType, Generated } from 'kysely';
import type { TransactionKind } from '../domain/ledger.js';
import type { JobKind } from '../domain/video.js';

/**
 * Table shapes as Kysely sees them. Times are Unix milliseconds in BIGINT columns; JSON is stored as TEXT so the
 * SQLite and PostgreSQL dialects share one code path.
 */
type Millis = ColumnType<number, number, number>;

export interface ApiKeyTable {
  id: string;
  name: string;
  /** First characters of the secret, shown in listings so an operator can tell keys apart. */
  prefix: string;
  /** SHA-256 (hex) of the whole secret; the secret itself is never stored. */
  hash: string;
  scopes: string;
  created_at: Millis;
  last_used_at: Millis | null;
  revoked_at: Millis | null;
  /** After this time the key is refused (401 api_key_expired); null: it does not expire. */
  expires_at: Millis | null;
  /** Requests a minute; null: the server's default; 0: unlimited. */
  rate_limit_per_minute: number | null;
  /** Video-seconds in any 24 hours; null: the server's default; 0: unlimited. */
  seconds_per_day: number | null;
  /** 1 when the key's videos get a visible corner mark. */
  watermark: ColumnType<number, number | undefined, number>;
  /** Set while the key is suspended (kill switch or leak watch): every request with it gets 403 key_suspended. */
  suspended_at: ColumnType<number | null, number | null | undefined, number | null>;
  suspension_reason: ColumnType<string | null, string | null | undefined, string | null>;
  suspended_by: ColumnType<'operator' | 'automatic' | null, 'operator' | 'automatic' | null | undefined, 'operator' | 'automatic' | null>;
}

export interface VideoTable {
  id: string;
  owner_key_id: string;
  model: string;
  status: 'queued' | 'in_progress' | 'completed' | 'failed';
  progress: number;
  prompt: string;
  seed: number;
  size: string;
  /** Whole seconds, rounded up; `duration` holds the exact length when it is not whole. */
  seconds: number;
  duration: number | null;
  remixed_from_video_id: string | null;
  /** JSON: { key, mime, width, height } of the stored reference image, if any. */
  input_reference: string | null;
  plan: string | null;
  /** JSON: VideoOptions; null for a video made by ffmpeg alone. */
  options: string | null;
  /** JSON: VideoOperation, the recipe of a video made from other videos. */
  operation: string | null;
  error_code: string | null;
  error_message: string | null;
  /** JSON: blob keys of the outputs, written once the job has completed. */
  outputs: string | null;
  has_audio: number;
  /** SHA-256 of the canonical create request, so an SDK's blind retry finds the video it already made. */
  request_fingerprint: string | null;
  attempt: number;
  created_at: Millis;
  started_at: Millis | null;
  completed_at: Millis | null;
  expires_at: Millis | null;
  deleted_at: Millis | null;
  /** Set while the owner shows the video in the public gallery; null means private. */
  published_at: Millis | null;
  /** JSON: ArtistCredit[], the registered artists its prompts named; null for none. */
  credits: string | null;
  /** 1 when the video carries a visible corner mark (decided at request time; migration 0009). */
  watermark: ColumnType<number, number | undefined, number>;
  /** JSON: the `provenance` of the signed MP4 (C2PA signer, time, manifest label); null until signed. */
  provenance: string | null;
  /** Perceptual hashes of its frames (src/provenance/fingerprint.ts), to recognise copies; null until completed. */
  fingerprint: string | null;
}

export interface JobTable {
  video_id: string;
  kind: JobKind;
  status: 'queued' | 'claimed' | 'done' | 'failed' | 'cancelled';
  attempt: number;
  priority: number;
  lease_owner: string | null;
  lease_until: Millis | null;
  available_at: Millis;
  created_at: Millis;
  last_error: string | null;
}

export interface IdempotencyTable {
  key_id: string;
  idempotency_key: string;
  fingerprint: string;
  video_id: string;
  created_at: Millis;
}

export interface FileTable {
  id: string;
  owner_key_id: string;
  /** The uploader's name for the file, cleaned; only ever shown back, never used as a path. */
  filename: string;
  purpose: string;
  bytes: number;
  mime: string;
  width: number;
  height: number;
  blob_key: string;
  created_at: Millis;
  deleted_at: Millis | null;
}

/** A studio sign-in: the cookie holds a random secret; only its SHA-256 is stored. */
export interface SessionTable {
  id: string;
  hash: string;
  /** The key the session acts as (for a guest, a key made for that visitor). */
  key_id: string;
  /** 1 for a guest visitor, who gets the guest limits. */
  guest: number;
  created_at: Millis;
  expires_at: Millis;
}

/** An artist's consent: JSON lists of the phrases that refer to them, and their policy. */
export interface ArtistTable {
  id: string;
  name: string;
  aliases: string;
  style_keywords: string;
  policy: 'deny' | 'credit' | 'license';
  fee_per_second: number | null;
  created_at: Millis;
  updated_at: Millis;
}

/** A ledger transaction (migration 0008); its entries sum to zero. */
export interface LedgerTransactionTable {
  id: string;
  kind: TransactionKind;
  video_id: string | null;
  /** The generated seconds artists were paid for, on a charge and its refund. */
  seconds: number | null;
  memo: string | null;
  created_at: Millis;
}

export interface LedgerEntryTable {
  transaction_id: string;
  account: string;
  /** Signed integer credits. */
  amount: number;
}

/** The global kill switch (migration 0007): a row exists while new generations are halted. */
export interface GenerationHaltTable {
  /** Always 'global': one row at most. */
  id: string;
  reason: string;
  since: Millis;
  /** Who halted: an admin key id, or `cli:<user>`. */
  halted_by: string;
}

/** The append-only audit log (migration 0007): triggers refuse UPDATE and DELETE. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Millis;
  /** Who acted: a key id, `cli:<user>`, or `leak-watch`. */
  actor: string;
  /** The key the action was made with or concerns, for filtering. */
  key_id: string | null;
  /** `POST /v1/videos` for an HTTP request, `keys.create`, `halt`, `key.suspend`… for the others. */
  action: string;
  target: string | null;
  address: string | null;
  decision: 'accepted' | 'refused';
  error_code: string | null;
  /** JSON: what else the action said (a reason, the videos it cancelled). */
  detail: string | null;
}

/** A live worker process (migration 0010): refreshed every few seconds while it runs. */
export interface WorkerTable {
  id: string;
  host: string;
  pid: number;
  /** Comma-separated model ids it takes jobs for. */
  models: string;
  concurrency: number;
  started_at: Millis;
  last_seen: Millis;
}

/** A webhook endpoint (migration 0011): a key's, or with all_keys an admin's for every key's videos. */
export interface WebhookEndpointTable {
  id: string;
  owner_key_id: string;
  all_keys: ColumnType<number, number | undefined, number>;
  url: string;
  /** `whsec_<base64>`: kept in clear because every delivery is signed with it (shown to the client only at creation). */
  secret: string;
  /** Comma-separated event types it receives. */
  events: string;
  description: string | null;
  created_at: Millis;
}

/** One event to one endpoint (migration 0011), with its retry state. */
export interface WebhookDeliveryTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  video_id: string;
  /** The exact JSON body sent (and signed) on every attempt. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Millis;
  lease_owner: string | null;
  lease_until: Millis | null;
  last_attempt_at: Millis | null;
  /** The HTTP status of the last attempt; null when it got none (refused, timed out, unreachable). */
  last_status: number | null;
  last_error: string | null;
  /** The first characters of the last answer's body, for the delivery log; never more. */
  last_response: string | null;
  delivered_at: Millis | null;
  created_at: Millis;
}

export interface Database {
  api_keys: ApiKeyTable;
  videos: VideoTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyTable;
  files: FileTable;
  sessions: SessionTable;
  artists: ArtistTable;
  ledger_transactions: LedgerTransactionTable;
  ledger_entries: LedgerEntryTable;
  generation_halt: GenerationHaltTable;
  audit_log: AuditLogTable;
  workers: WorkerTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
}

