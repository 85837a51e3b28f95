import { useState, type FormEvent, type ReactNode } from 'react';
import { post } from '../api/client';
import type { Video } from '../api/types';
import { useAction } from '../use-action';
import { ErrorNote } from './ErrorNote';

/** A small form that posts one operation and hands over the new (queued) video. */
function OperationForm(props: { title: string; submitLabel: string; run: () => Promise<Video>; onCreated: (video: Video) => void; children: ReactNode }) {
  const { busy, error, run, clearError } = useAction();
  function submit(event: FormEvent): void {
    event.preventDefault();
    void run(async () => props.onCreated(await props.run()));
  }
  return (
    <form className="tool" onSubmit={submit}>
      <h4>{props.title}</h4>
      {props.children}
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : props.submitLabel}
      </button>
      <ErrorNote error={error} onDismiss={clearError} />
    </form>
  );
}

/** Trim handles over the clip's timeline (two sliders, so keys and touch work), and an optional longer length. */
function Recut({ video, onCreated }: { video: Video; onCreated: (video: Video) => void }) {
  const length = Number(video.seconds);
  const [start, setStart] = useState(0);
  const [end, setEnd] = useState(length);
  const [extendTo, setExtendTo] = useState('');
  const [mode, setMode] = useState<'loop' | 'hold'>('loop');
  const id = video.id;
  return (
    <OperationForm
      title="Re-cut"
      submitLabel="Re-cut"
      onCreated={onCreated}
      run={() => post<Video>(`/v1/videos/${id}/recut`, { start, end, ...(extendTo ? { extend_to: Number(extendTo), extend_mode: mode } : {}) })}
    >
      <div className="trim" aria-hidden="true">
        <span className="trim-kept" style={{ left: `${(start / length) * 100}%`, width: `${((end - start) / length) * 100}%` }} />
      </div>
      <label htmlFor={`start-${id}`}>Start: {start.toFixed(2)} s</label>
      <input id={`start-${id}`} type="range" min={0} max={length} step={0.05} value={start} onChange={(e) => setStart(Math.min(Number(e.target.value), end - 0.05))} />
      <label htmlFor={`end-${id}`}>End: {end.toFixed(2)} s</label>
      <input id={`end-${id}`} type="range" min={0} max={length} step={0.05} value={end} onChange={(e) => setEnd(Math.max(Number(e.target.value), start + 0.05))} />
      <div className="inline wrap">
        <label htmlFor={`extend-${id}`} className="inline-label">
          Make it last (s)
        </label>
        <input id={`extend-${id}`} className="shot-seconds" type="number" min={1} step={0.5} placeholder="as cut" value={extendTo} onChange={(e) => setExtendTo(e.target.value)} />
        <select aria-label="How to fill the extra time" value={mode} onChange={(e) => setMode(e.target.value as 'loop' | 'hold')}>
          <option value="loop">by looping</option>
          <option value="hold">by holding the last frame</option>
        </select>
      </div>
    </OperationForm>
  );
}

/** This video's end dissolving into another of one's completed videos. */
function Blend({ video, others, onCreated }: { video: Video; others: Video[]; onCreated: (video: Video) => void }) {
  const candidates = others.filter((other) => other.id !== video.id && other.status === 'completed');
  const [partner, setPartner] = useState('');
  const [transition, setTransition] = useState(1);
  const chosen = partner || candidates[0]?.id || '';
  if (candidates.length === 0) return <p className="small muted">Make another video to blend this one with.</p>;
  return (
    <OperationForm
      title="Blend"
      submitLabel="Blend"
      onCreated={onCreated}
      run={() => post<Video>('/v1/videos/blends', { video_a: video.id, video_b: chosen, transition_seconds: transition })}
    >
      <label htmlFor={`blend-${video.id}`}>Into</label>
      <select id={`blend-${video.id}`} value={chosen} onChange={(e) => setPartner(e.target.value)}>
        {candidates.map((other) => (
          <option key={other.id} value={other.id}>
            {other.prompt.slice(0, 60)}
          </option>
        ))}
      </select>
      <label htmlFor={`blend-seconds-${video.id}`}>Dissolve: {transition} s</label>
      <input id={`blend-seconds-${video.id}`} type="range" min={0.25} max={3} step={0.25} value={transition} onChange={(e) => setTransition(Number(e.target.value))} />
    </OperationForm>
  );
}

/** The operations on a finished video, folded away until asked for. */
export function VideoTools(props: { video: Video; others: Video[]; onCreated: (video: Video) => void }) {
  return (
    <details className="tools">
      <summary>Re-cut or blend</summary>
      <div className="tools-body">
        <Recut video={props.video} onCreated={props.onCreated} />
        <Blend video={props.video} others={props.others} onCreated={props.onCreated} />
      </div>
    </details>
  );
}
