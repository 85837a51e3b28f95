import type { Logger } from 'pino';

/** What the operator is told when Kinora acts on its own (a key suspended by the leak watch). */
export interface AlertEvent {
  type: 'key.suspended';
  key_id: string;
  key_name: string;
  reason: string;
  /** Unix seconds. */
  created_at: number;
}

export type AlertSink = (event: AlertEvent) => void;

/** Long enough for a chat hook on the internet; a stuck endpoint must not pile up requests. */
const webhookTimeoutMs = 5000;

/**
 * Alerts go to the log always and, when KINORA_ALERT_WEBHOOK_URL is set, as a JSON POST to it: best effort, never
 * awaited by the request that caused them. The URL is the operator's own, so private addresses are allowed.
 */
export function alertSink(webhookUrl: string | undefined, logger: Pick<Logger, 'warn' | 'error'>): AlertSink {
  return (event) => {
    logger.warn({ alert: event }, `alert: ${event.type} ${event.key_id}: ${event.reason}`);
    if (!webhookUrl) return;
    fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'kinora-alerts' },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(webhookTimeoutMs),
    })
      .then(async (response) => {
        await response.body?.cancel();
        if (!response.ok) logger.error({ status: response.status }, 'alert webhook answered with an error');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'alert webhook failed'));
  };
}
