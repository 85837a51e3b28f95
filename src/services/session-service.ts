import { createHash, randomBytes } from 'node:crypto';
import type { KeysRepository } from '../catalog/keys-repository.js';
import type { Session, SessionsRepository } from '../catalog/sessions-repository.js';
import type { Config } from '../config.js';
import { ApiError } from '../domain/errors.js';
import { assertKeyNotExpired } from '../policy/key-expiry.js';
import { isWellFormedKey } from '../policy/key-format.js';

/** How long a studio sign-in lasts; signing out ends it at once. */
export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

/** 32 random bytes in base64url: what the session cookie carries. */
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The CSRF token of a session: derived from its secret, so only a page that was handed it (in a cookie readable by
 * the studio's own origin) can send it back; nothing extra is stored.
 */
export function csrfTokenOf(secret: string): string {
  return createHash('sha256').update(`kinora-csrf:${secret}`).digest('base64url');
}

export interface StartedSession {
  /** Goes into the HttpOnly cookie and nowhere else. */
  secret: string;
  session: Session;
}

/** Studio sign-in: an API key (or, in guest mode, nothing) exchanged for a session the browser holds in a cookie. */
export class SessionService {
  constructor(private readonly deps: { config: Readonly<Config>; sessions: SessionsRepository; keys: KeysRepository }) {}

  async signIn(apiKey: string): Promise<StartedSession> {
    const secret = apiKey.trim();
    const key = isWellFormedKey(secret) ? await this.deps.keys.findActiveBySecret(secret) : undefined;
    if (!key) throw new ApiError(401, 'That API key is not valid here, or it was revoked.', { param: 'api_key', code: 'invalid_api_key' });
    assertKeyNotExpired(key);
    return this.start(key.id, false);
  }

  /** A visitor without a key gets a key of their own (its secret is never kept) and the guest limits. */
  async startGuest(): Promise<StartedSession> {
    if (!this.deps.config.guest.enabled) {
      throw new ApiError(403, 'Guest mode is off on this server: sign in with an API key.', { code: 'guest_mode_disabled' });
    }
    const { key } = await this.deps.keys.create('guest', ['videos:read', 'videos:write']);
    return this.start(key.id, true);
  }

  /** The live session a cookie stands for, if any; a malformed cookie costs no database read. */
  async resolve(secret: string): Promise<Session | undefined> {
    if (!secretPattern.test(secret)) return undefined;
    return this.deps.sessions.findLive(sha256(secret));
  }

  async signOut(session: Session): Promise<void> {
    await this.deps.sessions.delete(session.id);
  }

  private async start(keyId: string, guest: boolean): Promise<StartedSession> {
    const now = Date.now();
    await this.deps.sessions.deleteExpired(now);
    const secret = randomBytes(32).toString('base64url');
    const hash = sha256(secret);
    await this.deps.sessions.create({ hash, keyId, guest, expiresAt: now + sessionLifetimeMs }, now);
    const session = await this.deps.sessions.findLive(hash, now);
    if (!session) throw new Error('a session just created must be found');
    return { secret, session };
  }
}
