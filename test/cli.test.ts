import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { artworkExists } from '../src/engines/procedural/assets.js';
import type { Vocabulary } from '../src/engines/procedural/vocabulary.js';
import { describeVideo } from './helpers/media-check.js';
import { repoRoot, tempDataDir } from './helpers/kinora-server.js';

const run = promisify(execFile);
const dir = tempDataDir('cli');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function kinora(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot, env: { ...process.env, KINORA_DATA_DIR: dir } });
}

describe('kinora CLI', () => {
  it('plan --json prints the scene plan', async () => {
    const { stdout } = await kinora('plan', 'three yellow balloons floating over a beach at sunset, zorblat', '--json');
    const plan = JSON.parse(stdout) as { subjects: Array<{ noun: string; count: number; color: string }>; setting: string; timeOfDay: string; unmatched: string[] };
    expect(plan.subjects[0]).toMatchObject({ noun: 'balloon', count: 3, color: 'yellow' });
    expect(plan).toMatchObject({ setting: 'beach', timeOfDay: 'sunset' });
    expect(plan.unmatched).toContain('zorblat');
  });

  it('vocab --json lists every canonical value and at least 1,500 drawable nouns whose artwork exists', async () => {
    const vocabulary = JSON.parse((await kinora('vocab', '--json')).stdout) as Vocabulary;
    expect(vocabulary.timesOfDay).toContain('sunset');
    expect(vocabulary.settings.map((s) => s.setting)).toContain('underwater');
    expect(vocabulary.nouns.length).toBeGreaterThanOrEqual(1500);
    for (const noun of vocabulary.nouns) expect(artworkExists(noun.asset), `${noun.noun}: ${noun.asset}`).toBe(true);
    expect(vocabulary.nouns.find((n) => n.noun === 'capybara')).toMatchObject({ kind: 'animal', defaultAction: 'walk' });
    const summary = (await kinora('vocab')).stdout;
    expect(summary).toMatch(new RegExp(`nouns:\\s+${vocabulary.nouns.length}\\s+dog`));
  });

  it('generate renders an MP4 without a server', async () => {
    const out = path.join(dir, 'cat.mp4');
    const { stderr } = await kinora('generate', 'a cat jumping in a garden', '-o', out, '--size', '854x480', '--seconds', '1', '--seed', '7');
    expect(stderr).toContain('wrote');
    const info = await describeVideo(out);
    expect(info.video).toMatchObject({ codec: 'h264', width: 854, height: 480 });
    expect(info.audio?.codec).toBe('aac');

    // Signed like a server's video, with this data directory's identity; a local render has no video id.
    const report = JSON.parse((await kinora('verify', out, '--json')).stdout) as { status: string; signed_by_this_instance: boolean; manifest: { generation: Record<string, unknown> } };
    expect(report).toMatchObject({ status: 'authentic', signed_by_this_instance: true, manifest: { generation: { video_id: null, model: 'kinora-1', seed: 7, kind: 'generate', credits: [] } } });
  });

  it('generate screens the prompt against the data directory\'s artist registry, as the API does', async () => {
    await kinora('artists', 'add', 'Odile Brancusi', '--policy', 'deny');
    await kinora('artists', 'add', 'Tomas Avery', '--policy', 'credit');
    await expect(kinora('generate', 'a bird in the style of odile brancusi', '-o', path.join(dir, 'refused.mp4'))).rejects.toThrow(/Odile Brancusi/);
    expect(fs.existsSync(path.join(dir, 'refused.mp4'))).toBe(false);
    const out = path.join(dir, 'credited.mp4');
    await kinora('generate', "a bird, Tomas Avery's way", '-o', out, '--size', '854x480', '--seconds', '1', '--seed', '3');
    const report = JSON.parse((await kinora('verify', out, '--json')).stdout) as { manifest: { generation: { credits: Array<{ name: string }> } } };
    expect(report.manifest.generation.credits.map((c) => c.name)).toEqual(['Tomas Avery']);
  });

  it('generate refuses a bad size with a readable message', async () => {
    await expect(kinora('generate', 'a cat', '--size', '10x10')).rejects.toThrow(/size must be one of/);
  });

  it('keys create, list and revoke', async () => {
    const created = JSON.parse((await kinora('keys', 'create', '--name', 'ci', '--scopes', 'videos:read', '--json')).stdout) as { id: string; secret: string };
    expect(created.secret).toMatch(/^kin_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/);
    const listed = (await kinora('keys', 'list')).stdout;
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.secret);
    await kinora('keys', 'revoke', created.id);
    expect((await kinora('keys', 'list')).stdout).toMatch(new RegExp(`${created.id}.*revoked`));
  });
});
