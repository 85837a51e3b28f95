import type { ScenePlan } from '../domain/scene-plan.js';

export interface Credit {
  /** Who made the artwork, as its licence asks them to be named. */
  name: string;
  license: string;
  url: string;
}

/** The artwork collections the built-in engine draws from (NOTICE has their full terms), by asset-id prefix. */
const collections: Record<string, Credit> = {
  'fluent-emoji-flat': { name: 'Fluent Emoji by Microsoft', license: 'MIT', url: 'https://github.com/microsoft/fluentui-emoji' },
  'game-icons': { name: 'game-icons.net by Lorc, Delapouite and contributors', license: 'CC BY 3.0', url: 'https://game-icons.net' },
};

/**
 * Who to credit for the artwork a video shows: one entry per collection its plan drew from (asset ids read
 * `collection:name`), so a share page names the artists whose work is on screen.
 */
export function artworkCredits(plan: ScenePlan | null): Credit[] {
  if (!plan) return [];
  const subjects = [...plan.subjects, ...plan.shots.flatMap((shot) => shot.subjects)];
  const prefixes = new Set(subjects.map((subject) => subject.asset.split(':')[0] ?? ''));
  return [...prefixes].flatMap((prefix) => {
    const credit = collections[prefix];
    return credit ? [credit] : [];
  });
}
