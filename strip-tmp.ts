import '/work/main/src/runtime/skia-allocator.js';
import fs from 'node:fs';
import { Canvas } from '@napi-rs/canvas';
import { compose } from '/work/main/src/engines/procedural/compose.js';
import { planPrompt } from '/work/main/src/engines/procedural/parse.js';
import { FrameRenderer } from '/work/main/src/engines/procedural/render.js';
const prompts = process.argv.slice(2);
const frames = [0, 12, 24, 36, 48, 60];
const W = 320, H = 180;
const out = new Canvas(W * frames.length, H * prompts.length); const octx = out.getContext('2d');
for (const [i, prompt] of prompts.entries()) {
  const plan = planPrompt(prompt, { seconds: 4 });
  const tl = compose({ plan, seed: 3, width: W, height: H, seconds: 4 });
  const r = new FrameRenderer(tl); await r.prepare();
  frames.forEach((f, k) => { r.render(f); octx.drawImage(r.canvas, k * W, i * H); });
  console.log(i, prompt, '|', plan.setting, JSON.stringify(plan.subjects.map((s) => [s.noun, s.count, s.action, s.asset])), plan.unmatched);
}
fs.writeFileSync('/tmp/samples/strip.png', await out.encode('png'));
