/**
 * Merging a duplicate record into the person of the page (chief prosecutors): find the duplicate
 * in the registry (the search starts with this person's name, so likely duplicates come first),
 * choose it, compare both records, give a reason and confirm. A refusal keeps the dialog open and
 * says why: the server's sentence, and for a same-role conflict the files it names.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowsJoin, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { personName, type Person } from '../../api/intake';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { LegalDate } from '../../components/LegalDate';
import { MatchReason } from '../person-search/MatchReason';
import { type RegistryPerson } from './merge-types';
import { MergeRefusalAlert, useReasonedMergeAction } from './reasoned-merge-action';
import { PERSONS } from './messages';

export function MergeDialog({
  survivor,
  onClose,
}: {
  survivor: RegistryPerson;
  onClose: () => void;
}) {
  const { t } = useTranslation(PERSONS);
  const [duplicate, setDuplicate] = useState<Person | null>(null);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={duplicate ? t('merge.confirmTitle') : t('merge.title')}
      size="xl"
    >
      {duplicate ? (
        <ConfirmMerge
          survivor={survivor}
          duplicate={duplicate}
          onBack={() => setDuplicate(null)}
          onDone={onClose}
        />
      ) : (
        <FindDuplicate survivor={survivor} onChoose={setDuplicate} />
      )}
    </FormModal>
  );
}

function FindDuplicate({
  survivor,
  onChoose,
}: {
  survivor: RegistryPerson;
  onChoose: (person: Person) => void;
}) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const initial = [survivor.firstNameAr, survivor.familyNameAr].filter(Boolean).join(' ');
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState(initial);
  const found = useQuery({
    queryKey: ['persons', 'search', query, 'merge'],
    queryFn: () => api.get<Page<Person>>('/persons', { q: query, limit: 20 }),
    enabled: query.trim().length >= 2,
  });
  const candidates = (found.data?.items ?? []).filter((person) => person.id !== survivor.id);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    setQuery(text.trim());
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('merge.intro')}</Text>
      <form onSubmit={submit} role="search" aria-label={t('merge.query')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            flex={1}
            label={t('merge.query')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            type="search"
            autoComplete="off"
            data-autofocus
            data-testid="merge-query"
          />
          <Button
            type="submit"
            loading={found.isFetching}
            leftSection={<IconSearch size={16} aria-hidden />}
          >
            {t('merge.find')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={found.error} />
      {found.data && candidates.length === 0 ? (
        <Text c="gray.7" data-testid="merge-none">
          {t('merge.none')}
        </Text>
      ) : null}
      {candidates.length > 0 ? (
        <DataTable
          minWidth={640}
          verticalSpacing="xs"
          caption={t('merge.resultsLabel')}
          captionHidden
          columns={[
            t('fields.fullNameAr'),
            t('fields.nationalId'),
            t('fields.dateOfBirth'),
            t('merge.whyColumn'),
            t('merge.chooseColumn'),
          ]}
          items={candidates}
        >
          {(person) => (
            <Table.Tr key={person.id} data-testid="merge-candidate" data-person-id={person.id}>
              <Table.Td>{personName(person, language)}</Table.Td>
              <Table.Td>
                <span className="ltr-value">{person.nationalId ?? '—'}</span>
              </Table.Td>
              <Table.Td>
                {person.dateOfBirth ? <LegalDate value={person.dateOfBirth} /> : '—'}
              </Table.Td>
              <Table.Td>{person.match ? <MatchReason match={person.match} /> : null}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onChoose(person)}
                  aria-label={t('merge.chooseAria', { name: personName(person, language) })}
                  data-testid={`merge-choose-${person.id}`}
                >
                  {t('merge.choose')}
                </Button>
              </Table.Td>
            </Table.Tr>
          )}
        </DataTable>
      ) : null}
    </Stack>
  );
}

function ConfirmMerge({
  survivor,
  duplicate,
  onBack,
  onDone,
}: {
  survivor: RegistryPerson;
  duplicate: Person;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(PERSONS);
  const {
    mutation: merge,
    submit,
    reasonField,
  } = useReasonedMergeAction({
    send: (reason) =>
      api.post(`/persons/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        reason,
        version: survivor.version,
        duplicateVersion: duplicate.version,
      }),
    doneMessage: t('merge.done'),
    onDone,
  });

  return (
    <form onSubmit={submit} noValidate data-testid="merge-confirm">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RecordCard title={t('merge.keep')} person={survivor} />
          <RecordCard title={t('merge.duplicate')} person={duplicate} />
        </SimpleGrid>
        <Alert color="yellow" variant="light" icon={<IconArrowsJoin aria-hidden />}>
          {t('merge.warning')}
        </Alert>
        <Textarea
          label={t('merge.reason')}
          description={t('merge.reasonHint')}
          descriptionProps={{ c: 'gray.7' }}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reasonField.value}
          onChange={reasonField.onChange}
          error={reasonField.missing ? t('common:validation.required') : undefined}
          data-testid="merge-reason"
        />
        <MergeRefusalAlert error={merge.error} testId="merge-refusal" />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            {t('merge.back')}
          </Button>
          <FormActions
            onCancel={onDone}
            submitLabel={t('merge.submit')}
            loading={merge.isPending}
            color="red"
            submitTestId="merge-submit"
          />
        </Group>
      </Stack>
    </form>
  );
}

function RecordCard({ title, person }: { title: string; person: Person }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const unknown = t('unknown');
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h6" c="gray.7" mb={4}>
        {title}
      </Title>
      <Text fw={600}>{personName(person, language)}</Text>
      <Text size="sm">
        {t('fields.nationalId')}: <span className="ltr-value">{person.nationalId ?? unknown}</span>
      </Text>
      <Text size="sm">
        {t('fields.dateOfBirth')}:{' '}
        {person.dateOfBirth ? <LegalDate value={person.dateOfBirth} /> : unknown}
      </Text>
      <Text size="sm">
        {t('fields.sex')}: {person.sex ? t(`sex.${person.sex}`) : unknown}
      </Text>
    </Paper>
  );
}
