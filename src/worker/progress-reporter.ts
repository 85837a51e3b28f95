/**
 * Turns the engine's many progress callbacks into a few catalog writes: at most one every `intervalMs`, and only
 * when the whole-number percentage moved, so a 1080p render does not write 240 rows for 240 frames.
 */
export function throttledProgress(
  write: (percent: number) => Promise<void>,
  options: { scale: number; intervalMs: number },
): { report: (fraction: number) => void; flush: () => Promise<void> } {
  let written = 0;
  let latest = 0;
  let lastWriteAt = 0;
  let pending: Promise<void> = Promise.resolve();
  const push = (): void => {
    if (latest <= written) return;
    written = latest;
    lastWriteAt = Date.now();
    const value = latest;
    // Progress is advisory: a failed write (a busy database) must not fail the render; the next one catches up.
    pending = pending.then(() => write(value)).catch(() => undefined);
  };
  return {
    report(fraction) {
      latest = Math.max(latest, Math.min(options.scale, Math.floor(fraction * options.scale)));
      if (Date.now() - lastWriteAt >= options.intervalMs) push();
    },
    async flush() {
      push();
      await pending;
    },
  };
}
