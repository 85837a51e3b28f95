import type { Storyboard } from '../api/types';

export const emptyShot = (): Storyboard['shots'][number] => ({ prompt: '', seconds: 2 });

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

/**
 * Shots as cards on a timeline, each as wide as it is long: a prompt and a length each, reordered with buttons
 * (keyboard and touch alike), joined by cuts or crossfades.
 */
export function StoryboardEditor({ value, onChange, maxSeconds }: { value: Storyboard; onChange: (next: Storyboard) => void; maxSeconds: number }) {
  const { shots } = value;
  const total = Math.round(shots.reduce((sum, shot) => sum + shot.seconds, 0) * 1000) / 1000;
  const setShot = (i: number, patch: Partial<Storyboard['shots'][number]>): void =>
    onChange({ ...value, shots: shots.map((shot, j) => (j === i ? { ...shot, ...patch } : shot)) });
  const problem = !Number.isInteger(total) ? 'The shots must add up to whole seconds.' : total > maxSeconds ? `At most ${maxSeconds} s in all.` : null;

  return (
    <fieldset className="storyboard">
      <legend>Storyboard</legend>
      <div className="timeline" aria-hidden="true">
        {shots.map((shot, i) => (
          <span key={i} className="timeline-shot" style={{ flexGrow: shot.seconds }}>
            {i + 1}
          </span>
        ))}
      </div>
      <ol className="shots">
        {shots.map((shot, i) => (
          <li key={i} className="shot">
            <label htmlFor={`shot-${i}`}>Shot {i + 1}</label>
            <textarea id={`shot-${i}`} rows={2} value={shot.prompt} placeholder="what happens in this shot" onChange={(e) => setShot(i, { prompt: e.target.value })} />
            <div className="inline wrap">
              <label htmlFor={`shot-${i}-seconds`} className="inline-label">
                Seconds
              </label>
              <input
                id={`shot-${i}-seconds`}
                type="number"
                min={0.25}
                max={maxSeconds}
                step={0.25}
                value={shot.seconds}
                onChange={(e) => setShot(i, { seconds: Number(e.target.value) })}
                className="shot-seconds"
              />
              <button type="button" onClick={() => onChange({ ...value, shots: move(shots, i, i - 1) })} disabled={i === 0} aria-label={`Move shot ${i + 1} earlier`}>
                ←
              </button>
              <button type="button" onClick={() => onChange({ ...value, shots: move(shots, i, i + 1) })} disabled={i === shots.length - 1} aria-label={`Move shot ${i + 1} later`}>
                →
              </button>
              <button type="button" onClick={() => onChange({ ...value, shots: shots.filter((_, j) => j !== i) })} disabled={shots.length === 1} aria-label={`Remove shot ${i + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="inline wrap">
        <button type="button" onClick={() => onChange({ ...value, shots: [...shots, emptyShot()] })} disabled={shots.length >= 8}>
          Add shot
        </button>
        <label htmlFor="transition" className="inline-label">
          Transition
        </label>
        <select id="transition" value={value.transition} onChange={(e) => onChange({ ...value, transition: e.target.value as Storyboard['transition'] })}>
          <option value="cut">Cut</option>
          <option value="crossfade">Crossfade</option>
        </select>
        <span className={`small ${problem ? 'warn' : 'muted'}`}>{problem ?? `${total} s in all`}</span>
      </div>
    </fieldset>
  );
}
