import type { Redis, Result } from 'ioredis';
import { maxAddressesPerWindow, type UsageBaseline, type UsageReading, type UsageSample, type UsageTotals, type UsageWindows } from './leak-baseline.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** See recordScript: answers the current window's totals, then the active earlier windows' count and sums. */
    kinoraRecordUsage(
      windowsKey: string,
      addressesKey: string,
      index: number,
      oldest: number,
      requests: number,
      videoSeconds: number,
      address: string,
      maxAddresses: number,
      windowsTtlMs: number,
      addressesTtlMs: number,
    ): Result<[number, string, number, number, number, string, number], Context>;
  }
}

/**
 * One sample in one round trip, atomically. A key's windows are one hash (`r:<index>` requests, `s:<index>`
 * video-seconds, `a:<index>` distinct addresses); the current window's addresses are a set beside it, capped as in
 * memory. The script adds the sample, drops the windows that left the look-back span, and sums the earlier windows
 * the key made requests in. Video-seconds travel as strings: Redis would truncate a Lua number to an integer.
 */
const recordScript = `
local windows, index, oldest = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local requests = redis.call('HINCRBY', windows, 'r:' .. index, ARGV[3])
local seconds = redis.call('HINCRBYFLOAT', windows, 's:' .. index, ARGV[4])
local addresses = tonumber(redis.call('HGET', windows, 'a:' .. index) or '0')
if ARGV[5] ~= '' then
  if redis.call('SCARD', KEYS[2]) < tonumber(ARGV[6]) then redis.call('SADD', KEYS[2], ARGV[5]) end
  redis.call('PEXPIRE', KEYS[2], ARGV[8])
  addresses = redis.call('SCARD', KEYS[2])
  redis.call('HSET', windows, 'a:' .. index, addresses)
end
redis.call('PEXPIRE', windows, ARGV[7])
local earlier = {}
local fields = redis.call('HGETALL', windows)
for i = 1, #fields, 2 do
  local kind, at = string.match(fields[i], '^(%a):(%-?%d+)$')
  at = tonumber(at)
  if at < oldest then
    redis.call('HDEL', windows, fields[i])
  elseif at < index then
    earlier[at] = earlier[at] or { r = 0, s = 0, a = 0 }
    earlier[at][kind] = tonumber(fields[i + 1])
  end
end
local active, sumR, sumS, sumA = 0, 0, 0, 0
for _, w in pairs(earlier) do
  if w.r > 0 then
    active = active + 1
    sumR, sumS, sumA = sumR + w.r, sumS + w.s, sumA + w.a
  end
end
return { requests, seconds, addresses, active, sumR, tostring(sumS), sumA }`;

/**
 * The leak watch's windows in Redis, shared by every API node: each node adds its requests, video-seconds and client
 * addresses to the same windows, so a leaked key whose traffic a load balancer spreads over the nodes is measured
 * whole. Windows are cut by each node's clock; nodes whose clocks differ a little put a border's samples in
 * neighbouring windows, which a factor-times-usual threshold does not notice.
 */
export class RedisUsageBaseline implements UsageBaseline {
  constructor(
    private readonly redis: Redis,
    /** Prefix of this baseline's keys: the deployment's Redis prefix and what is measured. */
    private readonly namespace: string,
    private readonly options: UsageWindows,
  ) {
    redis.defineCommand('kinoraRecordUsage', { numberOfKeys: 2, lua: recordScript });
  }

  async record(keyId: string, sample: UsageSample): Promise<UsageReading> {
    const { windowMs, baselineWindows } = this.options;
    const index = this.windowIndex();
    const [requests, seconds, addresses, active, sumR, sumS, sumA] = await this.redis.kinoraRecordUsage(
      this.windowsKey(keyId),
      this.addressesKey(keyId, index),
      index,
      index - baselineWindows,
      sample.requests ?? 0,
      sample.videoSeconds ?? 0,
      sample.address ?? '',
      maxAddressesPerWindow,
      (baselineWindows + 1) * windowMs,
      windowMs * 2,
    );
    const mean = (sum: number): number => (active > 0 ? sum / active : 0);
    const baseline: UsageTotals = { requests: mean(sumR), videoSeconds: mean(Number(sumS)), addresses: mean(sumA) };
    return { current: { requests, videoSeconds: Number(seconds), addresses }, baseline };
  }

  async forget(keyId: string): Promise<void> {
    // Earlier windows' address sets are never added to again; only the current one would count old addresses.
    await this.redis.del(this.windowsKey(keyId), this.addressesKey(keyId, this.windowIndex()));
  }

  private windowIndex(): number {
    return Math.floor((this.options.clock ?? Date.now)() / this.options.windowMs);
  }

  /** Both keys of an API key share a hash tag, so the script's two keys sit on one node of a Redis Cluster. */
  private windowsKey(keyId: string): string {
    return `${this.namespace}:{${keyId}}`;
  }

  private addressesKey(keyId: string, index: number): string {
    return `${this.namespace}:{${keyId}}:addresses:${index}`;
  }
}
