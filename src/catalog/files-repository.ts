import type { Kysely, Selectable } from 'kysely';
import type { Database, FileTable } from './schema.js';

export interface StoredFile {
  id: string;
  ownerKeyId: string;
  filename: string;
  purpose: string;
  bytes: number;
  mime: string;
  width: number;
  height: number;
  blobKey: string;
  createdAt: number;
}

function toFile(row: Selectable<FileTable>): StoredFile {
  return {
    id: row.id,
    ownerKeyId: row.owner_key_id,
    filename: row.filename,
    purpose: row.purpose,
    bytes: row.bytes,
    mime: row.mime,
    width: row.width,
    height: row.height,
    blobKey: row.blob_key,
    createdAt: row.created_at,
  };
}

/** Uploaded files, owner-scoped like videos: another key's file id is simply not found. */
export class FilesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(file: StoredFile): Promise<void> {
    await this.db
      .insertInto('files')
      .values({
        id: file.id, owner_key_id: file.ownerKeyId, filename: file.filename, purpose: file.purpose, bytes: file.bytes,
        mime: file.mime, width: file.width, height: file.height, blob_key: file.blobKey, created_at: file.createdAt,
      })
      .execute();
  }

  async findOwned(id: string, ownerKeyId: string): Promise<StoredFile | undefined> {
    const row = await this.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', id)
      .where('owner_key_id', '=', ownerKeyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && toFile(row);
  }

  async softDelete(id: string, ownerKeyId: string, now = Date.now()): Promise<StoredFile | undefined> {
    const file = await this.findOwned(id, ownerKeyId);
    if (!file) return undefined;
    await this.db.updateTable('files').set({ deleted_at: now }).where('id', '=', id).execute();
    return file;
  }
}
