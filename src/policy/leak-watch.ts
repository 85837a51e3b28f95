import type { FastifyRequest } from 'fastify';
import type { AuditRepository } from '../catalog/audit-repository.js';
import type { ControlRepository } from '../catalog/control-repository.js';
import type { ApiKey, KeySuspension } from '../domain/api-key.js';
import type { Admission } from '../services/admission.js';
import type { KeyGuard } from './access-control.js';
import type { AlertSink } from './alert-webhook.js';
import { keySuspended } from './kill-switch.js';
import type { UsageBaseline, UsageSample, UsageTotals } from './leak-baseline.js';
import { unixSeconds } from '../domain/unix-time.js';

export interface LeakWatchSettings {
  /** A window's measure must exceed the key's usual window this many times over… */
  factor: number;
  /** …and these absolute amounts, so a new key's first normal burst (no usual yet) passes. */
  floors: UsageTotals;
  windowSeconds: number;
}

const measures: Array<{ name: keyof UsageTotals; label: string }> = [
  { name: 'requests', label: 'requests' },
  { name: 'videoSeconds', label: 'video-seconds requested' },
  { name: 'addresses', label: 'distinct client addresses' },
];

/** The measure that jumped, said for a person, or undefined when usage looks like the key's own. */
export function leakReason(current: UsageTotals, baseline: UsageTotals, settings: LeakWatchSettings): string | undefined {
  for (const { name, label } of measures) {
    const now = current[name];
    const usual = baseline[name];
    if (now <= settings.floors[name] || now <= usual * settings.factor) continue;
    const against = usual > 0 ? `${Math.round(now / usual)}× its usual ${+usual.toFixed(1)}` : 'with no usual usage to compare';
    return `leak watch: ${Math.round(now)} ${label} in ${settings.windowSeconds} s, ${against}`;
  }
  return undefined;
}

/**
 * Suspends a key whose use jumps far above its own recent baseline (requests, video-seconds asked for, client
 * addresses): the signature of a leaked key. Its guard counts every request; its admission counts the seconds of
 * every new video. A suspension is written to the key (every node refuses it at once), audited and alerted.
 */
export class LeakWatch {
  /**
   * Keys this node suspended. A request of one that passed the suspension guard either read the key before the
   * suspension (still in flight: refused) or after an operator lifted it (its burst is then forgotten, so the
   * same window does not suspend it again).
   */
  private readonly suspendedHere = new Set<string>();

  constructor(
    private readonly deps: { control: ControlRepository; audit: AuditRepository; baseline: UsageBaseline; alert: AlertSink; clock?: () => number },
    private readonly settings: LeakWatchSettings,
  ) {}

  readonly guard: KeyGuard = (request, key) => this.observe(key, { requests: 1, address: request.ip }, request);

  readonly admission: Admission = {
    check: (key, video) => this.observe(key, { videoSeconds: video.seconds }),
  };

  private async observe(key: ApiKey, sample: UsageSample, request?: FastifyRequest): Promise<void> {
    if (this.suspendedHere.has(key.id)) {
      const suspension = await this.deps.control.suspensionOf(key.id);
      if (suspension) throw keySuspended({ suspension });
      this.suspendedHere.delete(key.id);
      await this.deps.baseline.forget(key.id);
    }
    const { current, baseline } = await this.deps.baseline.record(key.id, sample);
    const reason = leakReason(current, baseline, this.settings);
    if (reason === undefined) return;
    const suspension: KeySuspension = { reason, since: (this.deps.clock ?? Date.now)(), by: 'automatic' };
    const outcome = await this.deps.control.suspendKey(key.id, suspension);
    this.suspendedHere.add(key.id);
    if (outcome === 'suspended') {
      await this.deps.audit.append({
        actor: 'leak-watch',
        keyId: key.id,
        action: 'key.suspend',
        target: key.id,
        address: request?.ip ?? null,
        decision: 'accepted',
        detail: { reason, current, baseline },
      });
      this.deps.alert({ type: 'key.suspended', key_id: key.id, key_name: key.name, reason, created_at: unixSeconds(suspension.since) });
    }
    throw keySuspended({ suspension });
  }
}
