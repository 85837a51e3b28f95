import { describe, expect, it } from 'vitest';
import type { ControlRepository, GenerationHalt } from '../catalog/control-repository.js';
import { KillSwitch } from './kill-switch.js';

describe('kill switch cache', () => {
  it('reads the halt at most every 500 ms, once for concurrent readers, and at once after invalidate', async () => {
    let now = 0;
    let stored: GenerationHalt | null = null;
    let reads = 0;
    const control = { halt: () => Promise.resolve((reads++, stored)) } as unknown as ControlRepository;
    const killSwitch = new KillSwitch(control, { clock: () => now });

    expect(await Promise.all([killSwitch.current(), killSwitch.current()])).toEqual([null, null]);
    expect(reads).toBe(1);
    stored = { reason: 'incident', since: 1, by: 'cli:ops' };
    now = 499;
    expect(await killSwitch.current()).toBeNull();
    now = 500;
    expect(await killSwitch.current()).toEqual(stored);
    stored = null;
    killSwitch.invalidate();
    expect(await killSwitch.current()).toBeNull();
    expect(reads).toBe(3);
  });
});
