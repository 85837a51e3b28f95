import type { EngineRegistry } from '../../src/engines/registry.js';
import type { MediaTools } from '../../src/media/ffmpeg-binaries.js';
import { loadSigningIdentity } from '../../src/provenance/signing-identity.js';
import { VideoProvenanceStamp } from '../../src/provenance/video-provenance.js';

/** The worker's provenance step as `kinora serve` wires it, with an identity made on first use under `dataDir`. */
export async function testProvenanceStamp(dataDir: string, engines: EngineRegistry, media: MediaTools): Promise<VideoProvenanceStamp> {
  const identity = await loadSigningIdentity({ dataDir });
  return new VideoProvenanceStamp({ identity, engines, media, trainingMining: 'notAllowed' });
}
