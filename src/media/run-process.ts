import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The one place that starts ffmpeg/ffprobe. Every run is bounded: killed with SIGKILL on abort or timeout (ffmpeg may
 * ignore SIGTERM while it flushes, and a cancelled job must stop now), with stderr kept only as a short tail so a chatty
 * or hostile input cannot fill memory. No shell is ever involved: arguments go to the program as an array.
 */

/** How much of stderr is kept (its end, where ffmpeg prints the error that made it stop). */
const STDERR_TAIL_BYTES = 16 * 1024;
/** How many of the last stderr lines go into an error message. */
const STDERR_LINES_IN_MESSAGE = 6;

export interface ProcessOptions {
  signal?: AbortSignal;
  /** Wall-clock limit; the process is killed and the run rejected when it passes. None when absent. */
  timeoutMs?: number;
  /** 'pipe' to feed the process (frames for ffmpeg); otherwise stdin is closed. */
  stdin?: 'pipe' | 'ignore';
  /** Capture stdout up to this many bytes (a run printing more is killed and rejected); stdout is discarded when absent. */
  maxStdoutBytes?: number;
  /**
   * Leave stdout to the caller as a paused stream (child.stdout) instead of capturing it: for output read piece by
   * piece as it is needed (decoded frames). The caller reads it to the end or destroys it, or the run never settles.
   */
  streamStdout?: boolean;
}

export interface ProcessOutput {
  stdout: string;
  /** The last few KiB of stderr. */
  stderr: string;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Settles once the process is gone (exited and reaped): resolves on exit code 0, rejects otherwise. */
  done: Promise<ProcessOutput>;
}

/** Node's own shape for a cancelled operation (`name` 'AbortError', `code` 'ABORT_ERR'), with the abort reason as cause. */
export class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  constructor(reason?: unknown) {
    super('The operation was aborted', { cause: reason });
    this.name = 'AbortError';
  }
}

/** A process that failed: exited non-zero, was killed, timed out, or could not be started. */
export class ProcessError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly exitCode: number | null = null,
  ) {
    super(message);
    this.name = 'ProcessError';
  }
}

/** The last non-empty lines of a stderr tail, for an error message a person can act on. */
export function lastLines(text: string, count = STDERR_LINES_IN_MESSAGE): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join('\n');
}

export function startProcess(file: string, args: readonly string[], options: ProcessOptions = {}): RunningProcess {
  const { signal, timeoutMs, maxStdoutBytes, streamStdout } = options;
  if (signal?.aborted) throw new AbortError(signal.reason);
  const name = path.basename(file);
  const child = spawn(file, args, {
    stdio: [options.stdin ?? 'ignore', maxStdoutBytes === undefined && !streamStdout ? 'ignore' : 'pipe', 'pipe'],
    windowsHide: true,
  });

  const done = new Promise<ProcessOutput>((resolve, reject) => {
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = Buffer.alloc(0);
    // Why the process was killed by us, if it was; decides the error the run rejects with.
    let killedFor: Error | undefined;
    const tail = (): string => stderr.toString('utf8');

    const kill = (why: Error): void => {
      killedFor ??= why;
      child.kill('SIGKILL');
    };
    const onAbort = (): void => kill(new AbortError(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => kill(new ProcessError(`${name} timed out after ${timeoutMs} ms`, tail())), timeoutMs);

    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = Buffer.concat([stderr, chunk]);
      if (stderr.length > STDERR_TAIL_BYTES) stderr = stderr.subarray(stderr.length - STDERR_TAIL_BYTES);
    });
    if (!streamStdout) {
      child.stdout?.on('data', (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (maxStdoutBytes !== undefined && stdoutBytes > maxStdoutBytes) {
          kill(new ProcessError(`${name} printed more than ${maxStdoutBytes} bytes`, tail()));
          return;
        }
        stdout.push(chunk);
      });
    }

    let settled = false;
    const settle = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      if (error) reject(error);
      else resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: tail() });
    };

    // A program that cannot be started (ENOENT, EACCES) has no pid; its 'error' says why, its 'close' code does not.
    child.once('error', (error) => {
      if (child.pid === undefined) settle(new ProcessError(`could not start ${name} (${file}): ${error.message}`, ''));
    });
    // 'close' comes after the exit (so the child is reaped, never a zombie) and after stdout/stderr are fully read.
    child.once('close', (code, killSignal) => {
      if (killedFor) return settle(killedFor);
      if (code === 0) return settle(undefined);
      const how = code === null ? `was killed by ${killSignal}` : `exited with code ${code}`;
      const detail = lastLines(tail());
      settle(new ProcessError(`${name} ${how}${detail ? `: ${detail}` : ''}`, tail(), code));
    });
  });
  return { child, done };
}

/** Run a program to completion; a timeout is required so no run can hang a worker. */
export async function runProcess(
  file: string,
  args: readonly string[],
  options: ProcessOptions & { timeoutMs: number },
): Promise<ProcessOutput> {
  return startProcess(file, args, options).done;
}
