import { useCallback, useEffect, useState } from 'react';
import { del, get, post } from './api/client';
import type { StudioSession } from './api/types';

/**
 * Who is signed in, as the server says (the cookie is HttpOnly: the page cannot read it, and never holds a key
 * after sending it once to sign in).
 */
export function useSession() {
  const [session, setSession] = useState<StudioSession | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      setSession(await get<StudioSession>('/studio/session'));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (apiKey: string) => setSession(await post<StudioSession>('/studio/session', { api_key: apiKey })), []);
  const startGuest = useCallback(async () => setSession(await post<StudioSession>('/studio/guest')), []);
  const signOut = useCallback(async () => {
    await del('/studio/session');
    await refresh();
  }, [refresh]);

  return { session, error, refresh, signIn, startGuest, signOut };
}

export const canPublish = (session: StudioSession | null): boolean =>
  Boolean(session?.key?.scopes.some((scope) => scope === 'gallery:publish' || scope === 'admin'));
