import { BMFF } from '@trustnxt/c2pa-ts/asset';

/** The ftyp brands of the MP4s Kinora writes (ffmpeg's mp4 muxer) and of MP4/QuickTime files people upload. */
const mp4Brands = ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'qt  '];

/**
 * c2pa-ts 0.9 reads and hashes any ISO BMFF file, but its `BMFF.canRead` lists only the HEIF image brands, so
 * it refuses an MP4 before looking at it. Its brand list is a mutable static set: adding the MP4 brands is the
 * whole of MP4 support on the reading side (the writing side is in mp4-manifest-box.ts).
 */
export function acceptMp4Brands(): void {
  const brands = (BMFF as unknown as { canReadBrands: Set<string> }).canReadBrands;
  for (const brand of mp4Brands) brands.add(brand);
}
