import fs from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';

/** What the official C2PA reader (c2pa-rs compiled to WASM) reports about a file. */
export interface C2paReading {
  validation_state: 'Invalid' | 'Valid' | 'Trusted';
  active_manifest: string;
  manifests: Record<string, { claim_generator_info?: Array<{ name: string; version?: string }>; assertions: Array<{ label: string; data: unknown }>; signature_info?: { alg: string; issuer: string; common_name: string } }>;
  validation_results?: { activeManifest?: { success: Array<{ code: string }>; failure: Array<{ code: string; explanation?: string }> } };
}

let initialised = false;

/**
 * Reads an MP4 with c2pa-rs, the reference implementation, as an independent check of what c2pa-ts wrote. The WASM
 * loads from node_modules (nothing is fetched). `trustAnchors` (PEM) are the roots it may trust.
 */
export async function readWithC2paRs(bytes: Uint8Array, trustAnchors?: string): Promise<C2paReading> {
  if (!initialised) {
    initSync({ module: fs.readFileSync(createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
    initialised = true;
  }
  const settings = trustAnchors ? JSON.stringify({ trust: { trust_anchors: trustAnchors } }) : null;
  const reader = await WasmReader.fromBytes('video/mp4', new Uint8Array(bytes), settings);
  try {
    return JSON.parse(reader.json()) as C2paReading;
  } finally {
    reader.free();
  }
}

/** The data of the active manifest's assertion with this label. */
export function assertionData<T>(reading: C2paReading, label: string): T | undefined {
  return reading.manifests[reading.active_manifest]?.assertions.find((a) => a.label === label)?.data as T | undefined;
}
