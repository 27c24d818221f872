/**
 * Four-part Arabic names (first, father, grandfather, family) spelled as they are really typed,
 * with a Latin transliteration. Variation comes from the typist, so each person gets one
 * "clerk's style" applied to all four parts: hamza on alef left out, ة typed as ه, ى as ي,
 * "عبد الله" joined into "عبدالله", "أبو" joined to the name, the article left off a family name.
 * These are the variants of the persons-search test table (packages/domain/src/persons), which
 * the search must bring together; the rates are a guess at a registry's habits, not a measure.
 */
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './name-lists';
import { Weighted, type Rng } from './random';

export interface NameEntry {
  arabic: string;
  latin: readonly string[];
}

function parse(entries: readonly string[]): NameEntry[] {
  return entries.map((entry) => {
    const [arabic = '', latin = ''] = entry.split('|');
    return { arabic, latin: latin.split('/') };
  });
}

/** Earlier names are more common: weight falls off gently down each list (Zipf-like). */
function byPopularity(entries: NameEntry[]): Weighted<NameEntry> {
  return new Weighted(entries.map((entry, i) => [entry, 1 / Math.sqrt(i + 1.5)] as const));
}

const male = byPopularity(parse(MALE_NAMES));
const female = byPopularity(parse(FEMALE_NAMES));
const family = byPopularity(parse(FAMILY_NAMES));

export interface SpellingStyle {
  dropHamza: boolean;
  taAsHa: boolean;
  maqsuraAsYa: boolean;
  joinCompounds: boolean;
  joinAbu: boolean;
  dropArticle: boolean;
}

export function drawStyle(rng: Rng): SpellingStyle {
  return {
    dropHamza: rng.chance(0.3),
    taAsHa: rng.chance(0.08),
    maqsuraAsYa: rng.chance(0.1),
    joinCompounds: rng.chance(0.35),
    joinAbu: rng.chance(0.2),
    dropArticle: rng.chance(0.06),
  };
}

/** One name part as the typist writes it. */
export function spell(name: string, style: SpellingStyle, isFamily = false): string {
  let text = name;
  if (style.dropHamza) text = text.replace(/[أإآ]/g, 'ا');
  if (style.taAsHa) text = text.replace(/ة(?= |$)/g, 'ه');
  if (style.maqsuraAsYa) text = text.replace(/ى(?= |$)/g, 'ي');
  if (style.joinCompounds) text = text.replace(/^عبد /, 'عبد').replace(/ الله$/, 'الله');
  if (style.joinAbu) text = text.replace(/^(أبو|ابو) /, '$1');
  if (isFamily && style.dropArticle && /^ال.{3,}$/.test(text)) text = text.slice(2);
  return text;
}

function latinOf(entry: NameEntry, rng: Rng): string {
  // The first transliteration is the usual one; the others appear on older or foreign papers.
  const index =
    entry.latin.length === 1 || rng.chance(0.6) ? 0 : rng.int(1, entry.latin.length - 1);
  return entry.latin[index] ?? entry.latin[0] ?? '';
}

export interface PersonName {
  first: string;
  father: string;
  grandfather: string;
  family: string;
  latin: string;
}

export function drawName(rng: Rng, sex: 'female' | 'male'): PersonName {
  const style = drawStyle(rng);
  const first = (sex === 'female' ? female : male).draw(rng);
  const father = male.draw(rng);
  const grandfather = male.draw(rng);
  const surname = family.draw(rng);
  const latin = [first, father, grandfather, surname].map((e) => latinOf(e, rng)).join(' ');
  return {
    first: spell(first.arabic, style),
    father: spell(father.arabic, style),
    grandfather: spell(grandfather.arabic, style),
    family: spell(surname.arabic, style, true),
    latin,
  };
}

/** A staff member's display names (users): first and family name, carefully spelled. */
export function drawStaffName(rng: Rng, sex: 'female' | 'male'): { ar: string; en: string } {
  const first = (sex === 'female' ? female : male).draw(rng);
  const surname = family.draw(rng);
  return {
    ar: `${first.arabic} ${surname.arabic}`,
    en: `${first.latin[0] ?? ''} ${surname.latin[0] ?? ''}`,
  };
}
