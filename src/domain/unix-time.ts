/** Milliseconds since the epoch (how the catalog keeps time) as the Unix seconds every API object shows. */
export function unixSeconds(ms: number): number;
export function unixSeconds(ms: number | null): number | null;
export function unixSeconds(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / 1000);
}
