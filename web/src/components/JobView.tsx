import { useEffect } from 'react';
import { contentUrl } from '../api/client';
import type { Video } from '../api/types';
import { useVideoEvents } from '../video-events';
import { PlanView } from './PlanView';
import { Player } from './Player';
import { StatusBadge } from './StatusBadge';
import { VideoActions, type VideoActionsProps } from './VideoActions';
import { VideoTools } from './VideoTools';

/** One video: live progress while it is made, the plan beside it, then the player and what to do with it. */
export function JobView(props: Omit<VideoActionsProps, 'video'> & { initial: Video; others: Video[]; guest: boolean }) {
  const { video, previewUrl, streamError } = useVideoEvents(props.initial);
  const { onChange } = props;
  useEffect(() => onChange(video), [video, onChange]);

  return (
    <article className="card job" aria-labelledby={`job-${video.id}`} data-video-id={video.id}>
      <header className="job-head">
        <h2 id={`job-${video.id}`} className="job-title">
          {video.prompt}
        </h2>
        <StatusBadge status={video.status} published={video.published_at !== null} />
      </header>
      <div className="job-body">
        <div className="job-media">
          {video.status === 'completed' ? (
            <Player src={contentUrl(video.id)} poster={contentUrl(video.id, 'thumbnail')} size={video.size} />
          ) : (
            <div className="stage" data-status={video.status}>
              {previewUrl && video.status !== 'failed' && <img className="preview-frame" src={previewUrl} alt="First frame, while the rest is drawn" />}
              <div
                className="progress"
                role="progressbar"
                aria-label="Rendering progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={video.progress}
              >
                <div className="progress-fill" style={{ width: `${video.progress}%` }} />
              </div>
              <p className="progress-text">
                {video.status === 'failed'
                  ? 'This video could not be made.'
                  : video.status === 'queued'
                    ? 'Waiting for a free worker…'
                    : `Rendering… ${video.progress}%`}
              </p>
              {video.status !== 'failed' && !previewUrl && <p className="small muted">The plan is ready; the first frames are being drawn.</p>}
            </div>
          )}
          {video.error && (
            <div className="error-note" role="alert">
              <strong>Failed:</strong> <span className="error-message">{video.error.message}</span>
            </div>
          )}
          {streamError && (
            <p className="small warn" role="status">
              {streamError}
            </p>
          )}
          <p className="small muted facts">
            {video.model} · {video.size} · {video.seconds} s · seed <code>{video.seed}</code>
            {video.options && !video.options.audio ? ' · silent' : ''}
            {video.options?.loop ? ' · loop' : ''}
            {video.provenance && (
              <>
                {' · '}
                <a href="/verify" target="_blank" rel="noopener" title={`C2PA manifest signed by ${video.provenance.signer}`}>
                  Signed · C2PA
                </a>
                {video.provenance.watermark ? ' · corner mark' : ''}
              </>
            )}
          </p>
          <VideoActions {...props} video={video} />
          {video.status === 'completed' && !props.guest && <VideoTools video={video} others={props.others} onCreated={props.onCreated} />}
        </div>
        <PlanView plan={video.plan} prompt={video.prompt} />
      </div>
    </article>
  );
}
