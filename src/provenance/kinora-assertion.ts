import { CBORBox, type IBox } from '@trustnxt/c2pa-ts/jumbf';
import { Assertion } from '@trustnxt/c2pa-ts/manifest';
import type { ArtistCredit } from '../domain/artist.js';

/** The label of Kinora's own assertion (a reverse-domain name, as C2PA asks of entity-specific assertions). */
export const kinoraAssertionLabel = 'org.kinora.generation';

/** The JUMBF type UUID of a CBOR assertion ("cbor" + the ISO base UUID suffix). */
const cborAssertionUuid = new Uint8Array(Buffer.from('63626f7200110010800000aa00389b71', 'hex'));

/**
 * What Kinora records about how a video was made. The prompt itself is not embedded (it may be private): its
 * SHA-256 lets whoever knows the prompt check it, and nobody else read it. The ids of the videos an operation was
 * made from are left out too, as on the public gallery: a published file must not point at private videos.
 */
export interface KinoraGeneration {
  /** Null for a local render (`kinora generate`), which no catalog holds. */
  video_id: string | null;
  model: string;
  seed: number;
  prompt_sha256: string;
  credits: Array<Pick<ArtistCredit, 'artist_id' | 'name'>>;
  /** 'generate', or the operation that made it from other videos ('extend', 'blend', 'recut'). */
  kind: string;
  watermark: boolean;
  /** Unix seconds when it was signed (the manifest has no trusted timestamp: Kinora signs offline). */
  signed_at: number;
}

/** c2pa-ts reads unknown labels as opaque assertions it cannot write: this one writes its content as CBOR. */
export class KinoraAssertion extends Assertion {
  override label = kinoraAssertionLabel;
  override uuid = cborAssertionUuid;

  constructor(readonly content: KinoraGeneration) {
    super();
  }

  override readContentFromJUMBF(): void {
    throw new Error('KinoraAssertion is only written; readers decode the CBOR themselves');
  }

  override generateJUMBFBoxForContent(): IBox {
    const box = new CBORBox();
    box.content = this.content;
    return box;
  }
}
