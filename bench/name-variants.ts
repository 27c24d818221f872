/**
 * Person search queries as users type them: names of persons in the registry, given in part and
 * spelt another way (hamza and alef forms, ة/ه, ى/ي, "عبد الله"/"عبدالله", without "ال",
 * with tashkeel or tatweel, Latin transliterations). The registry's normalisation must bring each
 * back to the person; the benchmark measures how long that takes on the full registry.
 */
import { isArabicStopWord } from '@qadiya/domain';

export interface NameParts {
  firstNameAr: string;
  fatherNameAr: string | null;
  grandfatherNameAr: string | null;
  familyNameAr: string | null;
  nameLatin: string | null;
}

/** A small deterministic PRNG (mulberry32), so a seed gives the same queries run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Respell = (word: string) => string | null;

const FATHA = '\u064e';
const TATWEEL = '\u0640';

/** Each returns another usual spelling of the word, or null when it does not apply. */
const ARABIC_RESPELLINGS: readonly Respell[] = [
  // Hamza on or under the alef, or none: أحمد / احمد, إبراهيم / ابراهيم.
  (w) => (/^[أإآ]/.test(w) ? `ا${w.slice(1)}` : /^ا/.test(w) ? `أ${w.slice(1)}` : null),
  // Ta marbuta written as ha: حمزة / حمزه.
  (w) => (w.endsWith('ة') ? `${w.slice(0, -1)}ه` : null),
  // Alef maqsura and ya: مصطفى / مصطفي.
  (w) => (w.endsWith('ى') ? `${w.slice(0, -1)}ي` : w.endsWith('ي') ? `${w.slice(0, -1)}ى` : null),
  // The article dropped from a family name: الخطيب / خطيب.
  (w) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : null),
  // Tashkeel on the first letter, or a tatweel inside the word.
  (w) => (w.length > 2 ? `${w[0] ?? ''}${FATHA}${w.slice(1)}` : null),
  (w) => (w.length > 3 ? `${w.slice(0, 2)}${TATWEEL}${w.slice(2)}` : null),
];

/** "عبد الله" and "عبدالله" are the same name. */
function respellCompound(name: string): string | null {
  if (/^عبد\s+/.test(name)) return name.replace(/^عبد\s+/, 'عبد');
  if (/^عبد\S{2,}/.test(name)) return name.replace(/^عبد/, 'عبد ');
  return null;
}

const LATIN_RESPELLINGS: readonly [RegExp, string][] = [
  [/^Mohammad$|^Mohammed$|^Muhammad$|^Mohamed$/i, 'Muhammad|Mohammed|Mohamed|Mohammad'],
  [/^Ahmad$|^Ahmed$/i, 'Ahmed|Ahmad'],
  [/^Mahmoud$|^Mahmud$/i, 'Mahmud|Mahmoud'],
  [/^Yousef$|^Yusuf$|^Youssef$/i, 'Yusuf|Youssef|Yousef'],
  [/^Omar$|^Umar$/i, 'Umar|Omar'],
];

function respellLatin(word: string, random: () => number): string {
  for (const [pattern, alternatives] of LATIN_RESPELLINGS) {
    if (!pattern.test(word)) continue;
    const options = alternatives.split('|').filter((o) => o.toLowerCase() !== word.toLowerCase());
    return options[Math.floor(random() * options.length)] ?? word;
  }
  // Otherwise a common transliteration drift: ou/u, ee/i, a final h dropped.
  if (/ou/i.test(word)) return word.replace(/ou/i, 'u');
  if (/h$/i.test(word) && word.length > 3) return word.slice(0, -1);
  return word.toLowerCase();
}

function respellArabic(word: string, random: () => number): string {
  const start = Math.floor(random() * ARABIC_RESPELLINGS.length);
  for (let i = 0; i < ARABIC_RESPELLINGS.length; i++) {
    const respell = ARABIC_RESPELLINGS[(start + i) % ARABIC_RESPELLINGS.length];
    const result = respell?.(word);
    if (result) return result;
  }
  return word;
}

/**
 * One query for a person: the first and family names, three parts, the family name alone, or the
 * Latin name, with one word spelt another way. Queries are 2 to 100 characters, like the API's.
 */
export function personQuery(person: NameParts, random: () => number): string {
  const first = respellCompound(person.firstNameAr) ?? person.firstNameAr;
  const family = person.familyNameAr;
  const kinds = ['first_family', 'first_family', 'three_parts', 'family', 'latin'] as const;
  const kind = kinds[Math.floor(random() * kinds.length)] ?? 'first_family';
  let words: string[];
  switch (kind) {
    case 'first_family':
      words = [first, family ?? person.fatherNameAr ?? ''];
      break;
    case 'three_parts':
      words = [first, person.fatherNameAr ?? '', family ?? ''];
      break;
    case 'family':
      words = family && family.length > 2 ? [family] : [first, person.fatherNameAr ?? ''];
      break;
    case 'latin': {
      const latin = person.nameLatin?.split(/\s+/).filter(Boolean) ?? [];
      if (latin.length >= 2) {
        const firstWord = respellLatin(latin[0] ?? '', random);
        return `${firstWord} ${latin.at(-1) ?? ''}`.slice(0, 100);
      }
      words = [first, family ?? ''];
      break;
    }
  }
  words = words.filter((w) => w.trim() !== '');
  const index = Math.floor(random() * words.length);
  words[index] = respellArabic(words[index] ?? '', random);
  const query = words.join(' ').slice(0, 100).trim();
  return query.length >= 2 ? query : person.firstNameAr;
}

export function personQueries(
  persons: readonly NameParts[],
  count: number,
  seed: number,
): string[] {
  const random = seededRandom(seed);
  if (persons.length === 0) return [];
  return Array.from({ length: count }, (_, i) =>
    personQuery(persons[i % persons.length] as NameParts, random),
  );
}

const ARABIC_WORD = /[\u0621-\u064a]{4,}/g;
/**
 * Words too common to be what someone searches for: the ones case search itself leaves out
 * (the domain's Arabic particles, "عليه", "التي"…; a query of only those is refused), and a few
 * more that tell nothing about a file.
 */
const STOPWORDS = new Set(['بعد', 'قبل', 'عند', 'وذلك', 'حيث']);
const isStopWord = (word: string) => isArabicStopWord(word) || STOPWORDS.has(word);

/**
 * Case search queries: words of the titles (summaries) of files the searcher may open, one word or
 * two neighbouring words of one title, as a prosecutor looks for "the theft at the market".
 */
export function caseQueries(summaries: readonly string[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const titles = summaries
    .map((s) => (s.match(ARABIC_WORD) ?? []).filter((w) => !isStopWord(w)))
    .filter((words) => words.length > 0);
  if (titles.length === 0) return [];
  return Array.from({ length: count }, () => {
    const words = titles[Math.floor(random() * titles.length)] ?? [];
    const at = Math.floor(random() * words.length);
    const next = words[at + 1];
    return random() < 0.7 || !next ? (words[at] ?? '') : `${words[at] ?? ''} ${next}`;
  });
}
