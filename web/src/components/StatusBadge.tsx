import type { VideoStatus } from '../api/types';

const labels: Record<VideoStatus, string> = { queued: 'Queued', in_progress: 'Rendering', completed: 'Ready', failed: 'Failed' };

export function StatusBadge({ status, published }: { status: VideoStatus; published?: boolean }) {
  return (
    <span className="badges">
      <span className={`badge status-${status}`}>{labels[status]}</span>
      {published && <span className="badge published">Published</span>}
    </span>
  );
}
