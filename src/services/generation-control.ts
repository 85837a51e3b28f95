import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import type { GenerationHalt, SuspendedKey } from '../catalog/control-repository.js';
import type { KillSwitch } from '../policy/kill-switch.js';
import { failQueuedVideosForHalt } from './halted-videos.js';
import { keyNotFound } from './key-service.js';
import { parseInput } from './video-request.js';
import { unixSeconds } from '../domain/unix-time.js';

const keyIdSchema = z.string().trim().min(1).max(100);
export const haltSchema = z.object({ reason: z.string().trim().min(1).max(500), key_id: keyIdSchema.optional(), cancel_queued: z.boolean().default(false) }).strict();
export const resumeSchema = z.object({ key_id: keyIdSchema.optional() }).strict();
export type HaltBody = z.input<typeof haltSchema>;
export type ResumeBody = z.input<typeof resumeSchema>;

export interface ControlState {
  halt: GenerationHalt | null;
  suspendedKeys: SuspendedKey[];
}

/** The wire form of the kill switch's state, in OpenAI's style (snake_case, Unix seconds). */
export function toControlObject(state: ControlState, cancelled?: string[]) {
  return {
    object: 'generation.control' as const,
    halted: state.halt !== null,
    reason: state.halt?.reason ?? null,
    since: state.halt ? unixSeconds(state.halt.since) : null,
    halted_by: state.halt?.by ?? null,
    suspended_keys: state.suspendedKeys.map((k) => ({ id: k.id, name: k.name, reason: k.reason, since: unixSeconds(k.since), suspended_by: k.by })),
    ...(cancelled && { cancelled_video_ids: cancelled }),
  };
}

/**
 * The kill switch's operations, for the admin API and the CLI alike: halt new generations (everywhere, or one key's
 * every request), optionally ending what is queued, and resume. The state lives in the catalog, so every node and
 * every worker follows it.
 */
export class GenerationControl {
  constructor(private readonly deps: { catalog: Catalog; killSwitch?: KillSwitch }) {}

  /** `by`: who halts (an admin key id, or `cli:<user>`). Answers the new state and the videos it ended. */
  async halt(body: unknown, by: string): Promise<ControlState & { cancelled: string[] }> {
    const input = parseInput(haltSchema, body);
    const { control } = this.deps.catalog;
    if (input.key_id !== undefined) {
      const outcome = await control.suspendKey(input.key_id, { reason: input.reason, since: Date.now(), by: 'operator' });
      if (outcome === 'unknown') throw keyNotFound(input.key_id);
    } else {
      await control.setHalt(input.reason, by);
      this.deps.killSwitch?.invalidate();
    }
    const cancelled = input.cancel_queued ? await failQueuedVideosForHalt(this.deps.catalog, { keyId: input.key_id }, input.reason) : [];
    return { ...(await this.state()), cancelled };
  }

  /** Lifts the global halt, or one key's suspension; resuming what is not halted changes nothing. */
  async resume(body: unknown): Promise<ControlState> {
    const input = parseInput(resumeSchema, body);
    const { control } = this.deps.catalog;
    if (input.key_id !== undefined) {
      if ((await control.resumeKey(input.key_id)) === 'unknown') throw keyNotFound(input.key_id);
    } else {
      await control.clearHalt();
      this.deps.killSwitch?.invalidate();
    }
    return this.state();
  }

  /** The global halt, through this node's cache when it has one (for `/healthz`). */
  halted(): Promise<GenerationHalt | null> {
    return this.deps.killSwitch ? this.deps.killSwitch.current() : this.deps.catalog.control.halt();
  }

  async state(): Promise<ControlState> {
    const { control } = this.deps.catalog;
    return { halt: await control.halt(), suspendedKeys: await control.suspendedKeys() };
  }
}
