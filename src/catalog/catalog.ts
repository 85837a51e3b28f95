import { ArtistsRepository } from './artists-repository.js';
import { AuditRepository } from './audit-repository.js';
import { ControlRepository } from './control-repository.js';
import { openDatabase, type DialectName } from './database.js';
import { FilesRepository } from './files-repository.js';
import { GalleryRepository } from './gallery-repository.js';
import { IdempotencyRepository } from './idempotency-repository.js';
import { KeysRepository } from './keys-repository.js';
import { LedgerRepository } from './ledger-repository.js';
import type { Database } from './schema.js';
import { SessionsRepository } from './sessions-repository.js';
import { VideosRepository } from './videos-repository.js';
import { WorkersRepository } from './workers-repository.js';
import { WebhooksRepository } from './webhooks-repository.js';
import type { Kysely } from 'kysely';

/** The metadata store: one database handle and the repositories over it. */
export interface Catalog {
  db: Kysely<Database>;
  dialect: DialectName;
  keys: KeysRepository;
  videos: VideosRepository;
  idempotency: IdempotencyRepository;
  files: FilesRepository;
  sessions: SessionsRepository;
  gallery: GalleryRepository;
  artists: ArtistsRepository;
  control: ControlRepository;
  audit: AuditRepository;
  ledger: LedgerRepository;
  workers: WorkersRepository;
  webhooks: WebhooksRepository;
  close: () => Promise<void>;
}

export async function openCatalog(url: string): Promise<Catalog> {
  const { db, dialect, close } = await openDatabase(url);
  return {
    db,
    dialect,
    keys: new KeysRepository(db),
    videos: new VideosRepository(db),
    idempotency: new IdempotencyRepository(db),
    files: new FilesRepository(db),
    sessions: new SessionsRepository(db),
    gallery: new GalleryRepository(db),
    artists: new ArtistsRepository(db),
    control: new ControlRepository(db),
    audit: new AuditRepository(db),
    ledger: new LedgerRepository(db, dialect),
    workers: new WorkersRepository(db),
    webhooks: new WebhooksRepository(db),
    close,
  };
}
