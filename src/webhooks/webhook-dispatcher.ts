import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { WebhooksRepository } from '../catalog/webhooks-repository.js';
import { unixSeconds } from '../domain/unix-time.js';
import type { AttemptResult, DueDelivery } from '../domain/webhook.js';
import { OutboundError, outboundRequest } from '../policy/outbound-http.js';
import { retryDelayMs } from './retry-schedule.js';

export interface WebhookDispatcherOptions {
  webhooks: Pick<WebhooksRepository, 'claimDue' | 'nextDueAt' | 'recordAttempt' | 'recordMissedEvents' | 'pruneSettled'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** KINORA_ALLOW_PRIVATE_URLS: receivers on private addresses are reached too. */
  allowPrivate: boolean;
  retryBaseMs: number;
  /** How often the catalog is asked for deliveries other nodes queued (a worker node writes them, not this one). */
  pollMs?: number;
}

export interface WebhookDispatcher {
  stop: () => Promise<void>;
}

const attemptTimeoutMs = 10_000;
/** Well past an attempt's timeout: a lease runs out only when its node died mid-attempt. */
const leaseMs = 60_000;
const batchSize = 10;
/** What the delivery log keeps of a receiver's answer: enough to see an error message, never a stored copy. */
const responseSnippetBytes = 256;
/** How far back a starting node looks for events a crash lost (see recordMissedEvents). */
const catchUpWindowMs = 24 * 60 * 60 * 1000;
/** How long the delivery log keeps settled deliveries, and how often a node prunes older ones. */
const keepSettledMs = 30 * 24 * 60 * 60 * 1000;
const pruneEveryMs = 60 * 60 * 1000;

/**
 * The delivery loop of an API node: claims due deliveries under a lease, POSTs each signed in the Standard Webhooks
 * format through the outbound client (so the SSRF guard applies at delivery too), and settles it: delivered on a 2xx,
 * otherwise retried on the backoff schedule until it gives up. It sleeps until the next delivery falls due, or for
 * `pollMs` at most. Before its first round it queues the events a crash may have lost; every hour it forgets the
 * deliveries settled over 30 days ago.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const owner = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  let prunedAt = 0;
  const tick = async (): Promise<number> => {
    if (Date.now() - prunedAt >= pruneEveryMs) {
      prunedAt = Date.now();
      const pruned = await options.webhooks.pruneSettled(prunedAt - keepSettledMs);
      if (pruned > 0) options.logger.info({ pruned }, 'forgot webhook deliveries settled over 30 days ago');
    }
    const due = await options.webhooks.claimDue(owner, leaseMs, batchSize);
    await Promise.all(due.map((delivery) => attempt(delivery, owner, options)));
    if (due.length === batchSize) return 0;
    const next = await options.webhooks.nextDueAt();
    return Math.min(pollMs, Math.max(10, (next ?? Infinity) - Date.now()));
  };
  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'webhook delivery loop failed; trying again');
          return pollMs;
        })
        .then((next) => {
          if (!stopped) schedule(next);
        });
    }, delayMs);
  };
  running = options.webhooks
    .recordMissedEvents(Date.now() - catchUpWindowMs)
    .then(
      (videos) => {
        if (videos > 0) options.logger.warn({ videos }, 'queued the webhook events of videos that ended just before a crash');
      },
      (error: unknown) => options.logger.error({ err: error }, 'could not look for webhook events lost by a crash'),
    )
    .then(() => {
      if (!stopped) schedule(0);
    });

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function attempt(delivery: DueDelivery, owner: string, options: WebhookDispatcherOptions): Promise<void> {
  const result = await send(delivery, options.allowPrivate);
  const attempts = delivery.attempts + 1;
  const delay = result.delivered ? undefined : retryDelayMs(attempts, options.retryBaseMs);
  const retryAt = delay === undefined ? undefined : Date.now() + delay;
  if (!(await options.webhooks.recordAttempt(delivery.id, owner, result, retryAt))) return;
  // The endpoint's id, never its URL (a URL may carry a token) nor the secret.
  const facts = { delivery: delivery.id, endpoint: delivery.endpointId, event: delivery.eventId, type: delivery.eventType, attempt: attempts, status: result.status, error: result.error };
  if (result.delivered) options.logger.info(facts, 'webhook delivered');
  else if (retryAt !== undefined) options.logger.warn({ ...facts, retry_at: new Date(retryAt).toISOString() }, 'webhook attempt failed; will retry');
  else options.logger.error(facts, 'webhook delivery failed; giving up');
}

/** One signed POST; any answer but a 2xx (a 3xx included: redirects are not followed) is a failed attempt. */
async function send(delivery: DueDelivery, allowPrivate: boolean): Promise<AttemptResult> {
  const timestamp = new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Kinora-Webhooks/1',
    'webhook-id': delivery.eventId,
    'webhook-timestamp': String(unixSeconds(timestamp.getTime())),
    'webhook-signature': new Webhook(delivery.secret).sign(delivery.eventId, timestamp, delivery.payload),
  };
  try {
    const answer = await outboundRequest(
      delivery.url,
      { method: 'POST', headers, body: delivery.payload, maxBytes: responseSnippetBytes, truncate: true, timeoutMs: attemptTimeoutMs, maxRedirects: 0 },
      { allowPrivate },
    );
    const delivered = answer.status >= 200 && answer.status < 300;
    return { delivered, status: answer.status, error: delivered ? null : `HTTP ${answer.status}`, response: answer.body.toString('utf8') || null };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    return { delivered: false, status: null, error: `${error.reason}: ${error.message}`.slice(0, 500), response: null };
  }
}
