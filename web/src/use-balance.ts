import { useCallback, useEffect, useState } from 'react';
import { get } from './api/client';

interface Balance {
  credits: number;
  prepaid: boolean;
}

/**
 * The signed-in key's credits (GET /v1/ledger/balance), fetched again with `refresh` after each submit. A balance
 * that cannot be read is simply not shown: it is a hint, and the server still says so if a video costs too much.
 */
export function useBalance(): { balance: Balance | null; refresh: () => void } {
  const [balance, setBalance] = useState<Balance | null>(null);
  const refresh = useCallback(() => {
    get<Balance>('/v1/ledger/balance').then(setBalance, () => setBalance(null));
  }, []);
  useEffect(refresh, [refresh]);
  return { balance, refresh };
}
