/** Why a person search found a person, in words: by what, how well and in which name. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonMatch } from '../../api/intake';
import { useLanguage } from '../../app/use-language';
import { PERSON_SEARCH } from './messages';

export function MatchReason({ match }: { match: PersonMatch }) {
  const { t } = useTranslation(PERSON_SEARCH);
  const language = useLanguage();
  const strong = match.kind === 'exact';
  const percent = new Intl.NumberFormat(language === 'ar' ? 'ar-PS' : 'en-GB', {
    style: 'percent',
  }).format(match.score);
  return (
    <Group gap={6} wrap="wrap" data-testid="match-reason" data-match-by={match.by}>
      <Badge
        variant="light"
        color={strong ? 'blue' : 'gray'}
        c={strong ? 'blue.9' : 'dark.7'}
        tt="none"
      >
        {t(`match.${match.by}.${match.kind}`)}
      </Badge>
      {match.field ? (
        <Text span size="xs" c="gray.7">
          {t(`match.field.${match.field}`)}
        </Text>
      ) : null}
      {match.by !== 'date_of_birth' && !(match.by === 'national_id' && strong) ? (
        <Text span size="xs" c="gray.7">
          {t('match.score', { percent })}
        </Text>
      ) : null}
    </Group>
  );
}
