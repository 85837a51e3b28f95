/**
 * The server's refusals that are about limits and policy rather than about what was typed (rate limit, daily quota,
 * credits, a suspended key, a halt, an artist's consent), said the way the person needs them: what was reached and
 * when it frees up, read from the `retry-after` and `x-ratelimit-*` headers where the answer has them.
 */

export interface Refusal {
  /** A short heading: what kind of stop this is. */
  title: string;
  message: string;
}

/** "45 s", "3 min", "2 h 10 min": the wait, rounded to what a person plans by. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const numberHeader = (headers: Headers, name: string): number | null => {
  const value = headers.get(name);
  return value !== null && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
};

/** The server's message as a sentence, so more can follow it. */
const sentence = (message: string): string => (/[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);

/** The refusal to show for this answer, or null when it is not one of these (the server's own message is shown). */
export function describeRefusal(code: string | null, serverMessage: string, headers: Headers): Refusal | null {
  const retryAfter = numberHeader(headers, 'retry-after');
  const wait = retryAfter !== null ? formatWait(retryAfter) : null;
  switch (code ?? '') {
    case 'rate_limit_exceeded': {
      const limit = numberHeader(headers, 'x-ratelimit-limit-requests');
      // Without the per-minute headers it is another limit (a guest's videos per hour): the server says which.
      const what = limit !== null ? `Slow down: this key may make ${limit} requests a minute.` : sentence(serverMessage);
      return { title: 'Too many requests', message: `${what} ${wait ? `Try again in ${wait}.` : 'Try again in a moment.'}` };
    }
    case 'daily_quota_exceeded': {
      const limit = numberHeader(headers, 'x-ratelimit-limit-video-seconds');
      const remaining = numberHeader(headers, 'x-ratelimit-remaining-video-seconds');
      const quota = limit !== null ? `this key's daily limit of ${limit} video-seconds` : "this key's daily limit";
      if (retryAfter === null) {
        // No wait would help: this video alone asks for more than the whole quota.
        return { title: 'Daily limit', message: `This video is longer than ${quota}. Make it shorter to create it.` };
      }
      const left = remaining !== null ? ` (${remaining} s left today)` : '';
      return { title: 'Daily limit', message: `You've reached ${quota}${left}; more frees up in ${wait ?? 'a while'}. A shorter video may fit sooner.` };
    }
    case 'insufficient_quota':
      return { title: 'Out of credits', message: serverMessage };
    case 'key_suspended':
      return { title: 'Key suspended', message: `${sentence(serverMessage)} Ask the operator to lift the suspension; nothing can be made with this key until then.` };
    case 'generation_halted':
      return { title: 'Generation paused', message: `${sentence(serverMessage)} What you typed is kept here: try again once the operator lifts the halt.` };
    case 'artist_consent_denied':
      return { title: 'Artist consent', message: serverMessage };
    default:
      return null;
  }
}
