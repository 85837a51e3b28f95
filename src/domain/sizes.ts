/**
 * Output sizes Kinora accepts: OpenAI's four Sora sizes first (so scripts written for OpenAI run unchanged), then
 * the 1080p, square and 480p sizes of the three aspect ratios the studio offers.
 */
export const openAiSizes = ['720x1280', '1280x720', '1024x1792', '1792x1024'] as const;
export const kinoraSizes = [
  ...openAiSizes,
  '1920x1080', '1080x1920', '1080x1080', '720x720', '854x480', '480x854',
] as const;
export type VideoSize = (typeof kinoraSizes)[number];

export function parseSize(size: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) throw new Error(`not a WIDTHxHEIGHT size: ${size}`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** OpenAI's defaults, kept so an SDK call with no size/seconds behaves as it does against OpenAI. */
export const defaultSize: VideoSize = '720x1280';
export const defaultSeconds = 4;
