/**
 * The performance measures (`/statistics/performance`, issue 8), for analysts and chief
 * prosecutors: clearance rate, time to disposition, age of the pending caseload, trial date
 * certainty, CEPEJ disposition time, workload, detention and attrition for a period, an
 * institution, a file type and an offence class, each a table and a chart, split by up to two of
 * the standard dimensions. A number with files behind it opens the list of those files that the
 * reader may open. The server decides what each reader may count and never names anyone to an
 * analyst. The filters live in the address.
 */
import { Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { IconChartBar, IconPrinter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { EmptyState } from '../../components/EmptyState';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { PeriodFilterForm, useInstitutions } from '../../components/statistics/PeriodFilterForm';
import { PeriodSummary } from '../../components/statistics/PeriodSummary';
import { formatDateTime } from '../../format/format';
import {
  apiQuery,
  hasData,
  performanceFiltersFromParams,
  performanceFiltersToParams,
  type PerformanceFilters,
} from './figures';
import { FilesModal } from './FilesModal';
import { MeasureCard, type DrillRequest } from './MeasureCard';
import { PERFORMANCE } from './messages';
import {
  CASE_TYPES,
  DIMENSIONS,
  OFFENCE_CLASSES,
  type Dimension,
  type PerformanceReport,
} from './types';

export function Component() {
  const { t } = useTranslation(PERFORMANCE);
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const applied = performanceFiltersFromParams(params, now);
  const report = useQuery({
    queryKey: ['statistics', 'performance', applied],
    queryFn: () => api.get<PerformanceReport>('/statistics/performance', apiQuery(applied)),
    placeholderData: keepPreviousData,
  });
  const institutions = useInstitutions();
  const reportParams = new URLSearchParams();
  if (applied.institutionId) reportParams.set('institutionId', applied.institutionId);

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" size="sm" maw={900}>
        {t('intro')}
      </Text>
      <PeriodFilterForm<PerformanceFilters>
        key={performanceFiltersToParams(applied).toString()}
        applied={applied}
        now={now}
        institutions={institutions.data?.items ?? []}
        onApply={(filters) => setParams(performanceFiltersToParams(filters))}
        applyLabel={t('apply')}
        testIdPrefix="performance"
        extra={(draft, change) => <ExtraFilters draft={draft} change={change} />}
      />
      <Group>
        <Anchor
          component={Link}
          to={`/statistics/performance/report?${reportParams.toString()}`}
          size="sm"
          data-testid="performance-report-link"
        >
          <Group gap={4}>
            <IconPrinter size={16} aria-hidden />
            {t('report.link')}
          </Group>
        </Anchor>
      </Group>
      <QueryState query={report}>
        {(data) => (
          <Stack gap="md" aria-busy={report.isPlaceholderData} data-testid="performance-dashboard">
            <Summary report={data} />
            {hasData(data) ? (
              data.measures.map((table) => (
                <MeasureCard key={table.code} table={table} filters={applied} onDrill={setDrill} />
              ))
            ) : (
              <EmptyState
                icon={IconChartBar}
                title={t('empty.title')}
                body={t('empty.body')}
                testId="performance-empty"
              />
            )}
          </Stack>
        )}
      </QueryState>
      <FilesModal request={drill} filters={applied} onClose={() => setDrill(null)} />
    </Stack>
  );
}

function ExtraFilters({
  draft,
  change,
}: {
  draft: PerformanceFilters;
  change: (next: PerformanceFilters) => void;
}) {
  const { t } = useTranslation(PERFORMANCE);
  const dimensionChoices = DIMENSIONS.map((d) => ({ value: d, label: t(`dimensions.${d}`) }));
  const [first, second] = draft.splitBy;
  const setSplit = (index: 0 | 1, value: string | null) => {
    const next = [...draft.splitBy];
    if (value === null) next.splice(index);
    else next[index] = value as Dimension;
    change({ ...draft, splitBy: [...new Set(next.filter(Boolean))].slice(0, 2) });
  };
  return (
    <>
      <Select
        label={t('splitBy')}
        placeholder={t('noSplit')}
        data={dimensionChoices}
        value={first ?? null}
        onChange={(value) => setSplit(0, value)}
        clearable
        data-testid="performance-split"
      />
      {first ? (
        <Select
          label={t('secondSplit')}
          placeholder={t('noSplit')}
          data={dimensionChoices.filter((c) => c.value !== first)}
          value={second ?? null}
          onChange={(value) => setSplit(1, value)}
          clearable
          data-testid="performance-split-2"
        />
      ) : null}
      <Select
        label={t('caseType')}
        placeholder={t('anyCaseType')}
        data={CASE_TYPES.map((c) => ({ value: c, label: t(`caseTypes.${c}`) }))}
        value={draft.caseType}
        onChange={(caseType) => change({ ...draft, caseType })}
        clearable
        data-testid="performance-case-type"
      />
      <Select
        label={t('offenceClass')}
        placeholder={t('anyOffenceClass')}
        data={OFFENCE_CLASSES.map((c) => ({ value: c, label: t(`offenceClasses.${c}`) }))}
        value={draft.offenceClass}
        onChange={(value) => change({ ...draft, offenceClass: value })}
        clearable
        data-testid="performance-offence-class"
      />
    </>
  );
}

function Summary({ report }: { report: PerformanceReport }) {
  const { t } = useTranslation(PERFORMANCE);
  const language = useLanguage();
  const institutions = useInstitutions();
  return (
    <PeriodSummary
      period={report.period}
      institutionId={report.institutionId}
      institutions={institutions.data?.items ?? []}
      testId="performance-summary"
    >
      <Text size="sm">{t('summary.asOf', { date: formatDateTime(report.asOf, language) })}</Text>
      {report.namesShown ? null : (
        <Text size="sm" c="gray.7" data-testid="performance-names-hidden">
          {t('summary.namesHidden')}
        </Text>
      )}
    </PeriodSummary>
  );
}
