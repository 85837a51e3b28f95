import { z } from 'zod';
import type { ArtistFields, ArtistsRepository } from '../catalog/artists-repository.js';
import { artistPolicies, type Artist, type ArtistCredit } from '../domain/artist.js';
import { ApiError, badRequest } from '../domain/errors.js';
import { ConsentScreen, wordsOf } from '../policy/consent-screen.js';
import { parseInput } from './video-request.js';
import { unixSeconds } from '../domain/unix-time.js';

/** A name, alias or style phrase: something a prompt can contain, with at least two letters or digits to match on. */
const phraseSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => wordsOf(text).join('').length >= 2, { error: 'a phrase needs at least two letters or digits' });
const phrasesSchema = z.array(phraseSchema).max(50, { error: 'at most 50 phrases' });
const feeSchema = z.number().int().min(1).max(1_000_000);

const artistFieldsSchema = {
  name: phraseSchema,
  aliases: phrasesSchema,
  style_keywords: phrasesSchema,
  policy: z.enum(artistPolicies),
  fee_per_second: feeSchema.nullable(),
};
export const createArtistSchema = z
  .object({ ...artistFieldsSchema, aliases: phrasesSchema.default([]), style_keywords: phrasesSchema.default([]), fee_per_second: feeSchema.optional() })
  .strict();
export const updateArtistSchema = z.object(artistFieldsSchema).partial().strict();
export type CreateArtistBody = z.input<typeof createArtistSchema>;
export type UpdateArtistBody = z.input<typeof updateArtistSchema>;

/** The wire form of an artist, in OpenAI's style: snake_case, `object`, Unix seconds. */
export interface ArtistObject {
  id: string;
  object: 'artist';
  name: string;
  aliases: string[];
  style_keywords: string[];
  policy: Artist['policy'];
  fee_per_second: number | null;
  created_at: number;
  updated_at: number;
}

export const toArtistObject = (artist: Artist): ArtistObject => ({
  id: artist.id,
  object: 'artist',
  name: artist.name,
  aliases: artist.aliases,
  style_keywords: artist.styleKeywords,
  policy: artist.policy,
  fee_per_second: artist.feePerSecond,
  created_at: unixSeconds(artist.createdAt),
  updated_at: unixSeconds(artist.updatedAt),
});

export const artistNotFound = (id: string): ApiError => new ApiError(404, `No artist found with id '${id}'.`, { param: 'artist_id', code: 'artist_not_found' });

/** A prompt to screen, and the parameter it came in, so a refusal points at it. */
export interface ScreenedPrompt {
  text: string;
  param: string;
}

/** Each artist once, in the order first credited. */
export function mergeCredits(...lists: ReadonlyArray<readonly ArtistCredit[]>): ArtistCredit[] {
  const seen = new Set<string>();
  return lists.flat().filter((credit) => !seen.has(credit.artist_id) && seen.add(credit.artist_id));
}

/**
 * The artist consent registry (what the operator records for each artist) and the screening of prompts against
 * it: a denied artist refuses the request, a credited or licensed one is recorded on the video.
 */
export class ArtistService {
  constructor(private readonly artists: ArtistsRepository) {}

  async create(input: unknown): Promise<Artist> {
    const body = parseInput(createArtistSchema, input);
    const fields = checkFee({ name: body.name, aliases: body.aliases, styleKeywords: body.style_keywords, policy: body.policy, feePerSecond: body.fee_per_second ?? null });
    await this.checkPhrasesFree(fields, undefined);
    return this.artists.create(fields);
  }

  list(): Promise<Artist[]> {
    return this.artists.list();
  }

  async get(id: string): Promise<Artist> {
    const artist = await this.artists.find(id);
    if (!artist) throw artistNotFound(id);
    return artist;
  }

  /** Changes only the fields given; leaving `license` drops the fee, and choosing it needs one. */
  async update(id: string, input: unknown): Promise<Artist> {
    const body = parseInput(updateArtistSchema, input);
    const current = await this.get(id);
    const policy = body.policy ?? current.policy;
    const fields = checkFee({
      name: body.name ?? current.name,
      aliases: body.aliases ?? current.aliases,
      styleKeywords: body.style_keywords ?? current.styleKeywords,
      policy,
      feePerSecond: body.fee_per_second !== undefined ? body.fee_per_second : policy === 'license' ? current.feePerSecond : null,
    });
    await this.checkPhrasesFree(fields, id);
    const updated = await this.artists.update(id, fields);
    if (!updated) throw artistNotFound(id);
    return updated;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.artists.remove(id))) throw artistNotFound(id);
  }

  /**
   * The artists to credit for these prompts; a 403 naming the first denied artist found (in the first prompt that
   * names one), so nothing is made in the name of someone who refused.
   */
  async screen(prompts: readonly ScreenedPrompt[]): Promise<ArtistCredit[]> {
    const wanted = prompts.filter((prompt) => prompt.text.trim() !== '');
    if (wanted.length === 0) return [];
    const screen = new ConsentScreen(await this.artists.list());
    const credits: ArtistCredit[] = [];
    for (const { text, param } of wanted) {
      const matches = screen.find(text);
      const denied = matches.find((m) => m.artist.policy === 'deny');
      if (denied) {
        const how = denied.by === 'name' ? '' : ` (by ${denied.by === 'alias' ? 'the name' : 'the style'} '${denied.phrase}')`;
        throw new ApiError(
          403,
          `'${param}' refers to the artist ${denied.artist.name}${how}, who has not consented to the use of their name or style. Remove the reference and try again.`,
          { param, code: 'artist_consent_denied' },
        );
      }
      for (const { artist } of matches) {
        if (artist.policy !== 'deny') credits.push({ artist_id: artist.id, name: artist.name, policy: artist.policy });
      }
    }
    return mergeCredits(credits);
  }

  /** A phrase that refers to two artists could never be screened fairly: each belongs to one artist. */
  private async checkPhrasesFree(fields: ArtistFields, ownId: string | undefined): Promise<void> {
    const key = (phrase: string): string => wordsOf(phrase).join(' ');
    const own: Array<[string, string]> = [
      [fields.name, 'name'],
      ...fields.aliases.map((alias): [string, string] => [alias, 'aliases']),
      ...fields.styleKeywords.map((keyword): [string, string] => [keyword, 'style_keywords']),
    ];
    const taken = new Map<string, Artist>();
    for (const other of await this.artists.list()) {
      if (other.id === ownId) continue;
      for (const phrase of [other.name, ...other.aliases, ...other.styleKeywords]) taken.set(key(phrase), other);
    }
    for (const [phrase, param] of own) {
      const holder = taken.get(key(phrase));
      if (holder) {
        throw new ApiError(409, `'${phrase}' already refers to the artist ${holder.name} (${holder.id}); a name, alias or style phrase belongs to one artist.`, {
          param,
          code: 'artist_phrase_taken',
        });
      }
    }
  }
}

function checkFee(fields: ArtistFields): ArtistFields {
  if (fields.policy === 'license' && fields.feePerSecond === null) {
    throw badRequest("Missing required parameter: 'fee_per_second' (integer credits per generated second) for the 'license' policy.", 'fee_per_second', 'missing_required_parameter');
  }
  if (fields.policy !== 'license' && fields.feePerSecond !== null) {
    throw badRequest(`'fee_per_second' applies only to the 'license' policy, not '${fields.policy}'.`, 'fee_per_second', 'unsupported_parameter');
  }
  return fields;
}
