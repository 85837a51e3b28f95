import { beforeAll, describe, expect, it } from 'vitest';
import { frameDiff } from '../../../test/helpers/frames.js';
import { pictureStats, type PictureStats } from '../../../test/helpers/picture-stats.js';
import { compose, sampleFrame } from './compose.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';

const styles = ['flat', 'cinematic', 'watercolor', 'neon', 'pixel-art', 'noir', 'pastel', 'vintage-film', 'comic', 'sketch', 'vivid', 'claymation', 'paper-cut', 'ukiyo-e', 'low-poly'] as const;
type Style = (typeof styles)[number];
const W = 320;
const H = 180;

/** The same scene in one style (every shot restyled, as the parser would). */
function timelineIn(style: string, seconds = 1) {
  const base = planPrompt('a fox walking past a house in a forest', { seconds });
  const plan = { ...base, style, shots: base.shots.map((shot) => ({ ...shot, style })) };
  return compose({ plan, seed: 4, width: W, height: H, seconds });
}

async function frames(style: string, at: number[]): Promise<Uint8Array[]> {
  const renderer = new FrameRenderer(timelineIn(style));
  await renderer.prepare();
  return at.map((frame) => {
    renderer.render(frame);
    return Uint8Array.from(renderer.pixels());
  });
}

/** A style's look as numbers of comparable size: colour, saturation, contrast, ink, palette size, texture, flatness. */
function features(s: PictureStats): number[] {
  return [s.mean[0] / 255, s.mean[1] / 255, s.mean[2] / 255, s.saturation / 255, s.contrast / 255, s.edges * 10, s.ink, Math.log10(s.colours) / 5, s.texture / 20, s.flat];
}

describe('styles', () => {
  const stats = new Map<Style, PictureStats>();
  const first = new Map<Style, Uint8Array>();
  const next = new Map<Style, Uint8Array>();

  beforeAll(async () => {
    for (const style of styles) {
      const [a, b] = await frames(style, [6, 7]);
      stats.set(style, pictureStats(a as Uint8Array, W, H));
      first.set(style, a as Uint8Array);
      next.set(style, b as Uint8Array);
    }
  });
  const of = (style: Style): PictureStats => stats.get(style) as PictureStats;

  it('reads the new styles and their synonyms from the prompt', () => {
    const cases: Array<[string, string]> = [
      ['a dog walking, claymation', 'claymation'], ['stop motion plasticine cat', 'claymation'],
      ['a paper-cut whale', 'paper-cut'], ['origami birds flying', 'paper-cut'],
      ['a mountain in ukiyo-e style', 'ukiyo-e'], ['a hokusai woodblock print of a boat', 'ukiyo-e'],
      ['a low-poly fox', 'low-poly'], ['a polygonal faceted deer', 'low-poly'],
    ];
    for (const [prompt, style] of cases) expect(planPrompt(prompt).style, prompt).toBe(style);
  });

  it('gives every style a look measurably its own', () => {
    for (let i = 0; i < styles.length; i++) {
      for (let j = i + 1; j < styles.length; j++) {
        const a = features(of(styles[i] as Style));
        const b = features(of(styles[j] as Style));
        const distance = a.reduce((sum, v, k) => sum + Math.abs(v - (b[k] as number)), 0);
        expect(distance, `${styles[i]} vs ${styles[j]}`).toBeGreaterThan(0.2);
      }
    }
  });

  it('changes palettes: noir and sketch drop colour, vivid adds it, pastel lightens and softens', () => {
    const flat = of('flat');
    expect(of('noir').saturation).toBeLessThan(2);
    expect(of('sketch').saturation).toBeLessThan(12);
    expect(of('vivid').saturation).toBeGreaterThan(flat.saturation * 1.25);
    const luma = (s: PictureStats): number => 0.299 * s.mean[0] + 0.587 * s.mean[1] + 0.114 * s.mean[2];
    expect(luma(of('pastel'))).toBeGreaterThan(luma(flat) + 20);
    expect(of('pastel').saturation).toBeLessThan(flat.saturation * 0.6);
    // Sepia: warm, with red well above blue.
    expect(of('vintage-film').mean[0] - of('vintage-film').mean[2]).toBeGreaterThan(30);
  });

  it('draws ink outlines in comic, sketch and ukiyo-e', () => {
    for (const style of ['comic', 'sketch', 'ukiyo-e'] as const) expect(of(style).edges, style).toBeGreaterThan(of('flat').edges * 3);
  });

  it('pixel-art is big flat pixels in a console palette', () => {
    const pixels = of('pixel-art');
    expect(pixels.colours).toBeLessThanOrEqual(28);
    expect(pixels.flat).toBeGreaterThan(0.6);
  });

  it('low-poly redraws the picture as flat facets; watercolour and pastel soften it', () => {
    // The subjects are faceted finer than the scenery, so they keep their shape (measured: 1.49×; 1.55× when the
    // scenery's big triangles were laid over them too).
    expect(of('low-poly').flat).toBeGreaterThan(of('flat').flat * 1.4);
    expect(of('watercolor').edges).toBeLessThan(of('flat').edges * 0.5);
    expect(of('pastel').edges).toBeLessThan(of('flat').edges * 0.5);
  });

  it('lays paper and film grain over the picture; film grain moves every frame', () => {
    for (const style of ['noir', 'vintage-film', 'sketch', 'paper-cut', 'ukiyo-e'] as const) expect(of(style).texture, style).toBeGreaterThan(of('flat').texture * 1.8);
    // Between two frames only the fox moves in flat; in noir the grain has moved all over the picture.
    const change = (style: Style): number => frameDiff(first.get(style) as Uint8Array, next.get(style) as Uint8Array);
    expect(change('noir')).toBeGreaterThan(change('flat') * 5);
  });

  it('claymation holds each pose for two frames, stop-motion style', () => {
    const clay = timelineIn('claymation', 2);
    const smooth = timelineIn('flat', 2);
    const pose = (timeline: ReturnType<typeof timelineIn>, frame: number): string => JSON.stringify(sampleFrame(timeline, frame).actors);
    expect(pose(clay, 10)).toBe(pose(clay, 11));
    expect(pose(clay, 11)).not.toBe(pose(clay, 12));
    expect(pose(smooth, 10)).not.toBe(pose(smooth, 11));
  });
});
