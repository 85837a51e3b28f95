/**
 * A one-line progress bar on stderr (stdout stays clean for data). On a non-TTY it prints a line every 10 %
 * instead of redrawing, so logs of CI runs stay readable.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update(fraction: number): void; done(message: string): void } {
  let lastDecile = -1;
  const width = 30;
  return {
    update(fraction) {
      const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
      if (stream.isTTY) {
        const filled = Math.round((percent / 100) * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%`);
      } else if (Math.floor(percent / 10) > lastDecile) {
        lastDecile = Math.floor(percent / 10);
        stream.write(`${label} ${percent}%\n`);
      }
    },
    done(message) {
      stream.write(`${stream.isTTY ? '\r\x1b[2K' : ''}${message}\n`);
    },
  };
}
