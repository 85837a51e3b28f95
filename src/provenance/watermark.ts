import { Canvas } from '@napi-rs/canvas';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { inputArgs, outputArgs, probeClip, runEdit } from '../media/ffmpeg-edit.js';

/** The mark's side as a share of the picture's height, and its margin from the corner as a share of its side. */
const markShare = 0.14;
const marginShare = 0.3;

/** Where the mark sits in a picture of this size: the bottom-right corner (also used by tests to look for it). */
export function watermarkBox(width: number, height: number): { x: number; y: number; size: number } {
  const size = Math.max(12, Math.round(height * markShare));
  const margin = Math.round(size * marginShare);
  return { x: width - size - margin, y: height - size - margin, size };
}

/**
 * The mark: a dark rounded badge with a white "play" triangle and a ring, drawn with paths only (no font, so it
 * looks the same on every machine) and half-transparent so the picture shows through.
 */
function badgePng(size: number): Buffer {
  const canvas = new Canvas(size, size);
  const g = canvas.getContext('2d');
  const r = size * 0.22;
  g.fillStyle = 'rgba(10, 12, 20, 0.62)';
  g.beginPath();
  g.roundRect(0, 0, size, size, r);
  g.fill();
  g.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  g.lineWidth = Math.max(1.5, size * 0.07);
  g.beginPath();
  g.arc(size / 2, size / 2, size * 0.32, 0, Math.PI * 2);
  g.stroke();
  g.fillStyle = 'rgba(255, 255, 255, 0.95)';
  g.beginPath();
  g.moveTo(size * 0.42, size * 0.34);
  g.lineTo(size * 0.68, size * 0.5);
  g.lineTo(size * 0.42, size * 0.66);
  g.closePath();
  g.fill();
  return canvas.toBuffer('image/png');
}

/**
 * Draws the visible corner mark over every frame of the MP4 at `file` (rewritten in place; the sound is kept).
 * One ffmpeg overlay, so it works the same for a render and for an operation on existing videos.
 */
export async function drawWatermark(media: MediaTools, file: string, workDir: string, signal?: AbortSignal): Promise<void> {
  const clip = await probeClip(media, { file }, signal);
  const box = watermarkBox(clip.width, clip.height);
  const badge = path.join(workDir, 'watermark.png');
  await fs.promises.writeFile(badge, badgePng(box.size));
  const marked = path.join(workDir, 'watermarked.mp4');
  const args = [
    ...inputArgs({ file }),
    ...inputArgs({ file: badge }),
    '-filter_complex',
    `[0:v:0][1:v:0]overlay=${box.x}:${box.y}:format=auto,format=yuv420p[v]`,
    ...outputArgs(marked, { video: '[v]', audio: clip.hasAudio ? '0:a:0' : undefined }),
  ];
  await runEdit(media, args, clip.seconds, signal ? { signal } : {});
  await fs.promises.rename(marked, file);
}
