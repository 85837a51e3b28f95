import '/work/main/src/runtime/skia-allocator.js';
import fs from 'node:fs';
import { Canvas } from '@napi-rs/canvas';
import { compose } from '/work/main/src/engines/procedural/compose.js';
import { planPrompt } from '/work/main/src/engines/procedural/parse.js';
import { FrameRenderer } from '/work/main/src/engines/procedural/render.js';
const prompts = process.argv.slice(3);
const frame = Number(process.argv[2]);
const out = new Canvas(640 * 2, 360 * Math.ceil(prompts.length / 2)); const octx = out.getContext('2d');
for (const [i, prompt] of prompts.entries()) {
  const plan = planPrompt(prompt, { seconds: 4 });
  const tl = compose({ plan, seed: 3, width: 640, height: 360, seconds: 4 });
  const r = new FrameRenderer(tl); await r.prepare(); r.render(frame);
  octx.drawImage(r.canvas, (i % 2) * 640, Math.floor(i / 2) * 360);
  console.log(i, prompt, '|', plan.setting, plan.timeOfDay, plan.weather, plan.style, plan.camera.move, JSON.stringify(plan.subjects.map((s) => [s.noun, s.count, s.action, s.color])), plan.unmatched);
}
fs.writeFileSync('/tmp/samples/multi.png', await out.encode('png'));
