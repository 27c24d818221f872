/**
 * The persons registry: N people with four-part names as clerks type them, a Latin
 * transliteration, sex, a date of birth from a young population's age pyramid, a home
 * governorate, and a unique 9-digit national ID with the check digit of Palestinian ID numbers.
 * Matters then pick their accused, victims and witnesses here by governorate, sex and age on the
 * incident date, so the same person can appear in several matters, as in life.
 *
 * Only compact arrays are kept per person (birth day, sex, governorate); rows are produced in
 * chunks and the ids recomputed from the index.
 */
import { DAY_MS, dayToDate } from './calendar';
import type { IdFactory } from './ids';
import { drawName } from './names';
import { GOVERNORATES } from './organisation-spec';
import { Rng, Weighted } from './random';
import { ts, type Row } from './rows';

const AGE_BANDS = new Weighted<readonly [number, number]>([
  [[0, 11], 0.13],
  [[12, 17], 0.12],
  [[18, 24], 0.16],
  [[25, 34], 0.2],
  [[35, 44], 0.16],
  [[45, 59], 0.15],
  [[60, 90], 0.08],
]);
const NATIONALITIES = new Weighted<string>([
  ['PS', 960],
  ['JO', 18],
  ['EG', 8],
  ['IL', 6],
  ['SY', 4],
  ['US', 4],
]);
const GOVERNORATE_WEIGHTS = new Weighted(GOVERNORATES.map((g, i) => [i, g.weight] as const));
const ID_SPACE = 60_000_000;
const ID_STEP = 48_271;
const NO_BIRTH = -1_000_000;

/** The check digit of an 8-digit base (Luhn-like weights 1,2,1,2…, as on Palestinian IDs). */
export function nationalIdCheckDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i += 1) {
    const product = Number(base[i]) * (i % 2 === 0 ? 1 : 2);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export interface PersonFilter {
  governorate: number;
  sex: 'female' | 'male';
  /** The age wanted on `onDay`, and how far from it is still acceptable. */
  age: number;
  minAge: number;
  maxAge: number;
  onDay: number;
}

export class PersonsRegistry {
  readonly birthDay: Int32Array;
  readonly isFemale: Uint8Array;
  readonly governorate: Uint8Array;
  private bucketStart = new Int32Array(0);
  private bucketItems = new Int32Array(0);
  private readonly minYear: number;
  private readonly years: number;

  constructor(
    readonly size: number,
    private readonly seed: string,
    private readonly asOfDay: number,
  ) {
    this.birthDay = new Int32Array(size);
    this.isFemale = new Uint8Array(size);
    this.governorate = new Uint8Array(size);
    this.minYear = new Date(asOfDay * DAY_MS).getUTCFullYear() - 92;
    this.years = 94;
  }

  /**
   * Draws every person and hands their rows to `sink` in chunks (persons are written before any
   * file). `takenIds`: national IDs already in the database, skipped.
   */
  async generate(
    ids: IdFactory,
    createdAt: number,
    takenIds: ReadonlySet<string>,
    sink: (rows: Row[]) => Promise<void>,
  ): Promise<void> {
    const rng = new Rng(this.seed, 'persons');
    const created = ts(createdAt);
    let idCursor = 0;
    let chunk: Row[] = [];
    for (let i = 0; i < this.size; i += 1) {
      const gov = GOVERNORATE_WEIGHTS.draw(rng);
      const female = rng.chance(0.495);
      const [minAge, maxAge] = AGE_BANDS.draw(rng);
      const ageDays = rng.int(minAge * 365 + 1, maxAge * 365 + 364);
      const hasBirth = rng.chance(0.99);
      const birth = this.asOfDay - ageDays;
      this.birthDay[i] = hasBirth ? birth : NO_BIRTH;
      this.isFemale[i] = female ? 1 : 0;
      this.governorate[i] = gov;
      const nationality = NATIONALITIES.draw(rng);
      let nationalId: string | null = null;
      if (nationality === 'PS' || rng.chance(0.3)) {
        do {
          const base = String(40_000_000 + ((idCursor * ID_STEP + 1_234_567) % ID_SPACE));
          nationalId = `${base}${nationalIdCheckDigit(base)}`;
          idCursor += 1;
        } while (takenIds.has(nationalId));
      }
      const name = drawName(rng, female ? 'female' : 'male');
      const phone = rng.chance(0.85)
        ? `05${rng.pick(['9', '6'])}${rng.int(1_000_000, 9_999_999)}`
        : null;
      const spec = GOVERNORATES[gov];
      const address = rng.chance(0.9) && spec ? rng.pick(spec.areas) : null;
      chunk.push([
        ids.next('person'),
        nationalId,
        name.first,
        name.father,
        name.grandfather,
        name.family,
        name.latin,
        female ? 'female' : 'male',
        hasBirth ? dayToDate(birth) : null,
        nationality,
        phone,
        address,
        created,
        created,
      ]);
      if (chunk.length === 5000) {
        await sink(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await sink(chunk);
    this.index();
  }

  /** Buckets of person indices by governorate × sex × birth year (persons with a known birth). */
  private index(): void {
    const buckets = GOVERNORATES.length * 2 * this.years;
    const counts = new Int32Array(buckets + 1);
    const keyOf = (i: number) => this.keyOf(i);
    for (let i = 0; i < this.size; i += 1) {
      const key = keyOf(i);
      if (key >= 0) counts[key + 1] = (counts[key + 1] ?? 0) + 1;
    }
    for (let k = 1; k <= buckets; k += 1) counts[k] = (counts[k] ?? 0) + (counts[k - 1] ?? 0);
    this.bucketStart = counts.slice();
    const fill = counts.slice();
    this.bucketItems = new Int32Array(counts[buckets] ?? 0);
    for (let i = 0; i < this.size; i += 1) {
      const key = keyOf(i);
      if (key < 0) continue;
      const at = fill[key] ?? 0;
      this.bucketItems[at] = i;
      fill[key] = at + 1;
    }
  }

  private keyOf(i: number): number {
    const birth = this.birthDay[i] ?? NO_BIRTH;
    if (birth === NO_BIRTH) return -1;
    const year = new Date(birth * DAY_MS).getUTCFullYear() - this.minYear;
    if (year < 0 || year >= this.years) return -1;
    return ((this.governorate[i] ?? 0) * 2 + (this.isFemale[i] ?? 0)) * this.years + year;
  }

  ageOn(index: number, day: number): number {
    const birth = new Date((this.birthDay[index] ?? 0) * DAY_MS);
    const on = new Date(day * DAY_MS);
    let age = on.getUTCFullYear() - birth.getUTCFullYear();
    if (
      on.getUTCMonth() < birth.getUTCMonth() ||
      (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate())
    ) {
      age -= 1;
    }
    return age;
  }

  /**
   * A person of the wanted sex and age on the day, from the governorate when it has one (else
   * anywhere), never one of `exclude`. Null only when the registry has nobody that age at all.
   */
  pick(rng: Rng, filter: PersonFilter, exclude: ReadonlySet<number>): number | null {
    const onYear = new Date(filter.onDay * DAY_MS).getUTCFullYear();
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const gov = attempt < 12 ? filter.governorate : GOVERNORATE_WEIGHTS.draw(rng);
      const spread =
        attempt < 24 ? 0 : rng.int(-(filter.age - filter.minAge), filter.maxAge - filter.age);
      const year = onYear - (filter.age + spread) - rng.int(0, 1) - this.minYear;
      if (year < 0 || year >= this.years) continue;
      const key = (gov * 2 + (filter.sex === 'female' ? 1 : 0)) * this.years + year;
      const from = this.bucketStart[key] ?? 0;
      const to = this.bucketStart[key + 1] ?? 0;
      if (to <= from) continue;
      const index = this.bucketItems[from + rng.int(0, to - from - 1)] ?? 0;
      if (exclude.has(index)) continue;
      const age = this.ageOn(index, filter.onDay);
      if (age >= filter.minAge && age <= filter.maxAge) return index;
    }
    return null;
  }

  dateOfBirth(index: number): string | null {
    const birth = this.birthDay[index] ?? NO_BIRTH;
    return birth === NO_BIRTH ? null : dayToDate(birth);
  }

  sexOf(index: number): 'female' | 'male' {
    return this.isFemale[index] === 1 ? 'female' : 'male';
  }
}
