/**
 * An input video as the backdrop: ffmpeg decodes it at the output size and rate (cover-fit) and each timeline frame
 * shows the video's frame at the same time; past the video's end its last frame holds. Frames are decoded in step
 * with rendering, so only a frame per open decoder is in memory. A loop's seam asks for frames from after the end
 * before those of the head, so a second decoder is started where it is needed rather than decoding all the way there.
 */
import { ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { MediaTools } from '../../../media/ffmpeg-binaries.js';
import { startFrameDecoder, type FrameDecoder } from '../../../media/frame-decoder.js';
import type { ReferenceVideo } from '../../engine.js';
import type { ShotTrack, Timeline } from '../timeline.js';
import { lightBackdrop, type Backdrop } from './backdrop.js';

/** A decoder reads on for at most this many frames to reach a later one; further than that, another is started. */
const MAX_READ_AHEAD_SECONDS = 2;
/** Decoders open at once (the head and a loop's tail); the least recently used one beyond this is closed. */
const MAX_DECODERS = 2;
/** How close to the video's probed end a decoder is started, so one started there surely still finds frames. */
const END_MARGIN_SECONDS = 2;

/** One decoder reading forward from where it started. */
interface Lane {
  decoder: FrameDecoder;
  /** The timeline frame `pixels` shows (one before the start while nothing is read). */
  at: number;
  pixels: Uint8Array | null;
  ended: boolean;
}

class VideoBackdrop implements Backdrop {
  private lanes: Lane[] = [];
  private current: ImageData | null = null;

  constructor(
    private readonly tools: MediaTools,
    private readonly video: ReferenceVideo,
    private readonly timeline: Timeline,
    private readonly signal: AbortSignal,
  ) {}

  async load(frame: number): Promise<void> {
    const lane = this.laneFor(frame);
    while (lane.at < frame && !lane.ended) {
      const pixels = await lane.decoder.read();
      if (pixels) {
        lane.pixels = pixels;
        lane.at++;
      } else {
        lane.ended = true;
      }
    }
    if (!lane.pixels) throw new Error('the input video has no frame to draw');
    const { width, height } = this.timeline;
    this.current = new ImageData(new Uint8ClampedArray(lane.pixels.buffer, lane.pixels.byteOffset, lane.pixels.byteLength), width, height);
  }

  draw(ctx: SKRSContext2D, _frame: number, shot: ShotTrack): void {
    if (!this.current) throw new Error('VideoBackdrop.load() must finish before draw()');
    ctx.putImageData(this.current, 0, 0);
    lightBackdrop(ctx, shot, this.timeline.width, this.timeline.height);
  }

  close(): void {
    for (const lane of this.lanes.splice(0)) lane.decoder.close();
  }

  /** The open decoder that can reach `frame` by reading on (most recently used first), or a new one. */
  private laneFor(frame: number): Lane {
    const reach = Math.round(MAX_READ_AHEAD_SECONDS * this.timeline.fps);
    const usable = this.lanes
      .filter((lane) => lane.at <= frame && (lane.ended || frame - lane.at <= reach))
      .sort((a, b) => b.at - a.at)[0];
    if (usable) {
      this.lanes = [...this.lanes.filter((lane) => lane !== usable), usable];
      return usable;
    }
    const { fps } = this.timeline;
    const start = Math.min(frame, Math.max(0, Math.floor((this.video.seconds - END_MARGIN_SECONDS) * fps)));
    const decoder = startFrameDecoder(this.tools, {
      file: this.video.file, width: this.timeline.width, height: this.timeline.height, fps, start: start / fps, signal: this.signal,
    });
    const lane: Lane = { decoder, at: start - 1, pixels: null, ended: false };
    this.lanes.push(lane);
    while (this.lanes.length > MAX_DECODERS) this.lanes.shift()?.decoder.close();
    return lane;
  }
}

/** The input video as a backdrop for `timeline`; its decoders stop on `signal` or close(). */
export function openVideoBackdrop(tools: MediaTools, video: ReferenceVideo, timeline: Timeline, signal: AbortSignal): Backdrop {
  return new VideoBackdrop(tools, video, timeline, signal);
}
