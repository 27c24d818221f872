/**
 * The family protection dashboard (`/statistics/family-protection`, issue 6): for analysts, chief
 * prosecutors and the family protection unit, a period's attrition from complaint to conviction,
 * files by GBVIMS type, referrals by service and outcome, protection measures and violations, and
 * the time to decide protection orders, each a table and a chart, every figure splittable by the
 * sex and age band of victims and accused and by their relationship. The server decides what each
 * reader may count and withholds small cells from anyone outside the unit; the screen says so.
 * The period, institution and split live in the address.
 */
import { Alert, Select, Stack, Text } from '@mantine/core';
import { IconChartBar, IconShieldLock } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { EmptyState } from '../../components/EmptyState';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { PeriodFilterForm, useInstitutions } from '../../components/statistics/PeriodFilterForm';
import { PeriodSummary } from '../../components/statistics/PeriodSummary';
import { formatNumber } from '../../format/format';
import { pick } from '../../i18n/i18n';
import {
  dashboardFiltersFromParams,
  dashboardFiltersToParams,
  hasData,
  type DashboardFilters,
} from './figures';
import { FAMILY_DASHBOARD } from './messages';
import {
  AttritionSection,
  GbvSection,
  MeasuresSection,
  ReferralsSection,
  TimeSection,
} from './sections';
import { DIMENSIONS, type Dimension, type FamilyProtectionReport } from './types';

export function Component() {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const applied = dashboardFiltersFromParams(params, now);
  const report = useQuery({
    queryKey: ['statistics', 'family-protection', applied],
    queryFn: () =>
      api.get<FamilyProtectionReport>('/statistics/family-protection', {
        from: applied.from,
        to: applied.to,
        institutionId: applied.institutionId,
        splitBy: applied.splitBy,
      }),
    placeholderData: keepPreviousData,
  });
  const institutions = useInstitutions();

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" size="sm" maw={900}>
        {t('intro')}
      </Text>
      <PeriodFilterForm<DashboardFilters>
        // A new address (a preset, the back button) starts the form again from it.
        key={dashboardFiltersToParams(applied).toString()}
        applied={applied}
        now={now}
        institutions={institutions.data?.items ?? []}
        onApply={(filters) => setParams(dashboardFiltersToParams(filters))}
        applyLabel={t('apply')}
        testIdPrefix="dashboard"
        extra={(draft, change) => (
          <SplitSelect
            value={draft.splitBy}
            onChange={(splitBy) => change({ ...draft, splitBy })}
          />
        )}
      />
      <QueryState query={report}>
        {(data) => (
          <Stack gap="md" aria-busy={report.isPlaceholderData} data-testid="family-dashboard">
            <Summary report={data} />
            {hasData(data) ? (
              <>
                <AttritionSection report={data} />
                <GbvSection report={data} />
                <ReferralsSection report={data} />
                <MeasuresSection report={data} />
                <TimeSection report={data} />
              </>
            ) : (
              <EmptyState
                icon={IconChartBar}
                title={t('empty.title')}
                body={t('empty.body')}
                testId="family-dashboard-empty"
              />
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function SplitSelect({
  value,
  onChange,
}: {
  value: Dimension | null;
  onChange: (value: Dimension | null) => void;
}) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  return (
    <Select
      label={t('splitBy')}
      placeholder={t('noSplit')}
      data={DIMENSIONS.map((dimension) => ({
        value: dimension,
        label: t(`dimensions.${dimension}`),
      }))}
      value={value}
      onChange={onChange}
      clearable
      data-testid="dashboard-split"
    />
  );
}

function Summary({ report }: { report: FamilyProtectionReport }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const institutions = useInstitutions();
  const threshold = formatNumber(report.suppression.threshold, language);
  return (
    <PeriodSummary
      period={report.period}
      institutionId={report.institutionId}
      institutions={institutions.data?.items ?? []}
      testId="dashboard-summary"
    >
      {report.institutionId === null && report.institutions.length > 0 ? (
        <Text size="sm">
          {t('summary.offices', {
            names: report.institutions
              .map((i) => (language === 'en' ? i.nameEn : i.nameAr))
              .join('، '),
          })}
        </Text>
      ) : null}
      {report.dimension ? (
        <Text size="sm" fw={500}>
          {t('summary.split', { dimension: pick(report.dimension.labels, language) })}
        </Text>
      ) : null}
      <Alert
        color={report.suppression.applied ? 'blue' : 'orange'}
        variant="light"
        icon={<IconShieldLock aria-hidden />}
        title={t('suppression.title')}
        // The light alerts' own title colours are too pale on them (WCAG AA).
        styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
        data-testid="dashboard-suppression"
        data-applied={report.suppression.applied ? 'true' : 'false'}
      >
        {report.suppression.applied ? t('suppression.body', { threshold }) : t('suppression.exact')}
      </Alert>
    </PeriodSummary>
  );
}
