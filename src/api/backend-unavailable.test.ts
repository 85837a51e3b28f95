import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isBackendUnavailable } from './backend-unavailable.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isBackendUnavailable', () => {
  it('recognises a PostgreSQL that refuses connections, from the real driver', async () => {
    // Port 9 (discard) is closed on these machines: the connect is refused at once.
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:9/test' });
    const refused = await pool.query('select 1').catch((error: unknown) => error);
    await pool.end();
    expect(isBackendUnavailable(refused)).toBe(true);
  });

  it('recognises lost connections and servers that are shutting down or starting', () => {
    expect(isBackendUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isBackendUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isBackendUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isBackendUnavailable(withCode('connection failure', '08006'))).toBe(true);
    expect(isBackendUnavailable(new Error('Connection is closed.'))).toBe(true);
    expect(isBackendUnavailable(new Error('wrapped', { cause: withCode('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED') }))).toBe(true);
    expect(isBackendUnavailable(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]))).toBe(true);
  });

  it('leaves every other fault a server error', () => {
    expect(isBackendUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isBackendUnavailable(withCode('syntax error at or near "selec"', '42601'))).toBe(false);
    expect(isBackendUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isBackendUnavailable('Connection terminated')).toBe(false);
  });
});
