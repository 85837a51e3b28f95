import { useEffect, useState } from 'react';
import type { Video } from './api/types';

export const isRunning = (video: Video): boolean => video.status === 'queued' || video.status === 'in_progress';

/**
 * Follows a video over the API's Server-Sent Events until it ends: no polling. The stream is closed as soon as the
 * video is final, since EventSource would otherwise reconnect to a stream the server has ended on purpose.
 */
export function useVideoEvents(initial: Video): { video: Video; streamError: string | null } {
  const [video, setVideo] = useState(initial);
  const [streamError, setStreamError] = useState<string | null>(null);

  useEffect(() => setVideo(initial), [initial]);

  const id = initial.id;
  const follow = isRunning(initial);
  useEffect(() => {
    if (!follow) return;
    const source = new EventSource(`/v1/videos/${encodeURIComponent(id)}/events`);
    source.addEventListener('video', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Video;
      setVideo(next);
      setStreamError(null);
      if (!isRunning(next)) source.close();
    });
    source.addEventListener('error', (event) => {
      // The server's own `event: error` carries a message (the video was deleted, say); a dropped connection does not.
      if (event instanceof MessageEvent && typeof event.data === 'string') {
        const message = (JSON.parse(event.data) as { error?: { message?: string } }).error?.message;
        setStreamError(message ?? 'The progress stream ended.');
        source.close();
      } else if (source.readyState === EventSource.CLOSED) {
        setStreamError('Lost the connection to the server; reload to follow this video again.');
      } else {
        setStreamError('Connection interrupted; reconnecting…');
      }
    });
    return () => source.close();
  }, [id, follow]);

  return { video, streamError };
}
