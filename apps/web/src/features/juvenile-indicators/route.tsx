/**
 * The juvenile justice indicators (`/statistics/juvenile`), for analysts and chief prosecutors:
 * the UNODC/UNICEF indicators of issue 5 for a period and, optionally, one institution, each
 * split by sex and age band in a table and a bar chart. The server decides which files count for
 * whom; the period and institution live in the address.
 */
import { Alert, Stack, Text } from '@mantine/core';
import { IconChartBar, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Institution } from '../../api/intake';
import { useLanguage } from '../../app/use-language';
import { EmptyState } from '../../components/EmptyState';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { PeriodFilterForm, useInstitutions } from '../../components/statistics/PeriodFilterForm';
import { filtersFromParams, filtersToParams } from '../../components/statistics/period';
import { PeriodSummary } from '../../components/statistics/PeriodSummary';
import { formatNumber } from '../../format/format';
import { hasData } from './figures';
import { IndicatorCard } from './IndicatorCard';
import { JUVENILE_INDICATORS } from './messages';
import type { JuvenileIndicators } from './types';

export function Component() {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const applied = filtersFromParams(params, now);
  const report = useQuery({
    queryKey: ['statistics', 'juvenile-indicators', applied],
    queryFn: () =>
      api.get<JuvenileIndicators>('/statistics/juvenile-indicators', {
        from: applied.from,
        to: applied.to,
        institutionId: applied.institutionId,
      }),
    placeholderData: keepPreviousData,
  });
  const institutions = useInstitutions();

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" size="sm">
        {t('intro')}
      </Text>
      <PeriodFilterForm
        // A new address (a preset, the back button) starts the form again from it.
        key={filtersToParams(applied).toString()}
        applied={applied}
        now={now}
        institutions={institutions.data?.items ?? []}
        onApply={(filters) => setParams(filtersToParams(filters))}
        applyLabel={t('filters.apply')}
        testIdPrefix="indicators"
      />
      <QueryState query={report}>
        {(data) => (
          <Stack gap="md" aria-busy={report.isPlaceholderData} data-testid="juvenile-indicators">
            <Summary report={data} institutions={institutions.data?.items ?? []} />
            {hasData(data) ? (
              data.indicators.map((indicator) => (
                <IndicatorCard key={indicator.code} indicator={indicator} />
              ))
            ) : (
              <EmptyState
                icon={IconChartBar}
                title={t('empty.title')}
                body={t('empty.body')}
                testId="juvenile-indicators-empty"
              />
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function Summary({
  report,
  institutions,
}: {
  report: JuvenileIndicators;
  institutions: readonly Institution[];
}) {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const language = useLanguage();
  const population = report.childPopulation;
  return (
    <PeriodSummary
      period={report.period}
      institutionId={report.institutionId}
      institutions={institutions}
      testId="indicators-summary"
    >
      {population ? (
        <Text size="sm">
          {t('summary.population', {
            year: formatNumber(population.year, language, { useGrouping: false }),
            total: formatNumber(population.total, language),
          })}
        </Text>
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('summary.noPopulation')}
        </Alert>
      )}
    </PeriodSummary>
  );
}
