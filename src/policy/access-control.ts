import type { FastifyRequest } from 'fastify';
import type { KeysRepository } from '../catalog/keys-repository.js';
import type { ApiKey } from '../domain/api-key.js';

/**
 * A check every authenticated request passes after its key is known (rate limit, suspension, leak watch…). It
 * refuses by throwing an ApiError; it may note what it measured on the request for a response hook to send.
 */
export type KeyGuard = (request: FastifyRequest, key: ApiKey) => Promise<void>;

/** Who may call: the key store, and the guards every request with a key runs through, in the order added. */
export class AccessControl {
  private readonly guards: KeyGuard[] = [];

  constructor(readonly keys: KeysRepository) {}

  addGuard(guard: KeyGuard): void {
    this.guards.push(guard);
  }

  async admit(request: FastifyRequest, key: ApiKey): Promise<void> {
    for (const guard of this.guards) await guard(request, key);
  }
}
