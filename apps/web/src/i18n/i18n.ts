/**
 * The i18n catalogue. Every string the app shows goes through i18next. Each feature declares its
 * own namespace next to its code with `defineMessages`, so a lazy-loaded screen brings its strings
 * with it. Arabic is the default; the type of `en` must match `ar` key for key, so a string cannot
 * be translated in one language only.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'qadiya.language';

export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** The same keys as `T`, any strings: what the English catalogue must provide. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export function isLanguage(value: unknown): value is Language {
  return value === 'ar' || value === 'en';
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'ar';
  } catch {
    return 'ar';
  }
}

void i18next.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'ar',
  supportedLngs: [...LANGUAGES],
  resources: {},
  ns: [],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Registers a feature's strings; call at module level, next to the screens that use them. */
export function defineMessages<T extends MessageTree>(
  namespace: string,
  messages: { ar: T; en: SameKeys<T> },
): string {
  i18next.addResourceBundle('ar', namespace, messages.ar, true, true);
  i18next.addResourceBundle('en', namespace, messages.en, true, true);
  return namespace;
}

export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : 'ar';
}

/** Switches the language, remembers it, and turns the page to the matching direction. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** Picks the label in the current language from an `{ ar, en }` pair sent by the API. */
export function pick(labels: { ar: string; en: string } | null | undefined, language: Language) {
  if (!labels) return '';
  return labels[language] || labels.ar;
}

export { i18next };
