/**
 * Fluent art made from other Fluent art, for nouns the emoji set draws only as a head. Every emoji set draws the
 * unicorn as a face; a unicorn that gallops is Fluent's galloping horse, recoloured white with a lilac mane, plus a
 * golden horn drawn in the horse icon's own 32-unit grid. The fox and the wolf are Fluent's walking dog made a wild
 * canid: the floppy ear becomes an upright pointed one, the curled tail is cut away for a bushy one held out behind,
 * the muzzle turns pale and the tongue goes.
 */
import type { IconData } from './icon-sets.js';

const HORN = '<path fill="#f5c542" d="M4.3 4.6L1.6.4l3.9 3.2z"/>'
  + '<path fill="none" stroke="#c8921a" stroke-width=".3" stroke-linecap="round" d="M3.3 3.5l1.1-.9M2.5 2.3l.8-.6"/>';

interface CanidCoat {
  coat: string;
  /** The far legs and the inside of the ear, in shadow. */
  dark: string;
  /** Belly, chest and muzzle. */
  pale: string;
  tailTip: string;
}

/** A recipe turning Fluent's dog (side view, facing left, 32-unit grid) into a wild canid of these colours. */
function canid(id: string, { coat, dark, pale, tailTip }: CanidCoat): (body: string) => string {
  // Everything of the dog above its back, right of its head, is the curled tail.
  const clip = `<clipPath id="${id}-no-curl"><path d="M0 0H18.5V11.4H23.5L26.4 13L27.3 15.6H32V32H0z"/></clipPath>`;
  const tail = `<path fill="${coat}" d="M25.2 13C27.4 10.9 29.3 9.2 31.7 8.2C32.1 10.3 31.6 13 29.6 15.1C28.5 16.2 27.2 16.7 26.2 16.5z"/>`
    + `<path fill="${tailTip}" d="M29.6 9.3C30.3 8.9 31 8.5 31.7 8.2C32 9.4 31.9 10.8 31.4 12C31 11 30.4 10 29.6 9.3z"/>`;
  const muzzle = `<path fill="${pale}" d="M2.2 12.6H7V15.1C5 15.3 3.2 14.4 2.2 12.6z"/>`;
  const ear = `<path fill="${coat}" d="M9.1 8.6L10.3 3.4l3.1 5z"/><path fill="${dark}" d="M9.9 7.7l.5-2.6l1.7 2.6z"/>`;
  return (body) => clip + body
    .replace(/<path fill="#f8312f"[^>]*\/>/, '') // the tongue
    .replace(/<path fill="#d3883e" d="M9 7h3[^>]*\/>/, '') // the floppy ear
    .replace('<g fill="none">', `<g fill="none" clip-path="url(#${id}-no-curl)">`)
    .replaceAll('#f3ad61', coat)
    .replaceAll('#d3883e', dark)
    .replaceAll('#ffdea7', pale) + tail + muzzle + ear;
}

const derived: Readonly<Record<string, { from: string; make: (body: string) => string }>> = {
  'unicorn-body': {
    from: 'horse',
    make: (body) => body
      .replaceAll('#a56953', '#f7f3fc') // coat
      .replaceAll('#6d4534', '#d8d0ea') // far legs, in shadow
      .replaceAll('#e39d89', '#f4c2d4') // muzzle
      .replace('#1c1c1c', '#b889f2') + HORN, // only the first dark path: mane and tail (the eye stays black)
  },
  'fox-body': { from: 'dog', make: canid('fox', { coat: '#e8782a', dark: '#3a2418', pale: '#fff6ea', tailTip: '#fff6ea' }) },
  'wolf-body': { from: 'dog', make: canid('wolf', { coat: '#8d929b', dark: '#4d5058', pale: '#e9eaec', tailTip: '#3b3d42' }) },
};

/** A derived icon built from its base icon, or null when the name is not a derived icon. */
export function derivedIcon(name: string, base: (name: string) => IconData | null): IconData | null {
  const recipe = derived[name];
  const source = recipe && base(recipe.from);
  return recipe && source ? { ...source, body: recipe.make(source.body) } : null;
}
