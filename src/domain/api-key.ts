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
}
