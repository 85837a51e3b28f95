import { useEffect, useState } from 'react';
import { get, StudioError } from './api/client';
import type { Video } from './api/types';

export const isRunning = (video: Video): boolean => video.status === 'queued' || video.status === 'in_progress';

/**
 * Follows a video over the API's Server-Sent Events until it ends: no polling. The stream is closed as soon as the
 * video is final, since EventSource would otherwise reconnect to a stream the server has ended on purpose.
 * `previewUrl` is the first-frame still, once the server announces it. `enabled: false` leaves the following to
 * someone else (a library tile whose video is open above it).
 */
export function useVideoEvents(initial: Video, enabled = true): { video: Video; previewUrl: string | null; streamError: string | null } {
  const [video, setVideo] = useState(initial);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [streamError, setStreamError] = useState<string | null>(null);

  useEffect(() => setVideo(initial), [initial]);

  const id = initial.id;
  const follow = enabled && isRunning(initial);
  useEffect(() => {
    if (!follow) return;
    const source = new EventSource(`/v1/videos/${encodeURIComponent(id)}/events`);
    source.addEventListener('preview', (event) => {
      setPreviewUrl((JSON.parse((event as MessageEvent<string>).data) as { url: string }).url);
    });
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
        // Refused (a rate limit, a suspended key…) or gone: EventSource cannot read the answer, a plain request can.
        setStreamError('Lost the connection to the server; reload to follow this video again.');
        get<Video>(`/v1/videos/${encodeURIComponent(id)}`).then(setVideo, (error: unknown) => {
          if (error instanceof StudioError) setStreamError(`${error.message} Reload to follow this video again.`);
        });
      } else {
        setStreamError('Connection interrupted; reconnecting…');
      }
    });
    return () => source.close();
  }, [id, follow]);

  return { video, previewUrl, streamError };
}
