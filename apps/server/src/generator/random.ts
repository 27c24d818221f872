/**
 * Seeded randomness for the data generator. Everything the generator draws comes from an `Rng`
 * whose state derives from the run's seed and a label (`persons`, `matter:1234`…), so the same
 * seed gives the same data whatever the batch size or the order rows are written in. sfc32 is
 * small, fast and passes PractRand far beyond what a data set needs; Math.random is never used.
 */

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** A 32-bit hash of a string (the run tag of generated ids). */
export function hash32(text: string): number {
  return hash128(text)[0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string, label: string) {
    [this.a, this.b, this.c, this.d] = hash128(`${seed}\u0000${label}`);
    // Warm-up: the first outputs of a freshly seeded sfc32 are correlated with the seed.
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Roughly normal (Irwin–Hall of 4), clamped to [min, max]: durations, ages, amounts. */
  around(mean: number, spread: number, min: number, max: number): number {
    const u = (this.float() + this.float() + this.float() + this.float() - 2) / 2;
    return Math.min(max, Math.max(min, mean + u * spread * 1.7));
  }

  /** A skewed positive duration: most short, a long tail (log-normal-ish). */
  skewed(median: number, min: number, max: number): number {
    const u = this.float() + this.float() + this.float() - 1.5;
    return Math.min(max, Math.max(min, median * Math.exp(u * 1.1)));
  }
}

/** Weighted choice with precomputed cumulative weights (drawn millions of times). */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of entries) {
      if (weight <= 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (sum === 0) throw new Error('weighted choice without a positive weight');
    this.total = sum;
  }

  draw(rng: Rng): T {
    const target = rng.float() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low] as T;
  }
}
