/**
 * The small juvenile parts of the case page (issue 5): the juvenile badge and the age to be
 * verified in the header, each party's age at the offence, and a juvenile detention's facility and
 * last-resort justification. Every state is said in words, never by colour alone.
 */
import { Alert, Badge, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { LegalDate } from '../../components/LegalDate';
import { formatNumber } from '../../format/format';
import { CASE_JUVENILE } from './juvenile-messages';
import { CASE_PAYLOAD } from './payload-messages';
import type { AgeStatus, CasePage, Detention, Party } from './types';

/** The juvenile badge (حدث) for the header's row of badges. */
export function JuvenileBadge({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASE_JUVENILE);
  if (!page.juvenile?.isJuvenileFile) return null;
  return (
    <Badge color="grape.9" size="lg" title={t('badgeHint')} data-testid="juvenile-badge">
      {t('badge')}
    </Badge>
  );
}

/** Under the header: the age to be verified, or the justified decision to proceed without it. */
export function JuvenileAgeNotice({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASE_JUVENILE);
  const juvenile = page.juvenile;
  if (!juvenile) return null;
  if (juvenile.ageToVerify) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        data-testid="age-to-verify"
      >
        <Text size="sm" fw={700}>
          {t('ageToVerify.title')}
        </Text>
        <Text size="sm">{t('ageToVerify.body')}</Text>
      </Alert>
    );
  }
  if (juvenile.ageOverride) {
    return (
      <Text size="sm" data-testid="age-override">
        {t('ageOverride')} <LegalDate value={juvenile.ageOverride.at} withTime />:{' '}
        <bdi>{juvenile.ageOverride.justification}</bdi>
      </Text>
    );
  }
  return null;
}

// Text colours with WCAG AA contrast on white (and on the table's striped rows).
const STATUS_COLOURS: Record<AgeStatus, string> = {
  under_age: 'grape.9',
  juvenile: 'grape.9',
  adult: 'gray.7',
  unknown: '#8a3c00',
};

/**
 * A party's age at the offence; for an accused also what it means for criminal responsibility
 * (the juvenile rules are about the accused: a child victim is not "a juvenile").
 */
export function PartyAge({ party }: { party: Party }) {
  const { t } = useTranslation(CASE_JUVENILE);
  const language = useLanguage();
  const age = party.ageAtOffence ?? null;
  const status = party.ageStatus;
  return (
    <Stack gap={2} align="flex-start">
      <span>{age === null ? '—' : formatNumber(age, language)}</span>
      {party.role === 'accused' && status ? (
        // Text, not a badge: "age to be verified" must not be cut short in a narrow column.
        <Text size="xs" fw={700} c={STATUS_COLOURS[status]} data-testid="party-age-status">
          {t(`ageStatuses.${status}`)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A detention's place of custody and, for a juvenile, why detention is the last resort. */
export function DetentionJuvenileNotes({ detention }: { detention: Detention }) {
  const { t } = useTranslation([CASE_JUVENILE, CASE_PAYLOAD]);
  if (!detention.facility && !detention.isJuvenile) return null;
  return (
    <Stack gap={4} data-testid="detention-juvenile">
      {detention.isJuvenile ? <Badge color="grape.9">{t('detention.juvenile')}</Badge> : null}
      {detention.facility ? (
        <Text size="sm">
          {t('detention.facility')}: {t(`${CASE_PAYLOAD}:values.facility.${detention.facility}`)}
        </Text>
      ) : null}
      {detention.lastResortJustification ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('detention.justification')}: <bdi>{detention.lastResortJustification}</bdi>
        </Text>
      ) : null}
    </Stack>
  );
}
