/**
 * When a failed delivery is tried again, as multiples of a base delay (5 s by default,
 * KINORA_WEBHOOK_RETRY_BASE_SECONDS): 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, 24 h, 24 h. Eleven attempts over
 * about 70 hours, like OpenAI's "up to 72 hours", so a receiver down for a weekend still gets its events.
 */
const multiples = [1, 6, 24, 120, 720, 2160, 4320, 8640, 17280, 17280];

export const maxDeliveryAttempts = multiples.length + 1;

/**
 * The delay after the `attempts`-th failed attempt, or undefined when that was the last. A ±20 % jitter spreads the
 * retries of many deliveries that failed together (a receiver that was down) instead of sending them in one burst.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number | undefined {
  const multiple = multiples[attempts - 1];
  if (multiple === undefined) return undefined;
  return Math.round(baseMs * multiple * (0.8 + 0.4 * random()));
}
