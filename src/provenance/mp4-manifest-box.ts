/**
 * Room for a C2PA manifest store in an MP4: a top-level `uuid` box right after `ftyp`, as the C2PA spec places it.
 *
 * c2pa-ts can reserve this box itself, but only for HEIF images: it shifts every later box without rewriting the
 * chunk offsets (`stco`/`co64`) that an MP4's sample tables hold as absolute file positions, so the video would
 * point at the wrong bytes. Here the box is inserted and every chunk offset moved by its size, which is what
 * c2pa-rs does for video; c2pa-ts then finds a box of exactly the size it asks for and only fills it in.
 */

/** The UUID that marks a C2PA box (C2PA spec, "Embedding manifests into BMFF-based assets"). */
export const c2paBoxUuid = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex');

const purpose = Buffer.from('manifest\0', 'ascii');
/** size + 'uuid' + the UUID + FullBox version/flags, then the purpose and the 64-bit merkle offset. */
const boxOverhead = 8 + 16 + 4 + purpose.length + 8;

export class Mp4LayoutError extends Error {}

interface BoxSpan {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

/** The boxes directly inside [start, end); a size of 0 means "to the end", a size of 1 a 64-bit size. */
function* boxesIn(data: Buffer, start: number, end: number): Generator<BoxSpan> {
  let at = start;
  while (at + 8 <= end) {
    let size = data.readUInt32BE(at);
    let headerSize = 8;
    if (size === 1) {
      if (at + 16 > end) throw new Mp4LayoutError('truncated box header');
      size = Number(data.readBigUInt64BE(at + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < headerSize || at + size > end) throw new Mp4LayoutError('box runs past its parent');
    yield { type: data.toString('latin1', at + 4, at + 8), start: at, headerSize, end: at + size };
    at += size;
  }
}

const containerPath = ['trak', 'mdia', 'minf', 'stbl'];

/** Adds `shift` to every chunk offset of every track: the media data moves by that much. */
function shiftChunkOffsets(data: Buffer, moov: BoxSpan, shift: number): void {
  const visit = (parent: BoxSpan, depth: number): void => {
    for (const box of boxesIn(data, parent.start + parent.headerSize, parent.end)) {
      if (depth < containerPath.length && box.type === containerPath[depth]) visit(box, depth + 1);
      if (depth !== containerPath.length) continue;
      const body = box.start + box.headerSize;
      if (box.type === 'stco') {
        const count = data.readUInt32BE(body + 4);
        for (let i = 0; i < count; i++) {
          const offset = data.readUInt32BE(body + 8 + i * 4) + shift;
          if (offset > 0xffff_ffff) throw new Mp4LayoutError('chunk offset beyond 4 GiB after the manifest');
          data.writeUInt32BE(offset, body + 8 + i * 4);
        }
      } else if (box.type === 'co64') {
        const count = data.readUInt32BE(body + 4);
        for (let i = 0; i < count; i++) {
          data.writeBigUInt64BE(data.readBigUInt64BE(body + 8 + i * 8) + BigInt(shift), body + 8 + i * 8);
        }
      }
    }
  };
  visit(moov, 0);
}

/** An empty C2PA box with room for `manifestLength` bytes of JUMBF. */
function emptyManifestBox(manifestLength: number): Buffer {
  const box = Buffer.alloc(boxOverhead + manifestLength);
  box.writeUInt32BE(box.length, 0);
  box.write('uuid', 4, 'latin1');
  c2paBoxUuid.copy(box, 8);
  purpose.copy(box, 28);
  return box;
}

/**
 * A copy of `mp4` with an empty C2PA box of room for `manifestLength` bytes after its `ftyp`, any C2PA box it
 * had removed, and its chunk offsets moved to match. Fragmented MP4s are refused: their offsets live elsewhere.
 */
export function withManifestRoom(mp4: Buffer, manifestLength: number): Uint8Array {
  const top = [...boxesIn(mp4, 0, mp4.length)];
  if (top[0]?.type !== 'ftyp') throw new Mp4LayoutError('not an MP4: it does not start with ftyp');
  if (top.some((box) => box.type === 'moof')) throw new Mp4LayoutError('fragmented MP4s are not supported');
  const isC2paBox = (box: BoxSpan): boolean => box.type === 'uuid' && mp4.subarray(box.start + 8, box.start + 24).equals(c2paBoxUuid);
  const kept = top.filter((box) => !isC2paBox(box));
  const manifestBox = emptyManifestBox(manifestLength);

  // Where each kept box lands in the new file, and so how far the media data moves.
  const parts: Buffer[] = [];
  let written = 0;
  let mediaShift: number | undefined;
  for (const box of kept) {
    const bytes = mp4.subarray(box.start, box.end);
    if (box.type === 'mdat') {
      const shift = written - box.start;
      if (mediaShift !== undefined && mediaShift !== shift) throw new Mp4LayoutError('several mdat boxes that move apart');
      mediaShift = shift;
    }
    parts.push(bytes);
    written += bytes.length;
    if (box.type === 'ftyp') {
      parts.push(manifestBox);
      written += manifestBox.length;
    }
  }
  // Its own ArrayBuffer, starting at offset 0: c2pa-ts later writes into it through `.buffer` and assumes so.
  const out = Buffer.from(new ArrayBuffer(written));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  const moov = [...boxesIn(out, 0, out.length)].find((box) => box.type === 'moov');
  if (!moov) throw new Mp4LayoutError('no moov box');
  if (mediaShift) shiftChunkOffsets(out, moov, mediaShift);
  return new Uint8Array(out.buffer);
}
