import { useRef, useState } from 'react';

/** The browser's own player (seek, volume, fullscreen, keyboard) plus loop and fullscreen as plain buttons. */
export function Player({ src, poster, size }: { src: string; poster: string; size: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  // Clips are short: looping by default lets them be watched a few times without reaching for the controls.
  const [loop, setLoop] = useState(true);
  const [w, h] = size.split('x').map(Number);
  return (
    <div className="player">
      <video ref={ref} src={src} poster={poster} controls playsInline loop={loop} preload="metadata" width={w} height={h} aria-label="Video player" />
      <div className="inline">
        <button type="button" aria-pressed={loop} onClick={() => setLoop(!loop)}>
          Loop
        </button>
        <button type="button" onClick={() => void ref.current?.requestFullscreen()}>
          Fullscreen
        </button>
      </div>
    </div>
  );
}
