/** The synthesis building blocks shared by ambience and music: filters, a fast sine, note frequencies. */

export const SAMPLE_RATE = 48_000;
export const TAU = Math.PI * 2;

/**
 * Chamberlin state-variable filter; cheap and stable for the frequencies used here. run() updates low, band and
 * high in place (no object per sample: the garbage would cost more than the filter).
 */
export class Svf {
  low = 0;
  band = 0;
  high = 0;
  constructor(private q = 0.7) {}
  run(x: number, fc: number): void {
    // 2·sin(πfc/fs) ≈ 2πfc/fs below fs/6 (error < 5 %): no transcendental call per sample.
    const f = (TAU * Math.min(fc, SAMPLE_RATE / 6)) / SAMPLE_RATE;
    this.low += f * this.band;
    this.high = x - this.low - this.q * this.band;
    this.band += f * this.high;
  }
}

/** A filter pair for stereo noise: the right side tuned a little apart (`spread`) so the two sides never match. */
export class StereoSvf {
  readonly left: Svf;
  readonly right: Svf;
  constructor(q: number) {
    this.left = new Svf(q);
    this.right = new Svf(q);
  }
  run(l: number, r: number, fc: number, spread: number): void {
    this.left.run(l, fc);
    this.right.run(r, fc * spread);
  }
}

/** One-pole low-pass: the cheapest smoothing, for noise colour and rumbles. */
export class OnePole {
  y = 0;
  private fc = -1;
  private k = 0;
  constructor(private readonly rate = SAMPLE_RATE) {}
  lowpass(x: number, fc: number): number {
    if (fc !== this.fc) {
      this.fc = fc;
      this.k = 1 - Math.exp((-TAU * fc) / this.rate);
    }
    this.y += this.k * (x - this.y);
    return this.y;
  }
}

export const midiHz = (note: number): number => 440 * 2 ** ((note - 69) / 12);

/** Table sine by cycles (x = frequency × time): ~5x cheaper than Math.sin, inaudibly different with interpolation. */
const TABLE = 8192;
const SINE = new Float32Array(TABLE + 1);
for (let i = 0; i <= TABLE; i++) SINE[i] = Math.sin((TAU * i) / TABLE);
export function sinc(x: number): number {
  const idx = (x - Math.floor(x)) * TABLE;
  const i = idx | 0;
  const a = SINE[i] as number;
  return a + ((SINE[i + 1] as number) - a) * (idx - i);
}
