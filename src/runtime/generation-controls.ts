import type { Logger } from 'pino';
import { rememberKeyForAudit } from '../api/audit-trail.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import type { KeyGuard } from '../policy/access-control.js';
import { alertSink } from '../policy/alert-webhook.js';
import { KillSwitch, haltAdmission, suspensionGuard } from '../policy/kill-switch.js';
import { LeakWatch } from '../policy/leak-watch.js';
import type { Counters } from '../policy/open-counters.js';
import type { Admission } from '../services/admission.js';
import { GenerationControl } from '../services/generation-control.js';

export interface GenerationControls {
  control: GenerationControl;
  /** To add before every other guard, in this order: audit who asked, refuse a suspended key, watch for a leak. */
  guards: KeyGuard[];
  /** To run before every other admission: the halt, then the leak watch's count of video-seconds. */
  admissions: Admission[];
}

/** The kill switch, the leak watch (counting where `counters` do) and the audit trail's key, wired for one node. */
export function createGenerationControls(config: Readonly<Config>, catalog: Catalog, logger: Logger, counters: Counters): GenerationControls {
  const killSwitch = new KillSwitch(catalog.control);
  const { factor, windowSeconds, baselineWindows, floors } = config.leakWatch;
  const leakWatch = new LeakWatch(
    {
      control: catalog.control,
      audit: catalog.audit,
      baseline: counters.usage('leak-watch', { windowMs: windowSeconds * 1000, baselineWindows }),
      alert: alertSink(config.alertWebhookUrl, logger),
    },
    { factor, floors, windowSeconds },
  );
  return {
    control: new GenerationControl({ catalog, killSwitch }),
    guards: [rememberKeyForAudit, suspensionGuard, leakWatch.guard],
    admissions: [haltAdmission(killSwitch), leakWatch.admission],
  };
}
