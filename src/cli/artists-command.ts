import type { Command } from 'commander';
import type { Artist } from '../domain/artist.js';
import { ArtistService, toArtistObject } from '../services/artist-service.js';
import { recordCliAction } from './cli-audit.js';
import { withCatalog } from './keys-command.js';

interface ArtistOptions {
  name?: string;
  alias?: string[];
  style?: string[];
  policy?: string;
  fee?: string;
  dataDir?: string;
  json?: boolean;
}

const collect = (value: string, list: string[] | undefined): string[] => [...(list ?? []), value];

/** The options `add` and `update` share, as the API's body: only what was given. */
function bodyOf(options: ArtistOptions): Record<string, unknown> {
  return {
    ...(options.name !== undefined && { name: options.name }),
    ...(options.alias !== undefined && { aliases: options.alias }),
    ...(options.style !== undefined && { style_keywords: options.style }),
    ...(options.policy !== undefined && { policy: options.policy }),
    ...(options.fee !== undefined && { fee_per_second: Number(options.fee) }),
  };
}

function describe(artist: Artist): string {
  const fee = artist.policy === 'license' ? ` ${artist.feePerSecond}/s` : '';
  const also = [...artist.aliases, ...artist.styleKeywords.map((k) => `style: ${k}`)];
  return `${artist.id}  ${`${artist.policy}${fee}`.padEnd(12)}  ${artist.name}${also.length ? `  (${also.join('; ')})` : ''}`;
}

function print(artist: Artist, json: boolean | undefined): void {
  process.stdout.write(json ? `${JSON.stringify(toArtistObject(artist), null, 2)}\n` : `${describe(artist)}\n`);
}

/** The artist consent registry, straight on the catalog (the operator's machine), with the server up or down. */
export function registerArtistsCommand(program: Command): void {
  const artists = program.command('artists').description('register artists and whether their name and style may be used');
  const withArtists = <T>(dataDir: string | undefined, run: (service: ArtistService) => Promise<T>): Promise<T> =>
    withCatalog(dataDir, (catalog) => run(new ArtistService(catalog.artists)));
  const phraseOptions = (command: Command): Command =>
    command
      .option('--alias <name>', 'another name the artist is known by (repeat for several)', collect)
      .option('--style <phrase>', 'a phrase that identifies their style, screened like a name (repeat for several)', collect)
      .option('--policy <policy>', 'deny | credit | license')
      .option('--fee <credits>', 'credits per generated second, for license')
      .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
      .option('--json', 'print JSON');

  phraseOptions(artists.command('add').description('register an artist').argument('<name>', 'the artist\'s name'))
    .action(async (name: string, options: ArtistOptions) => {
      const artist = await withArtists(options.dataDir, (s) => s.create({ ...bodyOf(options), name }));
      await recordCliAction(options.dataDir, { action: 'artists.add', keyId: null, target: artist.id });
      print(artist, options.json);
    });

  artists
    .command('list')
    .description('list registered artists')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: ArtistOptions) => {
      const list = await withArtists(options.dataDir, (s) => s.list());
      if (options.json) process.stdout.write(`${JSON.stringify(list.map(toArtistObject), null, 2)}\n`);
      else for (const artist of list) process.stdout.write(`${describe(artist)}\n`);
    });

  phraseOptions(artists.command('update').description('change an artist; --alias and --style replace their lists').argument('<id>', 'artist id (artist_…)'))
    .option('--name <name>', 'a new name')
    .action(async (id: string, options: ArtistOptions) => {
      const artist = await withArtists(options.dataDir, (s) => s.update(id, bodyOf(options)));
      await recordCliAction(options.dataDir, { action: 'artists.update', keyId: null, target: id });
      print(artist, options.json);
    });

  artists
    .command('remove')
    .description('remove an artist from the registry')
    .argument('<id>', 'artist id (artist_…)')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .action(async (id: string, options: ArtistOptions) => {
      await withArtists(options.dataDir, (s) => s.remove(id));
      await recordCliAction(options.dataDir, { action: 'artists.remove', keyId: null, target: id });
      process.stdout.write(`removed ${id}\n`);
    });
}
