/**
 * The monthly statistical report of an institution, to print (`/statistics/performance/report`,
 * issue 8): every performance measure for one calendar month, as tables and charts on one page,
 * with the period, the institution and the moment of printing. The app shell's header and menu,
 * and the form above the report, are hidden when printing (`.no-print`). PDF is a later step.
 */
import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { useInstitutions } from '../../components/statistics/PeriodFilterForm';
import { PeriodSummary } from '../../components/statistics/PeriodSummary';
import { STATISTICS } from '../../components/statistics/messages';
import { formatDateTime } from '../../format/format';
import { apiQuery, lastFullMonth, monthPeriod, type PerformanceFilters } from './figures';
import { MeasureCard } from './MeasureCard';
import { PERFORMANCE } from './messages';
import type { PerformanceReport } from './types';

export function Component() {
  const { t } = useTranslation(PERFORMANCE);
  const { t: statistics } = useTranslation(STATISTICS);
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const month = monthPeriod(params.get('month') ?? '')
    ? (params.get('month') ?? '')
    : lastFullMonth(now);
  const institutionId = params.get('institutionId');
  const period = monthPeriod(month) ?? { from: '', to: '' };
  const filters: PerformanceFilters = {
    ...period,
    institutionId,
    splitBy: [],
    caseType: null,
    offenceClass: null,
  };
  const report = useQuery({
    queryKey: ['statistics', 'performance', 'report', filters],
    queryFn: () => api.get<PerformanceReport>('/statistics/performance', apiQuery(filters)),
  });
  const institutions = useInstitutions();
  const [draftMonth, setDraftMonth] = useState(month);
  const [draftInstitution, setDraftInstitution] = useState<string | null>(institutionId);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!monthPeriod(draftMonth)) return;
    const next = new URLSearchParams({ month: draftMonth });
    if (draftInstitution) next.set('institutionId', draftInstitution);
    setParams(next);
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/statistics/performance" className="no-print" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden className="mirror-in-rtl" />
          {t('report.back')}
        </Group>
      </Anchor>
      <PageTitle
        actions={
          <Button
            className="no-print"
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={() => window.print()}
            data-testid="performance-report-print"
          >
            {t('report.print')}
          </Button>
        }
      >
        {t('report.title')}
      </PageTitle>
      <Paper withBorder p="md" component="form" onSubmit={submit} className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="month"
            label={t('report.month')}
            value={draftMonth}
            onChange={(event) => setDraftMonth(event.currentTarget.value)}
            required
            data-testid="performance-report-month"
          />
          <Select
            label={statistics('filters.institution')}
            placeholder={statistics('filters.allInstitutions')}
            data={(institutions.data?.items ?? []).map((i) => ({
              value: i.id,
              label: language === 'en' ? i.nameEn : i.nameAr,
            }))}
            value={draftInstitution}
            onChange={setDraftInstitution}
            searchable
            clearable
          />
          <Group align="flex-end">
            <Button type="submit">{t('report.show')}</Button>
          </Group>
        </SimpleGrid>
      </Paper>
      <QueryState query={report}>
        {(data) => (
          <Stack gap="md" data-testid="performance-report">
            <PeriodSummary
              period={data.period}
              institutionId={data.institutionId}
              institutions={institutions.data?.items ?? []}
              testId="performance-report-summary"
            >
              <Text size="sm">
                {t('report.generated', { date: formatDateTime(now, language) })}
              </Text>
            </PeriodSummary>
            {data.measures.map((table) => (
              <MeasureCard key={table.code} table={table} filters={filters} printable />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
