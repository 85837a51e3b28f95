import type { ScenePlan } from '../api/types';

const wordPattern = /([\p{L}\p{N}'’-]+)/u;

/** The prompt with each word the engine could not use marked, so the person sees what to rephrase. */
function MarkedPrompt({ prompt, unmatched }: { prompt: string; unmatched: readonly string[] }) {
  const missing = new Set(unmatched.map((word) => word.toLowerCase()));
  const parts = prompt.split(wordPattern);
  return (
    <p className="marked-prompt">
      {parts.map((part, i) =>
        i % 2 === 1 && missing.has(part.toLowerCase()) ? (
          <mark key={i} title="Not understood">
            {part}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </p>
  );
}

function describeSubject(subject: ScenePlan['subjects'][number]): string {
  const count = subject.count > 1 ? `${subject.count} × ` : '';
  const color = subject.color ? `${subject.color} ` : '';
  const direction = subject.direction === 'none' ? '' : ` ${subject.direction}`;
  return `${count}${color}${subject.noun}, ${subject.action}${direction}`;
}

/** What the engine understood, shown as soon as the video is created (before the first frame is rendered). */
export function PlanView({ plan, prompt }: { plan: ScenePlan | null; prompt: string }) {
  if (!plan) return <p className="muted">This model does not describe its plan.</p>;
  return (
    <section className="plan" aria-label="Scene plan">
      <h3>What Kinora understood</h3>
      <MarkedPrompt prompt={prompt} unmatched={plan.unmatched} />
      {plan.unmatched.length > 0 ? (
        <p className="unmatched small">
          Not understood: {plan.unmatched.map((word) => <mark key={word}>{word}</mark>)} — try other words for these.
        </p>
      ) : (
        <p className="small muted">Every word was used.</p>
      )}
      <dl className="plan-facts">
        <dt>Subjects</dt>
        <dd>{plan.subjects.length ? plan.subjects.map(describeSubject).join(' · ') : 'none'}</dd>
        <dt>Setting</dt>
        <dd>{plan.setting}</dd>
        <dt>Light</dt>
        <dd>
          {plan.timeOfDay}, {plan.weather}
        </dd>
        <dt>Camera</dt>
        <dd>
          {plan.camera.move} ({plan.camera.speed})
        </dd>
        <dt>Look</dt>
        <dd>
          {plan.style}, {plan.mood}
        </dd>
        {plan.shots.length > 1 && (
          <>
            <dt>Shots</dt>
            <dd>
              <ol>
                {plan.shots.map((shot, i) => (
                  <li key={i}>
                    {shot.prompt} ({shot.seconds} s)
                  </li>
                ))}
              </ol>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
