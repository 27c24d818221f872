/**
 * The case-search screen (`/cases/search?q=&…`): words searched in the titles, event notes and
 * hearing minutes of the files the user may open, in Arabic or English, with filters (number or
 * reference, party, type, state, institution, offence, opening dates, "assigned to me")
 * (`GET /cases/search`). Results come ranked by the server, each saying where it matched, with the
 * matched words marked; restricted files say where, never what. The criteria live in the address,
 * so a search can be bookmarked and the back button returns to it.
 */
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileSearch, IconFolderQuestion, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useCaseTypes } from '../../api/case-types';
import type { CaseHeader, Institution } from '../../api/intake';
import type { Page } from '../../api/types';
import { useSession } from '../../app/session';
import { useLanguage } from '../../app/use-language';
import { ConfidentialityBadge } from '../../components/ConfidentialityBadge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { pick, type Language } from '../../i18n/i18n';
import {
  apiQuery,
  excerptParts,
  hasCriterion,
  localProblems,
  MAX_QUERY,
  readCriteria,
  serverProblems,
  writeCriteria,
  type Criteria,
  type Problems,
} from './criteria';
import { CASE_SEARCH } from './messages';

const PAGE_SIZE = 50;

type MatchField = 'title' | 'event_note' | 'hearing_minutes' | 'reference';

interface CaseHit {
  case: CaseHeader;
  summary: string | null;
  institution: { id: string; code: string; nameAr: string; nameEn: string };
  match: {
    rank: number | null;
    fields: MatchField[];
    excerpt: { field: MatchField; text: string } | null;
  };
}

/**
 * A page of files found. For a very common word the server lists the files newest first and
 * counts only those among the texts it read: `totalIsLowerBound` says "at least" (ADR 0014).
 */
type CaseSearchPage = Page<CaseHit> & {
  totalIsLowerBound?: boolean;
  order?: 'relevance' | 'newest';
};

interface Offence {
  id: string;
  code: string;
  article: string;
  titleAr: string;
  titleEn: string;
}

export function Component() {
  const { t } = useTranslation(CASE_SEARCH);
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const criteria = readCriteria(params);
  const local = localProblems(criteria);
  const hasLocal = Object.keys(local).length > 0;
  const searching = hasCriterion(criteria);
  const query = apiQuery(criteria, session.user.id);

  const search = useQuery({
    queryKey: ['cases', 'search', query],
    queryFn: () => api.get<CaseSearchPage>('/cases/search', { ...query, limit: PAGE_SIZE }),
    enabled: searching && !hasLocal,
    placeholderData: keepPreviousData,
  });
  const problems: Problems = hasLocal ? local : serverProblems(search.error);
  const hasProblem = Object.keys(problems).length > 0;
  const otherError = !hasProblem && search.isError ? search.error : null;

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" maw={760}>
        {t('intro')}
      </Text>
      <SearchForm
        key={params.toString()}
        criteriaKey={params.toString()}
        initial={criteria}
        problems={problems}
        busy={search.isFetching}
        onSubmit={(next) => setParams(writeCriteria(next))}
      />
      <ErrorAlert error={otherError} onRetry={() => void search.refetch()} />
      {!searching && !hasProblem ? (
        <EmptyState
          icon={IconFileSearch}
          title={t('start.title')}
          body={t('start.body')}
          testId="case-search-start"
        />
      ) : null}
      {searching && !hasProblem && search.data ? <Results page={search.data} /> : null}
    </Stack>
  );
}

function SearchForm({
  criteriaKey,
  initial,
  problems,
  busy,
  onSubmit,
}: {
  /**
   * The address's criteria the form was made from. The form is rebuilt whenever the address
   * changes (back, forward, a new search), and that rebuild may commit after the address has
   * changed: shown on the form, it tells a test which search the form now holds.
   */
  criteriaKey: string;
  initial: Criteria;
  problems: Problems;
  busy: boolean;
  onSubmit: (criteria: Criteria) => void;
}) {
  const { t } = useTranslation(CASE_SEARCH);
  const language = useLanguage();
  const [form, setForm] = useState<Criteria>(initial);
  const [localEmpty, setLocalEmpty] = useState(false);
  const caseTypes = useCaseTypes();
  const institutions = useQuery({
    queryKey: ['institutions', 'all'],
    queryFn: () => api.get<Page<Institution>>('/institutions', { limit: 500 }),
    staleTime: 5 * 60_000,
  });
  const offences = useQuery({
    queryKey: ['offences', 'active'],
    queryFn: () => api.get<Page<Offence>>('/offences', { limit: 500 }),
    staleTime: 30 * 60_000,
  });

  const set = (name: keyof Criteria) => (value: string) =>
    setForm((current) => ({ ...current, [name]: value }));
  const problem = (field: keyof Problems) => {
    const shown = field === 'q' && localEmpty ? 'empty' : problems[field];
    return shown ? t(`problems.${shown}`) : undefined;
  };

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const empty = Object.values(form).every((value) => value.trim() === '');
    setLocalEmpty(empty);
    if (!empty) onSubmit(form);
  }

  const any = { value: '', label: t('form.any') };
  const types = caseTypes.data ?? [];
  const chosenType = types.find((type) => type.caseType === form.caseType);
  const states = new Map<string, string>();
  for (const type of chosenType ? [chosenType] : types) {
    for (const [state, info] of Object.entries(type.states)) {
      if (!states.has(state)) states.set(state, pick(info.labels, language));
    }
  }
  const byLabel = (a: { label: string }, b: { label: string }) =>
    a.label.localeCompare(b.label, language);

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={submit}
        role="search"
        aria-label={t('form.label')}
        noValidate
        data-testid="case-search-form"
        data-criteria={criteriaKey}
      >
        <Stack gap="sm">
          <Group align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              flex="2 1 320px"
              label={t('form.query')}
              description={t('form.queryHint')}
              descriptionProps={{ c: 'gray.7' }}
              value={form.q}
              onChange={(event) => set('q')(event.currentTarget.value)}
              error={problem('q')}
              errorProps={{ 'data-testid': 'case-search-problem' }}
              type="search"
              autoComplete="off"
              maxLength={MAX_QUERY + 50}
              data-autofocus
              data-testid="case-search-query"
            />
            <TextInput
              flex="1 1 200px"
              label={t('form.number')}
              description={t('form.numberHint')}
              descriptionProps={{ c: 'gray.7' }}
              value={form.number}
              onChange={(event) => set('number')(event.currentTarget.value)}
              error={problem('number')}
              dir="ltr"
              autoComplete="off"
              data-testid="case-search-number"
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput
              label={t('form.partyName')}
              value={form.partyName}
              onChange={(event) => set('partyName')(event.currentTarget.value)}
              error={problem('partyName')}
              autoComplete="off"
              data-testid="case-search-party"
            />
            <NativeSelect
              label={t('form.caseType')}
              value={form.caseType}
              onChange={(event) => {
                const caseType = event.currentTarget.value;
                setForm((current) => ({ ...current, caseType, state: '' }));
              }}
              data={[
                any,
                ...types
                  .map((type) => ({ value: type.caseType, label: pick(type.labels, language) }))
                  .sort(byLabel),
              ]}
              data-testid="case-search-type"
            />
            <NativeSelect
              label={t('form.state')}
              value={form.state}
              onChange={(event) => set('state')(event.currentTarget.value)}
              data={[any, ...[...states].map(([value, label]) => ({ value, label })).sort(byLabel)]}
              data-testid="case-search-state"
            />
            <NativeSelect
              label={t('form.institution')}
              value={form.institutionId}
              onChange={(event) => set('institutionId')(event.currentTarget.value)}
              data={[
                any,
                ...(institutions.data?.items ?? [])
                  .map((institution) => ({
                    value: institution.id,
                    label: language === 'en' ? institution.nameEn : institution.nameAr,
                  }))
                  .sort(byLabel),
              ]}
              data-testid="case-search-institution"
            />
            <NativeSelect
              label={t('form.offence')}
              value={form.offenceId}
              onChange={(event) => set('offenceId')(event.currentTarget.value)}
              data={[
                any,
                ...(offences.data?.items ?? [])
                  .map((offence) => ({
                    value: offence.id,
                    label: `${language === 'en' ? offence.titleEn : offence.titleAr} (${offence.article})`,
                  }))
                  .sort(byLabel),
              ]}
              data-testid="case-search-offence"
            />
            <TextInput
              type="date"
              label={t('form.openedFrom')}
              value={form.openedFrom}
              onChange={(event) => set('openedFrom')(event.currentTarget.value)}
              error={problem('openedFrom')}
              data-testid="case-search-from"
            />
            <TextInput
              type="date"
              label={t('form.openedTo')}
              value={form.openedTo}
              onChange={(event) => set('openedTo')(event.currentTarget.value)}
              error={problem('openedTo')}
              data-testid="case-search-to"
            />
            <Checkbox
              mt={{ base: 0, md: 30 }}
              label={t('form.mine')}
              checked={form.mine === '1'}
              onChange={(event) => set('mine')(event.currentTarget.checked ? '1' : '')}
              data-testid="case-search-mine"
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => setForm(readCriteria(new URLSearchParams()))}
              data-testid="case-search-clear"
            >
              {t('form.clear')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconSearch size={16} aria-hidden />}
              data-testid="case-search-submit"
            >
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Results({ page }: { page: CaseSearchPage }) {
  const { t } = useTranslation(CASE_SEARCH);
  const language = useLanguage();
  if (page.items.length === 0) {
    return (
      <EmptyState
        icon={IconFolderQuestion}
        title={t('empty.title')}
        body={t('empty.body')}
        testId="case-search-empty"
      />
    );
  }
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm" c="gray.7" data-testid="case-search-count">
        {page.totalIsLowerBound
          ? t('results.countAtLeast', { count: page.total })
          : t('results.count', { count: page.total })}
      </Text>
      <DataTable
        minWidth={900}
        striped
        highlightOnHover
        verticalSpacing="sm"
        caption={t('results.tableLabel')}
        captionHidden
        data-testid="case-search-results"
        columns={[
          t('results.file'),
          t('results.institution'),
          t('results.state'),
          t('results.opened'),
          t('results.reason'),
        ]}
        items={page.items}
      >
        {(hit) => (
          <Table.Tr key={hit.case.id} data-testid="case-search-result" data-case-id={hit.case.id}>
            <Table.Td maw={380}>
              <Anchor component={Link} to={`/cases/${hit.case.id}`} fw={500}>
                {hit.case.reference ? (
                  <span className="ltr-value">{hit.case.reference}</span>
                ) : (
                  pick(hit.case.caseTypeLabels, language)
                )}
              </Anchor>
              <Group gap={4} mt={2}>
                <Text size="xs" c="gray.7">
                  {pick(hit.case.caseTypeLabels, language)}
                </Text>
                {hit.case.confidentiality !== 'normal' ? (
                  <ConfidentialityBadge level={hit.case.confidentiality} />
                ) : null}
              </Group>
              {hit.summary !== null ? (
                <Text size="sm" mt={4} lineClamp={2} dir="auto">
                  {hit.summary}
                </Text>
              ) : (
                <Text size="xs" mt={4} c="gray.7">
                  {t('results.summaryHidden')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {language === 'en' ? hit.institution.nameEn : hit.institution.nameAr}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{pick(hit.case.stateLabels, language)}</Text>
              {hit.case.intakeStatus === 'pending' ? (
                <Text size="xs" c="gray.7">
                  {t('results.pending')}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <LegalDate value={hit.case.openedAt} />
            </Table.Td>
            <Table.Td maw={360}>
              <MatchReason hit={hit} language={language} />
            </Table.Td>
          </Table.Tr>
        )}
      </DataTable>
      {page.totalIsLowerBound || page.total > page.items.length ? (
        <Text size="xs" c="gray.7" data-testid="case-search-more">
          {t(page.totalIsLowerBound ? 'results.atLeast' : 'results.more', {
            shown: page.items.length,
            total: page.total,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Where the words were found, and the best field's text around them (never a restricted file's). */
function MatchReason({ hit, language }: { hit: CaseHit; language: Language }) {
  const { t } = useTranslation(CASE_SEARCH);
  const { fields, excerpt } = hit.match;
  if (fields.length === 0) {
    return (
      <Text size="xs" c="gray.7" data-testid="case-match-reason">
        {t('results.filtersOnly')}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="case-match-reason" data-fields={fields.join(' ')}>
      <Group gap={4}>
        {fields.map((field) => (
          <Badge key={field} variant="light" color="blue" c="blue.9" tt="none">
            {t(`fields.${field}`)}
          </Badge>
        ))}
      </Group>
      {excerpt ? (
        <Text
          size="xs"
          c="dark.6"
          dir="auto"
          lang={/[\u0600-\u06ff]/.test(excerpt.text) ? 'ar' : language === 'ar' ? 'en' : undefined}
          data-testid="case-match-excerpt"
        >
          {excerptParts(excerpt.text).map((part, index) =>
            part.marked ? (
              <mark key={index}>{part.text}</mark>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </Text>
      ) : null}
    </Stack>
  );
}
