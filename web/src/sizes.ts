/** The create form's choices, read from the sizes the model serves: an aspect, then a resolution within it. */
export type Aspect = '16:9' | '9:16' | '1:1';
export const aspects: readonly Aspect[] = ['16:9', '9:16', '1:1'];

const ratios: Record<Aspect, number> = { '16:9': 16 / 9, '9:16': 9 / 16, '1:1': 1 };

export interface SizeChoice {
  size: string;
  /** e.g. "480p", after the short side. */
  label: string;
}

export function sizesFor(aspect: Aspect, sizes: readonly string[]): SizeChoice[] {
  return sizes
    .map((size) => {
      const [w, h] = size.split('x').map(Number) as [number, number];
      return { size, w, h };
    })
    .filter(({ w, h }) => Math.abs(w / h - ratios[aspect]) < 0.02)
    .sort((a, b) => a.w * a.h - b.w * b.h)
    .map(({ size, w, h }) => ({ size, label: `${Math.min(w, h)}p` }));
}
