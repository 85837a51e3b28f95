/**
 * Fluent art made from other Fluent art, for nouns the emoji set draws only as a head. Every emoji set draws the
 * unicorn as a face; a unicorn that gallops is Fluent's galloping horse, recoloured white with a lilac mane, plus a
 * golden horn drawn in the horse icon's own 32-unit grid.
 */
import type { IconData } from './icon-sets.js';

const HORN = '<path fill="#f5c542" d="M4.3 4.6L1.6.4l3.9 3.2z"/>'
  + '<path fill="none" stroke="#c8921a" stroke-width=".3" stroke-linecap="round" d="M3.3 3.5l1.1-.9M2.5 2.3l.8-.6"/>';

const derived: Readonly<Record<string, { from: string; make: (body: string) => string }>> = {
  'unicorn-body': {
    from: 'horse',
    make: (body) => body
      .replaceAll('#a56953', '#f7f3fc') // coat
      .replaceAll('#6d4534', '#d8d0ea') // far legs, in shadow
      .replaceAll('#e39d89', '#f4c2d4') // muzzle
      .replace('#1c1c1c', '#b889f2') + HORN, // only the first dark path: mane and tail (the eye stays black)
  },
};

/** A derived icon built from its base icon, or null when the name is not a derived icon. */
export function derivedIcon(name: string, base: (name: string) => IconData | null): IconData | null {
  const recipe = derived[name];
  const source = recipe && base(recipe.from);
  return recipe && source ? { ...source, body: recipe.make(source.body) } : null;
}
