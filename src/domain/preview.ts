/**
 * Where a video's first-frame preview is kept: written by the worker while the render runs, read by the API as
 * `content?variant=preview`. Not one of the video's outputs: it may be missing (an engine that makes none, a store
 * that failed), and nothing in the catalog records it.
 */
export const previewKey = (videoId: string): string => `videos/${videoId}/preview.jpg`;
export const previewMime = 'image/jpeg';
