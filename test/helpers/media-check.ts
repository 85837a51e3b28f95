import { resolveMediaTools } from '../../src/media/ffmpeg-binaries.js';
import { probeMedia } from '../../src/media/probe.js';

/** What ffprobe says of a file: the facts a user would check in a player. */
export async function describeVideo(file: string) {
  const tools = await resolveMediaTools();
  const info = await probeMedia(tools, file);
  const video = info.streams.find((s) => s.type === 'video');
  const audio = info.streams.find((s) => s.type === 'audio');
  return { duration: info.durationSeconds, video, audio, format: info.format };
}
