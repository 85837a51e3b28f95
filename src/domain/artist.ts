/**
 * What an artist has told the operator about the use of their name and style: refused (`deny`), allowed with a
 * credit (`credit`), or allowed for a fee per generated second, credited and paid (`license`).
 */
export const artistPolicies = ['deny', 'credit', 'license'] as const;
export type ArtistPolicy = (typeof artistPolicies)[number];

export interface Artist {
  id: string;
  name: string;
  /** Other names the artist is known by; each is screened like the name. */
  aliases: string[];
  /** Phrases that identify the artist's style as surely as their name ("dripping clocks"); screened too. */
  styleKeywords: string[];
  policy: ArtistPolicy;
  /** Integer credits per generated second; set only for `license`. */
  feePerSecond: number | null;
  createdAt: number;
  updatedAt: number;
}

/** An artist a video was made with, as recorded on the video when it was requested. */
export interface ArtistCredit {
  artist_id: string;
  name: string;
  policy: Exclude<ArtistPolicy, 'deny'>;
}
