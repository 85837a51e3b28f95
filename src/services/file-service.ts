import { buffer } from 'node:stream/consumers';
import type { BlobStore } from '../blobs/blob-store.js';
import type { FilesRepository, StoredFile } from '../catalog/files-repository.js';
import type { Config } from '../config.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { checkReferenceImage } from '../media/reference-image.js';
import type { UploadedFile } from './video-request.js';
import { unixSeconds } from '../domain/unix-time.js';

/** Bidi overrides and control characters make a name display as something else; they never belong in one. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeNameCharacters = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** The uploader's file name, reduced to something safe to show back: no folders, no control or bidi characters. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(unsafeNameCharacters, '').trim().slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
}

export const fileNotFound = (id: string): ApiError => new ApiError(404, `No file found with id '${id}'.`, { param: 'file_id', code: 'file_not_found' });

/** Uploaded reference images, kept so that `input_reference: {file_id}` can point at them. */
export class FileService {
  constructor(private readonly deps: { config: Readonly<Config>; files: FilesRepository; blobs: BlobStore }) {}

  async create(key: ApiKey, upload: { file: UploadedFile; purpose: string }): Promise<StoredFile> {
    const image = await checkReferenceImage(upload.file.buffer, { maxPixels: this.deps.config.maxImagePixels, param: 'file' });
    const id = newId('file');
    const file: StoredFile = {
      id,
      ownerKeyId: key.id,
      filename: cleanFilename(upload.file.filename),
      purpose: upload.purpose,
      bytes: image.buffer.length,
      mime: image.mime,
      width: image.width,
      height: image.height,
      blobKey: `files/${id}/content.${image.extension}`,
      createdAt: Date.now(),
    };
    await this.deps.blobs.put(file.blobKey, image.buffer);
    try {
      await this.deps.files.insert(file);
    } catch (error) {
      await this.deps.blobs.deletePrefix(`files/${id}/`);
      throw error;
    }
    return file;
  }

  async get(key: ApiKey, id: string): Promise<StoredFile> {
    const file = await this.deps.files.findOwned(id, key.id);
    if (!file) throw fileNotFound(id);
    return file;
  }

  /** The bytes of one of this key's files, for use as a reference image. */
  async read(key: ApiKey, id: string): Promise<Buffer> {
    const file = await this.get(key, id);
    return buffer(await this.deps.blobs.get(file.blobKey));
  }

  async delete(key: ApiKey, id: string): Promise<void> {
    const file = await this.deps.files.softDelete(id, key.id);
    if (!file) throw fileNotFound(id);
    await this.deps.blobs.deletePrefix(`files/${id}/`);
  }
}

export function toFileObject(file: StoredFile) {
  return {
    id: file.id,
    object: 'file' as const,
    bytes: file.bytes,
    created_at: unixSeconds(file.createdAt),
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed' as const,
    expires_at: null,
    status_details: null,
  };
}

