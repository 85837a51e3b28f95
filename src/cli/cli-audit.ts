import os from 'node:os';
import type { AuditEvent } from '../catalog/audit-repository.js';
import type { Catalog } from '../catalog/catalog.js';
import { withCatalog } from './keys-command.js';

/** The operator as the audit log names them: the CLI runs on their machine, as their OS user. */
export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? 'unknown'}`;
  }
}

type CliEvent = Pick<AuditEvent, 'action' | 'keyId' | 'target' | 'detail'>;

/** Writes an operator's CLI action to the audit log, in the catalog it acted on. */
export function auditCliAction(catalog: Catalog, event: CliEvent): Promise<void> {
  return catalog.audit.append({ ...event, actor: cliActor(), decision: 'accepted' });
}

/** The same, for a command that has already closed its catalog: one line after the action. */
export function recordCliAction(dataDir: string | undefined, event: CliEvent): Promise<void> {
  return withCatalog(dataDir, (catalog) => auditCliAction(catalog, event));
}
