/** Scopes a key can hold; every route declares the one it needs. */
export const scopes = ['videos:read', 'videos:write', 'gallery:publish', 'admin'] as const;
export type Scope = (typeof scopes)[number];

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  /** After this moment the key is refused; null: never. */
  expiresAt: number | null;
  /** Its own limits; null: the server's default; 0: unlimited. */
  rateLimitPerMinute: number | null;
  secondsPerDay: number | null;
  /** Its videos carry a visible corner mark. */
  watermark: boolean;
  /** Set while the key is suspended: every request with it is refused (403 key_suspended). */
  suspension: KeySuspension | null;
}

/** Why and since when a key is suspended, and whether an operator or the leak watch did it. */
export interface KeySuspension {
  reason: string;
  since: number;
  by: 'operator' | 'automatic';
}

/** What an operator sets on a key besides its name and scopes. */
export interface KeyLimits {
  expiresAt: number | null;
  rateLimitPerMinute: number | null;
  secondsPerDay: number | null;
  watermark: boolean;
}

/** A key that can act: not revoked and not expired. */
export const isKeyActive = (key: ApiKey, now = Date.now()): boolean => key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);
