import type { Transaction } from 'kysely';
import type { Database } from '../catalog/schema.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { ApiKey } from '../domain/api-key.js';

/**
 * A rule every new video passes before it is recorded, whatever made it (create, remix, edit, extension, blend,
 * re-cut): the kill switch, quotas, the ledger. All of them go through VideoRecords.insertAndEnqueue.
 */
export interface Admission {
  /** Refuses by throwing an ApiError, before anything is written. */
  check?(key: ApiKey, video: NewVideo): Promise<void>;
  /** Writes that must commit together with the video and its job, or not at all (a ledger debit). */
  record?(key: ApiKey, video: NewVideo, trx: Transaction<Database>): Promise<void>;
}
