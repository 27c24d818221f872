import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/i18n';

/** The current language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : 'ar';
}
