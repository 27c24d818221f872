/**
 * The person-search screen (`/persons?q=&birthYear=`): the national registry searched by any part
 * of the name, in Arabic or Latin letters and in any usual spelling, or by national ID, with an
 * optional year of birth (`GET /persons`). Results come ranked by the server, each with the reason
 * it matched. The query lives in the address, so a search can be bookmarked and the back button
 * returns to it. A query the server refuses (empty, too short, too long) is explained next to the
 * box.
 */
import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserSearch, IconUserQuestion } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { personName, type Person } from '../../api/intake';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { ProtectedVictimMarker } from '../../components/ProtectionMarkers';
import { MatchReason } from './MatchReason';
import { PERSON_SEARCH } from './messages';
import { parseBirthYear, searchProblem, type SearchProblem } from './problems';

/** The server's limit on `q`; a longer query is refused here, without a request. */
const MAX_QUERY = 100;
const PAGE_SIZE = 50;

export function Component() {
  const { t } = useTranslation(PERSON_SEARCH);
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const birthYearParam = (params.get('birthYear') ?? '').trim();
  const birthYear = parseBirthYear(birthYearParam);
  const localProblem: SearchProblem | null =
    q.length > MAX_QUERY
      ? 'tooLong'
      : birthYearParam !== '' && birthYear === null
        ? 'birthYear'
        : null;
  const hasCriterion = q !== '' || birthYear !== null;

  const search = useQuery({
    queryKey: ['persons', 'search', q, birthYear],
    queryFn: () =>
      api.get<PersonPage>('/persons', {
        q: q === '' ? undefined : q,
        birthYear: birthYear ?? undefined,
        limit: PAGE_SIZE,
      }),
    enabled: hasCriterion && localProblem === null,
    placeholderData: keepPreviousData,
  });

  const problem = localProblem ?? searchProblem(search.error);
  const otherError = problem === null && search.isError ? search.error : null;

  function submit(query: string, year: string) {
    const next = new URLSearchParams();
    if (query.trim() !== '') next.set('q', query.trim());
    if (year.trim() !== '') next.set('birthYear', year.trim());
    setParams(next);
  }

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" maw={760}>
        {t('intro')}
      </Text>
      <SearchForm
        key={`${q}\u0000${birthYearParam}`}
        initialQuery={params.get('q') ?? ''}
        initialYear={birthYearParam}
        problem={problem}
        busy={search.isFetching}
        onSubmit={submit}
      />
      <ErrorAlert error={otherError} onRetry={() => void search.refetch()} />
      {!hasCriterion && problem === null ? (
        <EmptyState
          icon={IconUserSearch}
          title={t('start.title')}
          body={t('start.body')}
          testId="person-search-start"
        />
      ) : null}
      {hasCriterion && problem === null && search.data ? <Results page={search.data} /> : null}
    </Stack>
  );
}

function SearchForm({
  initialQuery,
  initialYear,
  problem,
  busy,
  onSubmit,
}: {
  initialQuery: string;
  initialYear: string;
  problem: SearchProblem | null;
  busy: boolean;
  onSubmit: (query: string, year: string) => void;
}) {
  const { t } = useTranslation(PERSON_SEARCH);
  const [query, setQuery] = useState(initialQuery);
  const [year, setYear] = useState(initialYear);
  const [localEmpty, setLocalEmpty] = useState(false);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (query.trim() === '' && year.trim() === '') {
      setLocalEmpty(true);
      return;
    }
    setLocalEmpty(false);
    onSubmit(query, year);
  }

  const shown: SearchProblem | null = localEmpty ? 'empty' : problem;
  const queryError = shown && shown !== 'birthYear' ? t(`problems.${shown}`) : undefined;
  const yearError = shown === 'birthYear' ? t('problems.birthYear') : undefined;

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} role="search" aria-label={t('form.label')} noValidate>
        <Group align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            flex="1 1 320px"
            label={t('form.query')}
            description={t('form.queryHint')}
            descriptionProps={{ c: 'gray.7' }}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            error={queryError}
            errorProps={{ 'data-testid': 'person-search-problem' }}
            type="search"
            autoComplete="off"
            data-autofocus
            data-testid="person-search-query"
          />
          <TextInput
            w={190}
            label={t('form.birthYear')}
            value={year}
            onChange={(event) => setYear(event.currentTarget.value)}
            error={yearError}
            inputMode="numeric"
            maxLength={4}
            dir="ltr"
            data-testid="person-search-birth-year"
          />
          <Button
            type="submit"
            mt={{ base: 0, sm: 25 }}
            loading={busy}
            leftSection={<IconSearch size={16} aria-hidden />}
            data-testid="person-search-submit"
          >
            {t('form.submit')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/**
 * A page of persons found. The server counts up to 1000 matches; beyond, `total` is 1000 and
 * `totalIsLowerBound` says "more than" (issue 7).
 */
type PersonPage = Page<Person> & { totalIsLowerBound?: boolean };

function Results({ page }: { page: PersonPage }) {
  const { t } = useTranslation(PERSON_SEARCH);
  const language = useLanguage();
  if (page.items.length === 0) {
    return (
      <EmptyState
        icon={IconUserQuestion}
        title={t('empty.title')}
        body={t('empty.body')}
        testId="person-search-empty"
      />
    );
  }
  const unknown = (
    <Text span size="sm" c="gray.7">
      {t('results.unknown')}
    </Text>
  );
  const withheld = (
    <Text span size="sm" c="gray.7">
      {t('results.withheld')}
    </Text>
  );
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm" c="gray.7" data-testid="person-search-count">
        {page.totalIsLowerBound
          ? t('results.countMoreThan', { count: page.total })
          : t('results.count', { count: page.total })}
      </Text>
      <DataTable
        minWidth={820}
        striped
        highlightOnHover
        verticalSpacing="sm"
        caption={t('results.tableLabel')}
        captionHidden
        data-testid="person-search-results"
        columns={[
          t('results.name'),
          t('results.nationalId'),
          t('results.dateOfBirth'),
          t('results.sex'),
          t('results.reason'),
        ]}
        items={page.items}
      >
        {(person) => (
          <Table.Tr
            key={person.id}
            data-testid="person-search-result"
            data-person-id={person.id}
            data-masked={person.isMasked ? 'true' : undefined}
          >
            <Table.Td>
              <Anchor component={Link} to={`/persons/${person.id}`} fw={500}>
                {personName(person, language)}
              </Anchor>
              {language === 'en' && person.nameLatin ? (
                <Text size="xs" c="gray.7" lang="ar">
                  {person.fullNameAr}
                </Text>
              ) : null}
              {person.isMasked ? (
                <Box mt={4}>
                  <ProtectedVictimMarker where="inRegistry" />
                </Box>
              ) : null}
            </Table.Td>
            <Table.Td>
              {person.nationalId ? (
                <span className="ltr-value">{person.nationalId}</span>
              ) : person.isMasked ? (
                withheld
              ) : (
                unknown
              )}
            </Table.Td>
            <Table.Td>
              {person.dateOfBirth ? (
                <LegalDate value={person.dateOfBirth} />
              ) : person.isMasked ? (
                withheld
              ) : (
                unknown
              )}
            </Table.Td>
            <Table.Td>{person.sex ? t(`sex.${person.sex}`) : unknown}</Table.Td>
            <Table.Td>{person.match ? <MatchReason match={person.match} /> : null}</Table.Td>
          </Table.Tr>
        )}
      </DataTable>
      {page.totalIsLowerBound || page.total > page.items.length ? (
        <Text size="xs" c="gray.7">
          {t(page.totalIsLowerBound ? 'results.moreThan' : 'results.more', {
            shown: page.items.length,
            total: page.total,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
