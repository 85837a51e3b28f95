import { describe, expect, it } from 'vitest';
import { AbortError, ProcessError, runProcess, startProcess } from './run-process.js';

// A real child process (node itself) stands in for ffmpeg: what is tested is the handling around it.
const node = process.execPath;
const script = (code: string): string[] => ['-e', code];

describe('runProcess', () => {
  it('returns stdout and the stderr tail of a successful run', async () => {
    const result = await runProcess(node, script('console.log("out"); console.error("err")'), {
      timeoutMs: 5000,
      maxStdoutBytes: 1024,
    });
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toBe('err\n');
  });

  it('rejects a non-zero exit with the last stderr lines and keeps only a tail of a flood', async () => {
    const code = 'for (let i = 0; i < 5000; i++) console.error("noise " + i); console.error("the real error"); process.exitCode = 3';
    const error = (await runProcess(node, script(code), { timeoutMs: 5000 }).catch((e: unknown) => e)) as ProcessError;
    expect(error).toBeInstanceOf(ProcessError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/exited with code 3: [^]*the real error$/);
    expect(error.message.split('\n').length).toBeLessThanOrEqual(6);
    expect(error.stderr.length).toBeLessThanOrEqual(16 * 1024);
  });

  it('kills a run that passes its timeout', async () => {
    const started = Date.now();
    await expect(runProcess(node, script('setTimeout(() => {}, 60000)'), { timeoutMs: 200 })).rejects.toThrow(
      /timed out after 200 ms/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('kills a run that prints more than allowed', async () => {
    const code = 'process.stdout.write("x".repeat(100000)); setTimeout(() => {}, 60000)';
    await expect(runProcess(node, script(code), { timeoutMs: 10_000, maxStdoutBytes: 1000 })).rejects.toThrow(
      /printed more than 1000 bytes/,
    );
  });

  it('kills at once on abort and rejects with an AbortError after the child is reaped', async () => {
    const controller = new AbortController();
    const { child, done } = startProcess(node, script('setTimeout(() => {}, 60000)'), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 100);
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('cancelled'));
    expect(child.signalCode).toBe('SIGKILL');
    expect(() => process.kill(child.pid!, 0)).toThrow(/ESRCH/);
  });

  it('does not start when the signal is already aborted', () => {
    expect(() => startProcess(node, script(''), { signal: AbortSignal.abort() })).toThrow(AbortError);
  });

  it('rejects clearly when the program does not exist', async () => {
    await expect(runProcess('/nonexistent/ffmpeg', [], { timeoutMs: 1000 })).rejects.toThrow(
      /could not start ffmpeg \(\/nonexistent\/ffmpeg\): .*ENOENT/,
    );
  });
});
