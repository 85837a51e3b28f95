import { useState, type FormEvent } from 'react';
import { contentUrl, del, post } from '../api/client';
import type { Video } from '../api/types';
import { isRunning } from '../video-events';
import { useAction } from '../use-action';
import { ErrorNote } from './ErrorNote';

/** The reproducible recipe of a video: what to send to make it again. */
function settingsOf(video: Video): string {
  const { prompt, model, size, seconds, seed, options } = video;
  return JSON.stringify({ prompt, model, size, seconds, seed, audio: options?.audio ?? true, loop: options?.loop ?? false, storyboard: options?.storyboard ?? undefined }, null, 2);
}

export interface VideoActionsProps {
  video: Video;
  canPublish: boolean;
  onChange: (video: Video) => void;
  onCreated: (video: Video) => void;
  onDeleted: (id: string) => void;
}

/** Everything one can do with a video, in place: download, copy, publish, remix, cancel, delete. */
export function VideoActions({ video, canPublish, onChange, onCreated, onDeleted }: VideoActionsProps) {
  const { busy, error, run: act, clearError } = useAction();
  const [note, setNote] = useState('');
  const [remixPrompt, setRemixPrompt] = useState('');

  async function copy(text: string, what: string): Promise<void> {
    await navigator.clipboard.writeText(text);
    setNote(`${what} copied.`);
  }

  function remix(event: FormEvent): void {
    event.preventDefault();
    void act(async () => {
      onCreated(await post<Video>(`/v1/videos/${video.id}/remix`, { prompt: remixPrompt }));
      setRemixPrompt('');
    });
  }

  const remove = (): Promise<void> =>
    act(async () => {
      await del(`/v1/videos/${video.id}`);
      onDeleted(video.id);
    });

  if (isRunning(video)) {
    return (
      <div className="actions">
        <button type="button" onClick={() => void remove()} disabled={busy}>
          Cancel
        </button>
        <ErrorNote error={error} />
      </div>
    );
  }

  const published = video.published_at !== null;
  return (
    <div className="actions">
      <div className="inline wrap">
        {video.status === 'completed' && (
          <>
            <a className="button" href={contentUrl(video.id)} download={`${video.id}.mp4`}>
              Download MP4
            </a>
            <button type="button" onClick={() => void act(() => copy(String(video.seed), 'Seed'))}>
              Copy seed
            </button>
            <button type="button" onClick={() => void act(() => copy(settingsOf(video), 'Settings'))}>
              Copy settings
            </button>
            {canPublish && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void act(async () => onChange(await post<Video>(`/v1/videos/${video.id}/${published ? 'unpublish' : 'publish'}`)))}
              >
                {published ? 'Unpublish' : 'Publish'}
              </button>
            )}
          </>
        )}
        <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
          Delete
        </button>
      </div>
      {published && (
        <p className="small">
          Public page: <a href={`/v/${video.id}`}>{`${location.origin}/v/${video.id}`}</a>{' '}
          <button type="button" className="link" onClick={() => void act(() => copy(`${location.origin}/v/${video.id}`, 'Link'))}>
            Copy link
          </button>
        </p>
      )}
      {video.status === 'completed' && (
        <form className="inline remix" onSubmit={remix}>
          <label htmlFor={`remix-${video.id}`} className="visually-hidden">
            Remix prompt
          </label>
          <input id={`remix-${video.id}`} placeholder="Remix: make it snow, at night…" value={remixPrompt} onChange={(e) => setRemixPrompt(e.target.value)} />
          <button type="submit" disabled={busy}>
            Remix
          </button>
        </form>
      )}
      <p className="small muted" aria-live="polite">
        {note}
      </p>
      <ErrorNote error={error} onDismiss={clearError} />
    </div>
  );
}
