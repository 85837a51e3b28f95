import { EventEmitter } from 'node:events';

/**
 * The two signals a queue gives the workers of its own process — "work may be available" and "stop this video" —
 * whichever way they arrived (this process, or another one through Redis).
 */
export class QueueSignals {
  private readonly events = new EventEmitter();

  constructor() {
    // One listener per worker loop and per running render: there is no leak to warn about.
    this.events.setMaxListeners(0);
  }

  announceAvailable(): void {
    this.events.emit('available');
  }

  announceCancel(videoId: string): void {
    this.events.emit('cancel', videoId);
  }

  onAvailable(listener: () => void): () => void {
    this.events.on('available', listener);
    return () => this.events.off('available', listener);
  }

  onCancel(listener: (videoId: string) => void): () => void {
    this.events.on('cancel', listener);
    return () => this.events.off('cancel', listener);
  }

  clear(): void {
    this.events.removeAllListeners();
  }
}
