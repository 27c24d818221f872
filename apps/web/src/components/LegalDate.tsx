/**
 * A date with legal weight (arrest, detention expiry, hearing, judgment): the Gregorian date in
 * the user's language, with the Hijri date beside it.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/use-language';
import { formatDate, formatDateTime, formatHijri } from '../format/format';

export function LegalDate({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const language = useLanguage();
  const { t } = useTranslation('common');
  const gregorian = withTime ? formatDateTime(value, language) : formatDate(value, language);
  return (
    <span>
      <time dateTime={value}>{gregorian}</time>{' '}
      <Text span size="sm" c="dimmed" title={t('hijri')}>
        ({formatHijri(value, language)})
      </Text>
    </span>
  );
}
