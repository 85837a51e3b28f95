import type { Command } from 'commander';
import fs from 'node:fs';
import { loadConfig } from '../config.js';
import { existingSigningRoot } from '../provenance/signing-identity.js';
import { verifyMp4, type VerifyReport } from '../provenance/verify-mp4.js';

const yesNo = (value: boolean | null): string => (value === null ? 'n/a' : value ? 'yes' : 'no');
const isoTime = (unixSeconds: number | null): string => (unixSeconds === null ? 'unknown' : new Date(unixSeconds * 1000).toISOString());

function describe(report: VerifyReport): string {
  const lines = [`status:     ${report.status} (${report.message})`];
  if (report.copy_of) lines.push(`copy of:    ${report.copy_of.video_id} (frames ${Math.round(report.copy_of.distance * 100)} % apart)`);
  const manifest = report.manifest;
  if (report.has_manifest) {
    lines.push(`signature:  ${report.signature_valid ? 'valid' : 'INVALID'}`, `altered:    ${yesNo(report.altered)}`);
    lines.push(`this Kinora signed it: ${yesNo(report.signed_by_this_instance)}`);
  }
  if (manifest) {
    lines.push(`signer:     ${manifest.signer}${manifest.issuer ? ` (issued by ${manifest.issuer})` : ''}`, `signed at:  ${isoTime(manifest.signed_at)}`);
    lines.push(`generator:  ${manifest.claim_generator || 'unknown'}`);
    for (const action of manifest.actions) {
      const source = action.digital_source_type ? `, ${action.digital_source_type.split('/').at(-1)}` : '';
      lines.push(`action:     ${action.action}${action.software_agent ? ` by ${action.software_agent}` : ''}${source}`);
    }
    const generation = manifest.generation;
    if (generation) {
      lines.push(`video:      ${generation.video_id ?? 'a local render'} (${generation.kind}), model ${generation.model}, seed ${generation.seed}`);
      lines.push(`prompt:     sha256 ${generation.prompt_sha256}`);
      lines.push(`credits:    ${generation.credits.map((c) => c.name).join(', ') || '(none)'}`);
    }
    const tdm = Object.entries(manifest.training_mining).map(([use, choice]) => `${use.replace(/^\w+\./, '')}=${choice}`);
    if (tdm.length) lines.push(`training:   ${tdm.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `kinora verify <file>`: the same check as `POST /v1/verify`, on a local file. Exit status 0 when the file is
 * authentic, 2 when it is not (altered, invalid or without a manifest), 1 when it cannot be read.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check the C2PA provenance of an MP4: who signed it, whether the signature holds, whether it was altered')
    .argument('<file>', 'the MP4 to check')
    .option('--json', 'print JSON (the same report POST /v1/verify returns)')
    .option('--data-dir <dir>', "this instance's data directory, to say whether it signed the file")
    .action(async (file: string, options: { json?: boolean; dataDir?: string }) => {
      const config = loadConfig(process.env, { dataDir: options.dataDir });
      const root = existingSigningRoot({ certPath: config.provenance.signingCertPath, dataDir: config.dataDir });
      const report = await verifyMp4(await fs.promises.readFile(file), root);
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
      if (report.status !== 'authentic') process.exitCode = 2;
    });
}
