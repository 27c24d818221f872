/**
 * Search keys for personal names. Arabic names are written in many ways: أحمد / احمد / إحمد,
 * ة / ه, ى / ي, with or without tashkeel, "عبد الله" / "عبدالله", "الحلبي" / "حلبي", and their
 * Latin transliterations vary even more (Mohammad, Muhammad, Mohamed, Mohammed). Two spellings of
 * one name must give one key, so that a search finds the person whichever spelling was typed.
 *
 * Both functions are pure and are mirrored step by step by the SQL functions of migration
 * 0006_person_search (`qadiya_name_ar_key`, `qadiya_name_latin_key`), which fill the search
 * columns of `persons`; a test asserts that both sides agree on every variant of the test table.
 * Any change here therefore needs a new migration that replaces those functions and rebuilds the
 * columns. Only regular expressions that behave the same in JavaScript and in PostgreSQL are used.
 * ADR 0012 explains the choices.
 */

/**
 * Invisible characters removed before anything else, so that a mark inside a word does not split
 * it: soft hyphen, Arabic letter mark, zero-width space/joiners, the bidi marks, embeddings,
 * overrides and isolates, word joiner and invisible operators, byte-order mark.
 */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** Tashkeel (harakat, tanwin, shadda, sukun, Quranic small letters) and the superscript alef. */
const TASHKEEL = /[\u064b-\u065f\u0670]/g;

/** Tatweel (kashida), a purely typographic stretch. */
const TATWEEL = /\u0640/g;

/**
 * One-for-one letter mapping (the SQL side is a `translate()` with the same two strings): the
 * alef forms to bare alef, hamza on waw and on ya to the bare letter, alef maqsura to ya, ta
 * marbuta to ha, the Persian ya and kaf typed on some keyboards to the Arabic letters, Latin
 * capitals to small letters, and Arabic-Indic and Eastern Arabic-Indic digits to ASCII digits.
 */
const LETTERS_FROM = 'أإآٱؤئىةیکABCDEFGHIJKLMNOPQRSTUVWXYZ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹';
const LETTERS_TO = 'ااااوييهيكabcdefghijklmnopqrstuvwxyz01234567890123456789';
/** Characters dropped by the mapping: the lone hamza (ء), as in أسماء / اسما. */
const LETTERS_DROPPED = 'ء';

const LETTER_MAP: ReadonlyMap<string, string> = new Map([
  ...Array.from(LETTERS_FROM).map((from, index): [string, string] => [
    from,
    LETTERS_TO[index] ?? '',
  ]),
  ...Array.from(LETTERS_DROPPED).map((from): [string, string] => [from, '']),
]);
const MAPPED_LETTERS = new RegExp(`[${LETTERS_FROM}${LETTERS_DROPPED}]`, 'g');

/**
 * What a name key keeps: ASCII digits and small letters, the Arabic letters (hamza to yeh, feh to
 * yeh) and the extended Arabic letters. Anything else (punctuation, symbols, other scripts,
 * whitespace of any kind, control characters) separates words.
 */
const NOT_KEPT = /[^0-9a-z\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+/g;

/** The name key's mirror in SQL, exported for the migration test. */
export const ARABIC_NAME_KEY_SQL_FUNCTION = 'qadiya_name_ar_key';
export const LATIN_NAME_KEY_SQL_FUNCTION = 'qadiya_name_latin_key';

/**
 * The search key of an Arabic name (any number of parts, separated by spaces):
 *
 * 1. Unicode NFKC (Arabic presentation forms such as ﻣﺤﻤﺪ or ﷲ become ordinary letters);
 * 2. invisible and bidi control characters, tashkeel and tatweel are removed;
 * 3. أ إ آ ٱ → ا, ؤ → و, ئ → ي, ى → ي, ة → ه, lone ء dropped, ی → ي, ک → ك, A–Z → a–z,
 *    ٠–٩ and ۰–۹ → 0–9;
 * 4. every run of other characters (punctuation, whitespace, controls) becomes one space;
 * 5. compounds become one word: "عبد X" → "عبدX", "ابو X" → "ابوX", "X الله" → "Xالله";
 * 6. the article is dropped from the start of each word: a lone "ال" word, and "ال" before at
 *    least two letters ("الحلبي" → "حلبي"). This applies to every part, because a query does not
 *    say which part it names; "الحسن" and "حسن" then match, which registry clerks expect.
 *
 * The result is a space-separated list of words, empty when nothing is left.
 */
export function arabicNameKey(name: string): string {
  let key = name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(MAPPED_LETTERS, (letter) => LETTER_MAP.get(letter) ?? '')
    .replace(NOT_KEPT, ' ')
    .trim();
  key = key
    .replace(/(^| )(عبد|ابو) /g, '$1$2')
    .replace(/ الله( |$)/g, 'الله$1')
    .replace(/(^| )ال /g, '$1')
    .replace(/(^| )ال(?=[^ ]{2})/g, '$1');
  return key.trim();
}

/** Apostrophes and ayn/hamza signs of transliterations (Sa'id, Saʿīd): removed, not a space. */
const LATIN_APOSTROPHES = /['`\u00b4\u02bb-\u02bf\u2018\u2019]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * The search key of a Latin transliteration: a consonant skeleton, word by word, so that the
 * usual spellings of one Arabic name meet.
 *
 * 1. NFKD and accents removed (Saʿīd → Said), apostrophes removed, small letters; any other
 *    character separates words;
 * 2. the article as a word is dropped (al-Khatib, el Khatib → khatib);
 * 3. "abd" compounds become one word: Abd al-Rahman, Abdul Rahman, Abdel Rahman, Abdulrahman,
 *    Abdelrahman → abdrahman; Abdallah, Abdullah, Abd Allah → abdlah;
 * 4. ph → f, ch → sh, c → k, q → k, ee → i, oo → u, ou → u (Youssef → yussef);
 * 5. a final h after a vowel is dropped (Fatimah → fatima, Hamzah → hamza);
 * 6. a word's first vowel becomes "a" (Omar / Umar, Ibrahim / Ebrahim), every later vowel and
 *    every later y is dropped, and doubled letters are collapsed:
 *    Mohammad, Muhammad, Mohamed, Mohammed → mhmd; Ahmad, Ahmed → ahmd; Yousef, Yusuf → ysf.
 *
 * Skeletons are deliberately coarse (Mahmud also gives mhmd, Hassan and Hussein give hsn): the
 * search ranks by trigram similarity and shows the full names, so recall matters more here.
 */
export function latinNameKey(name: string): string {
  let key = name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(LATIN_APOSTROPHES, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  key = key
    .replace(/(^| )(al|el|ul) /g, '$1')
    .replace(/(^| )abd[aeiou]?l?( |$)/g, '$1abd$2')
    .replace(/(^| )abd /g, '$1abd')
    .replace(/(^| )abd[aeiou]l/g, '$1abd')
    .replace(/ph/g, 'f')
    .replace(/ch/g, 'sh')
    .replace(/[cq]/g, 'k')
    .replace(/ee/g, 'i')
    .replace(/o[ou]/g, 'u')
    .replace(/([aeiou])h( |$)/g, '$1$2')
    .replace(/(^| )[aeiou]/g, '$1a')
    .replace(/([a-z])[aeiouy]+/g, '$1')
    .replace(/([a-z])\1+/g, '$1');
  return key.trim();
}

/** The words of a key (no empty strings). */
export function nameKeyWords(key: string): string[] {
  return key.split(' ').filter((word) => word !== '');
}

/** The key of a four-part Arabic name: its parts in order, absent parts skipped. */
export function fourPartNameKey(parts: readonly (string | null | undefined)[]): string {
  return arabicNameKey(parts.filter((part) => typeof part === 'string').join(' '));
}
