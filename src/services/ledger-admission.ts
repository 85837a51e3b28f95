import type { Transaction } from 'kysely';
import type { ArtistsRepository } from '../catalog/artists-repository.js';
import type { LedgerRepository } from '../catalog/ledger-repository.js';
import type { Database } from '../catalog/schema.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import { accounts } from '../domain/ledger.js';
import { chargeEntries, videoCost, type VideoCost } from '../domain/video-cost.js';
import type { Admission } from './admission.js';

/** Whether a key must hold the credits a video costs before it is made (prepaid), or may go below zero (postpaid). */
export function isPrepaid(key: ApiKey, creditsRequired: boolean): boolean {
  // Operator keys are never refused: an operator can always grant, so refusing them would only get in the way.
  return creditsRequired && !key.scopes.includes('admin');
}

const insufficientCredits = (cost: VideoCost, balance: number): ApiError =>
  new ApiError(429, `This video costs ${cost.total} credits and this key's balance is ${balance} credits. Ask the operator for a grant, or make a shorter or smaller video.`, {
    code: 'insufficient_quota',
    headers: { 'x-should-retry': 'false' },
  });

/**
 * Charges every new video, in the transaction that records it: a video exists exactly when it was charged, and the
 * worker retrying it charges nothing more. Licensed artists credited on the video are paid their current fee.
 */
export class LedgerAdmission implements Admission {
  constructor(private readonly deps: { ledger: LedgerRepository; artists: ArtistsRepository; creditsRequired: boolean }) {}

  async record(key: ApiKey, video: NewVideo, trx: Transaction<Database>): Promise<void> {
    const { ledger } = this.deps;
    const licensedIds = (video.credits ?? []).filter((credit) => credit.policy === 'license').map((credit) => credit.artist_id);
    const fees = await this.deps.artists.licenseFees(licensedIds, trx);
    const licensed = licensedIds.filter((id) => fees.has(id)).map((artistId) => ({ artistId, feePerSecond: fees.get(artistId)! }));
    const cost = videoCost(video, licensed);
    if (isPrepaid(key, this.deps.creditsRequired)) {
      const account = accounts.key(key.id);
      await ledger.lockAccount(account, trx);
      const balance = await ledger.balance(account, trx);
      if (cost.total > balance) throw insufficientCredits(cost, balance);
    }
    const memo = `${video.size}: ${cost.generatedSeconds} s generated, ${cost.reusedSeconds} s reused`;
    await ledger.write({ kind: 'charge', videoId: video.id, seconds: cost.generatedSeconds, memo, entries: chargeEntries(key.id, cost) }, trx);
  }
}
