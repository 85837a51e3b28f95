import type { Command } from 'commander';
import { planPrompt } from '../engines/procedural/parse.js';
import { integerOption } from './parse-options.js';

/** Shows how the built-in engine reads a prompt, without rendering anything. */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description("print the scene plan the built-in engine makes of a prompt (what it understood and what it didn't)")
    .argument('<prompt>', 'the prompt to read')
    .option('--seconds <n>', 'length in seconds', integerOption('seconds', 1, 20), 4)
    .option('--json', 'print JSON (the same plan the API returns)')
    .action((prompt: string, options: { seconds: number; json?: boolean }) => {
      const plan = planPrompt(prompt, { seconds: options.seconds });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
        return;
      }
      const subjects = plan.subjects.map((s) => `${s.count} × ${s.color ? `${s.color} ` : ''}${s.noun} (${s.action}${s.direction === 'none' ? '' : ` ${s.direction}`})`);
      process.stdout.write(
        [
          `subjects:  ${subjects.join(', ') || '(none)'}`,
          `setting:   ${plan.setting}, ${plan.timeOfDay}, ${plan.weather}`,
          `camera:    ${plan.camera.move} (${plan.camera.speed})`,
          `style:     ${plan.style}, mood ${plan.mood}`,
          `shots:     ${plan.shots.length}`,
          `unmatched: ${plan.unmatched.join(', ') || '(none)'}`,
        ].join('\n') + '\n',
      );
    });
}
