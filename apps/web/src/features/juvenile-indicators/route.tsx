/**
 * The juvenile justice indicators (`/statistics/juvenile`), for analysts and chief prosecutors:
 * the UNODC/UNICEF indicators of issue 5 for a period and, optionally, one institution, each
 * split by sex and age band in a table and a bar chart. The server decides which files count for
 * whom; the period and institution live in the address.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS } from '@qadiya/domain/organisation';
import { IconChartBar, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Institution } from '../../api/intake';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { EmptyState } from '../../components/EmptyState';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatNumber } from '../../format/format';
import { pick, type Language } from '../../i18n/i18n';
import { hasData } from './figures';
import { IndicatorCard } from './IndicatorCard';
import { JUVENILE_INDICATORS } from './messages';
import {
  filtersFromParams,
  filtersToParams,
  lastFullYear,
  periodProblem,
  yearToDate,
  type Filters,
  type Period,
} from './period';
import type { JuvenileIndicators } from './types';

function useInstitutions() {
  return useQuery({
    queryKey: ['institutions', 'all'],
    queryFn: () => api.get<Page<Institution>>('/institutions', { limit: 500 }),
    staleTime: 5 * 60_000,
  });
}

/** The institutions grouped by kind, in the directory's order of kinds. */
function institutionChoices(items: readonly Institution[], language: Language) {
  return INSTITUTION_KINDS.map((kind) => ({
    group: pick(INSTITUTION_KIND_LABELS[kind], language),
    items: items
      .filter((i) => i.kind === kind && i.isActive)
      .map((i) => ({ value: i.id, label: language === 'en' ? i.nameEn : i.nameAr })),
  })).filter((group) => group.items.length > 0);
}

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
      <FilterForm
        // A new address (a preset, the back button) starts the form again from it.
        key={filtersToParams(applied).toString()}
        applied={applied}
        now={now}
        institutions={institutions.data?.items ?? []}
        onApply={(filters) => setParams(filtersToParams(filters))}
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

function FilterForm({
  applied,
  now,
  institutions,
  onApply,
}: {
  applied: Filters;
  now: Date;
  institutions: readonly Institution[];
  onApply: (filters: Filters) => void;
}) {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const language = useLanguage();
  const [draft, setDraft] = useState<Filters>(applied);
  const [showProblem, setShowProblem] = useState(false);
  const problem = periodProblem(draft);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (problem) {
      setShowProblem(true);
      return;
    }
    onApply(draft);
  }

  const preset = (period: Period) => onApply({ ...draft, ...period });
  const shown = showProblem ? problem : null;

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="filters-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="filters-title">
          {t('filters.legend')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('filters.from')}
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
            error={shown === 'invalidFrom' ? t('filters.invalidFrom') : undefined}
            required
            data-testid="indicators-from"
          />
          <TextInput
            type="date"
            label={t('filters.to')}
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
            error={
              shown === 'invalidTo'
                ? t('filters.invalidTo')
                : shown === 'reversed'
                  ? t('filters.reversed')
                  : undefined
            }
            required
            data-testid="indicators-to"
          />
          <Select
            label={t('filters.institution')}
            placeholder={t('filters.allInstitutions')}
            data={institutionChoices(institutions, language)}
            value={draft.institutionId}
            onChange={(institutionId) => setDraft({ ...draft, institutionId })}
            searchable
            clearable
            data-testid="indicators-institution"
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit">{t('filters.apply')}</Button>
          <Button variant="default" onClick={() => preset(lastFullYear(now))}>
            {t('filters.lastYear')}
          </Button>
          <Button variant="default" onClick={() => preset(yearToDate(now))}>
            {t('filters.yearToDate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
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
  const institution = institutions.find((i) => i.id === report.institutionId);
  const population = report.childPopulation;
  return (
    <Stack gap={4} data-testid="indicators-summary">
      <Text fw={500}>
        {t('summary.period', {
          from: formatDate(report.period.from, language),
          to: formatDate(report.period.to, language),
        })}
      </Text>
      <Text size="sm">
        {report.institutionId === null
          ? t('summary.allInstitutions')
          : t('summary.institution', {
              name: institution
                ? language === 'en'
                  ? institution.nameEn
                  : institution.nameAr
                : report.institutionId,
            })}
      </Text>
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
    </Stack>
  );
}
