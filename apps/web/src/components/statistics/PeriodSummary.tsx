/** Above a statistics screen's figures: the period and the institution they were computed for. */
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../api/intake';
import { useLanguage } from '../../app/use-language';
import { formatDate } from '../../format/format';
import { STATISTICS } from './messages';

export function PeriodSummary({
  period,
  institutionId,
  institutions,
  testId,
  children,
}: {
  period: { from: string; to: string };
  institutionId: string | null;
  institutions: readonly Institution[];
  testId: string;
  /** What else the screen says about its figures. */
  children?: ReactNode;
}) {
  const { t } = useTranslation(STATISTICS);
  const language = useLanguage();
  const institution = institutions.find((i) => i.id === institutionId);
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fw={500}>
        {t('summary.period', {
          from: formatDate(period.from, language),
          to: formatDate(period.to, language),
        })}
      </Text>
      <Text size="sm">
        {institutionId === null
          ? t('summary.allInstitutions')
          : t('summary.institution', {
              name: institution
                ? language === 'en'
                  ? institution.nameEn
                  : institution.nameAr
                : institutionId,
            })}
      </Text>
      {children}
    </Stack>
  );
}
