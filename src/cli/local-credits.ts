import fs from 'node:fs';
import { openCatalog } from '../catalog/catalog.js';
import type { ArtistCredit } from '../domain/artist.js';
import { ArtistService } from '../services/artist-service.js';

/**
 * Screens a local render's prompt against the artist registry of this data directory, as the API would: a denied
 * artist refuses it (the error names them), credited and licensed ones are returned for the manifest. A data
 * directory that never held a catalog has no registry, and none is created just to find that out.
 */
export async function localCredits(databaseUrl: string, prompt: string): Promise<ArtistCredit[]> {
  if (databaseUrl.startsWith('sqlite://') && !fs.existsSync(databaseUrl.slice('sqlite://'.length))) return [];
  const catalog = await openCatalog(databaseUrl);
  try {
    return await new ArtistService(catalog.artists).screen([{ text: prompt, param: 'prompt' }]);
  } finally {
    await catalog.close();
  }
}
