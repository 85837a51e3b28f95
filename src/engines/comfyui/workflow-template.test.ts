import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executionError, videoOutput } from './comfy-server.js';
import { bundledTemplatesDir, fillWorkflow, frameCount, loadTemplates, modelInfo, type WorkflowTemplate } from './workflow-template.js';

const template: WorkflowTemplate = {
  kinora: { id: 'test-model', description: 'a test', sizes: ['832x480'], maxSeconds: 5, fps: 16, frameStep: 4, imageInput: false },
  workflow: {
    '5': { class_type: 'CLIPTextEncode', inputs: { clip: ['2', 0], text: '{{prompt}}, cinematic, {{width}} wide' } },
    '7': { class_type: 'EmptyHunyuanLatentVideo', inputs: { width: '{{width}}', height: '{{height}}', length: '{{frames}}', batch_size: 1 } },
    '8': { class_type: 'KSampler', inputs: { seed: '{{seed}}', latent_image: ['7', 0], steps: 30 } },
  },
};

describe('workflow templates', () => {
  it('fills whole placeholders with typed values and embedded ones as text, leaving links and literals alone', () => {
    const filled = fillWorkflow(template, { prompt: 'a fox runs {{seed}}', width: 832, height: 480, frames: 17, seed: 42 });
    expect(filled['5']!.inputs).toEqual({ clip: ['2', 0], text: 'a fox runs {{seed}}, cinematic, 832 wide' });
    expect(filled['7']!.inputs).toEqual({ width: 832, height: 480, length: 17, batch_size: 1 });
    expect(filled['8']!.inputs).toEqual({ seed: 42, latent_image: ['7', 0], steps: 30 });
    // The template itself is untouched: every job fills its own copy.
    expect(template.workflow['8']!.inputs.seed).toBe('{{seed}}');
  });

  it('refuses to send a workflow with a placeholder left empty', () => {
    expect(() => fillWorkflow(template, { prompt: 'x', width: 832, height: 480, frames: 17 })).toThrow('uses {{seed}}, which has no value');
  });

  it("rounds the length to the frame counts the model takes (1 + k × step)", () => {
    expect(frameCount(template, 1)).toBe(17); // 16 fps × 1 s → 1 + 4 × 4
    expect(frameCount(template, 5)).toBe(81); // Wan 2.1's usual 81 frames
    expect(frameCount({ ...template, kinora: { ...template.kinora, fps: 24, frameStep: 8 } }, 4)).toBe(97); // LTX-Video's default length
  });

  it('loads the bundled templates (Wan 2.1 T2V, LTX-Video T2V and I2V) as models with their limits', async () => {
    const templates = await loadTemplates(bundledTemplatesDir);
    const models = templates.map(modelInfo);
    expect(models.map((model) => model.id)).toEqual(['comfyui:ltx-video-2b-i2v', 'comfyui:ltx-video-2b', 'comfyui:wan2.1-t2v-1.3b']);
    expect(models[0]!.features.imageInput).toBe(true);
    expect(models[2]).toMatchObject({ engine: 'comfyui', sizes: ['832x480', '480x832'], maxSeconds: 5, features: { imageInput: false, remix: false, audio: false } });
    for (const loaded of templates) {
      const values = { prompt: 'p', width: 768, height: 512, frames: 97, fps: 24, seed: 1, filename_prefix: 'kinora/x', image: loaded.kinora.imageInput ? 'in.png' : undefined };
      const filled = JSON.stringify(fillWorkflow(loaded, values));
      expect(filled).not.toContain('{{');
    }
  });

  it('names the file of a template that is not valid', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-templates-'));
    fs.writeFileSync(path.join(directory, 'broken.json'), JSON.stringify({ kinora: { id: 'Bad Id' }, workflow: {} }));
    await expect(loadTemplates(directory)).rejects.toThrow('ComfyUI template broken.json');
    fs.rmSync(directory, { recursive: true });
  });
});

describe('reading a ComfyUI history entry', () => {
  const file = { filename: 'x_00001_.mp4', subfolder: 'kinora', type: 'output' };

  it('finds the video in both shapes save nodes write: SaveVideo (images) and VHS_VideoCombine (gifs)', () => {
    expect(videoOutput({ outputs: { '11': { images: [file], animated: [true] } } })).toEqual(file);
    expect(videoOutput({ outputs: { '9': { images: [{ ...file, filename: 'still.png' }] }, '12': { gifs: [{ ...file, format: 'video/h264-mp4' }] } } })).toEqual(file);
    expect(videoOutput({ outputs: { '9': { images: [{ ...file, filename: 'still.png' }] } } })).toBeUndefined();
  });

  it("gives ComfyUI's own reason for a failed prompt", () => {
    const entry = {
      status: { status_str: 'error', completed: false, messages: [['execution_start', {}], ['execution_error', { node_type: 'KSampler', exception_message: 'CUDA out of memory' }]] as Array<[string, Record<string, unknown>]> },
    };
    expect(executionError(entry)).toBe('ComfyUI failed the workflow in KSampler: CUDA out of memory');
    expect(executionError({ status: { status_str: 'success', messages: [] } })).toBeUndefined();
  });
});
