/**
 * The form of a statistics screen: the period (two dates, or a preset: the last full year, this
 * year so far), the institution (all the reader may see, or one, grouped by kind) and, for a screen
 * that has more, its own fields. The period is checked before anything is asked of the server. The
 * directory of institutions is shared by the statistics screens (one request, cached).
 */
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS } from '@qadiya/domain/organisation';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Institution } from '../../api/intake';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { pick, type Language } from '../../i18n/i18n';
import { STATISTICS } from './messages';
import { lastFullYear, periodProblem, yearToDate, type Filters, type Period } from './period';

export function useInstitutions() {
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

export function PeriodFilterForm<F extends Filters>({
  applied,
  now,
  institutions,
  onApply,
  applyLabel,
  testIdPrefix,
  extra,
}: {
  applied: F;
  now: Date;
  institutions: readonly Institution[];
  onApply: (filters: F) => void;
  /** The submit button: what the screen shows ("Show the indicators"). */
  applyLabel: string;
  /** `indicators` gives `indicators-from`, `indicators-to`, `indicators-institution`. */
  testIdPrefix: string;
  /** The screen's own fields, drawn after the institution. */
  extra?: (draft: F, change: (next: F) => void) => ReactNode;
}) {
  const { t } = useTranslation(STATISTICS);
  const language = useLanguage();
  const [draft, setDraft] = useState<F>(applied);
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
        <SimpleGrid cols={{ base: 1, sm: extra ? 4 : 3 }}>
          <TextInput
            type="date"
            label={t('filters.from')}
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
            error={shown === 'invalidFrom' ? t('filters.invalidFrom') : undefined}
            required
            data-testid={`${testIdPrefix}-from`}
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
            data-testid={`${testIdPrefix}-to`}
          />
          <Select
            label={t('filters.institution')}
            placeholder={t('filters.allInstitutions')}
            data={institutionChoices(institutions, language)}
            value={draft.institutionId}
            onChange={(institutionId) => setDraft({ ...draft, institutionId })}
            searchable
            clearable
            data-testid={`${testIdPrefix}-institution`}
          />
          {extra ? extra(draft, setDraft) : null}
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit">{applyLabel}</Button>
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
