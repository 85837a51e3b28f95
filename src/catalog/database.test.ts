import { describe, expect, it } from 'vitest';
import { postgresUrl } from '../../test/helpers/catalog-urls.js';
import { startProxyFor, throughProxy } from '../../test/helpers/tcp-proxy.js';
import { isBackendUnavailable } from '../api/backend-unavailable.js';
import { openDatabase } from './database.js';

describe('PostgreSQL catalog connections', () => {
  it('fail retryably, instead of hanging, when the server takes the connection and never answers', async () => {
    const proxy = await startProxyFor(postgresUrl, 5432);
    try {
      await proxy.cut('silence');
      const failure = await openDatabase(throughProxy(postgresUrl, proxy)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(isBackendUnavailable(failure), String(failure)).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
