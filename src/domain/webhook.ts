/** The events a webhook can receive: OpenAI's two for videos. */
export const videoEventTypes = ['video.completed', 'video.failed'] as const;
export type VideoEventType = (typeof videoEventTypes)[number];

/** Where a key's video events are POSTed, signed with its secret (Standard Webhooks). */
export interface WebhookEndpoint {
  id: string;
  ownerKeyId: string;
  /** An operator's endpoint (admin only): it receives the events of every key's videos. */
  allKeys: boolean;
  url: string;
  /** `whsec_<base64>`. */
  secret: string;
  events: VideoEventType[];
  description: string | null;
  createdAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to one endpoint, and how its attempts went. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  videoId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  lastResponse: string | null;
  deliveredAt: number | null;
  createdAt: number;
}

/** A delivery claimed by one node for one attempt, with what sending it needs. */
export interface DueDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: string;
  /** Attempts made before this one. */
  attempts: number;
  url: string;
  secret: string;
}

/** How one attempt went: `status` is null when no HTTP answer came (refused address, timeout, unreachable). */
export interface AttemptResult {
  delivered: boolean;
  status: number | null;
  error: string | null;
  response: string | null;
}
