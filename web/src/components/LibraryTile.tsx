import { useEffect } from 'react';
import { contentUrl } from '../api/client';
import type { Video } from '../api/types';
import { useVideoEvents } from '../video-events';
import { StatusBadge } from './StatusBadge';

/**
 * One video in the library grid. A running one follows its own event stream (closed once it is final), so its
 * progress and first frame show without opening it; `follow: false` when the open view above already follows it.
 */
export function LibraryTile(props: { initial: Video; open: boolean; follow: boolean; onOpen: (id: string) => void; onChange: (video: Video) => void }) {
  const { video, previewUrl } = useVideoEvents(props.initial, props.follow);
  const { onChange } = props;
  useEffect(() => onChange(video), [video, onChange]);

  return (
    <button type="button" className="tile" onClick={() => props.onOpen(video.id)} aria-pressed={props.open} data-video-id={video.id}>
      {video.status === 'completed' ? (
        <img src={contentUrl(video.id, 'thumbnail')} alt="" loading="lazy" />
      ) : (
        <span className="tile-placeholder">
          {previewUrl && video.status !== 'failed' && <img src={previewUrl} alt="" />}
          <span className="tile-progress">{video.status === 'failed' ? '!' : `${video.progress}%`}</span>
        </span>
      )}
      <span className="tile-text">{video.prompt}</span>
      <StatusBadge status={video.status} published={video.published_at !== null} />
    </button>
  );
}
