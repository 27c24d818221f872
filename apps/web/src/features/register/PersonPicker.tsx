/**
 * Choosing a person for a party: search the national registry (by part of a name, or by a full
 * national ID) or register a new person there. A national ID already registered gets 409 with
 * that person's id, and the form offers to use the registered person instead of a duplicate.
 */
import {
  Button,
  Divider,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { formatDate, toLocalInputValue } from '../../format/format';
import type { PartyRole, Person } from '../../api/intake';
import { personName } from '../../api/intake';
import { FormError } from './FormError';
import { REGISTER } from './messages';

const NATIONAL_ID = /^[0-9]{9}$/;

interface NewPerson {
  firstNameAr: string;
  fatherNameAr: string;
  grandfatherNameAr: string;
  familyNameAr: string;
  nameLatin: string;
  nationalId: string;
  sex: '' | 'female' | 'male';
  dateOfBirth: string;
}

const EMPTY: NewPerson = {
  firstNameAr: '',
  fatherNameAr: '',
  grandfatherNameAr: '',
  familyNameAr: '',
  nameLatin: '',
  nationalId: '',
  sex: '',
  dateOfBirth: '',
};

export function todayInputValue(): string {
  return toLocalInputValue(new Date()).slice(0, 10);
}

export function PersonPicker({
  role,
  onClose,
  onChoose,
}: {
  role: PartyRole | null;
  onClose: () => void;
  onChoose: (person: Person) => void;
}) {
  const { t } = useTranslation(REGISTER);
  return (
    <FormModal
      opened={role !== null}
      onClose={onClose}
      size="lg"

      title={role === 'victim' ? t('picker.titleVictim') : t('picker.titleAccused')}
    >
      {role !== null ? (
        <Stack gap="lg">
          <PersonSearch onChoose={onChoose} />
          <Divider
            label={t('picker.or')}
            labelPosition="center"
            styles={{ label: { color: 'var(--mantine-color-gray-7)' } }}
          />
          <NewPersonForm onChoose={onChoose} />
        </Stack>
      ) : null}
    </FormModal>
  );
}

function PersonSearch({ onChoose }: { onChoose: (person: Person) => void }) {
  const { t } = useTranslation(REGISTER);
  const language = useLanguage();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Page<Person> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function search(event: SyntheticEvent) {
    event.preventDefault();
    event.stopPropagation();
    const value = text.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api.get<Page<Person>>(
          '/persons',
          NATIONAL_ID.test(value) ? { nationalId: value, limit: 10 } : { q: value, limit: 10 },
        ),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void search(event)} role="search" aria-label={t('picker.search')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('picker.search')}
        </Title>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('picker.searchLabel')}
            description={t('picker.searchHint')}
            descriptionProps={{ c: 'gray.7' }}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={100}
            data-testid="person-search"
          />
          <Button
            type="submit"
            variant="light"
            loading={busy}
            leftSection={<IconSearch size={16} aria-hidden />}
            data-testid="person-search-submit"
          >
            {t('picker.searchButton')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {result ? (
          <Stack gap={4} aria-live="polite">
            {result.items.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('picker.noResults')}
              </Text>
            ) : (
              <ul
                aria-label={t('picker.results')}
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {result.items.map((person) => {
                  const name = personName(person, language);
                  return (
                    <li key={person.id}>
                      <Paper withBorder p="xs" mb={4}>
                        <Group justify="space-between" wrap="nowrap">
                          <div>
                            <Text fw={500}>{name}</Text>
                            <Text size="xs" c="gray.7">
                              {[
                                person.nationalId ? (
                                  <span key="id" className="ltr-value">
                                    {person.nationalId}
                                  </span>
                                ) : null,
                                person.dateOfBirth
                                  ? t('picker.bornOn', {
                                      date: formatDate(person.dateOfBirth, language),
                                    })
                                  : null,
                                person.sex ? t(`person.${person.sex}`) : null,
                              ]
                                .filter(Boolean)
                                .map((part, index) => (
                                  <span key={index}>
                                    {index > 0 ? ' · ' : null}
                                    {part}
                                  </span>
                                ))}
                            </Text>
                          </div>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => onChoose(person)}
                            aria-label={t('picker.chooseAria', { name })}
                            data-testid={`person-choose-${person.id}`}
                          >
                            {t('picker.choose')}
                          </Button>
                        </Group>
                      </Paper>
                    </li>
                  );
                })}
              </ul>
            )}
            {result.total > result.items.length ? (
              <Text size="xs" c="gray.7">
                {t('picker.more', { shown: result.items.length, total: result.total })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}

function NewPersonForm({ onChoose }: { onChoose: (person: Person) => void }) {
  const { t } = useTranslation(REGISTER);
  const [person, setPerson] = useState<NewPerson>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const today = todayInputValue();
  const set = (field: keyof NewPerson) => (value: string) =>
    setPerson((current) => ({ ...current, [field]: value }));

  const problems = error instanceof ApiError ? error.fieldProblems : {};
  const fieldError = (field: keyof NewPerson, local: string | null) =>
    (touched ? local : null) ?? (problems[field] ? t('person.checkField') : undefined);
  const localErrors = {
    firstNameAr: person.firstNameAr.trim() === '' ? t('common:validation.required') : null,
    nationalId:
      person.nationalId.trim() !== '' && !NATIONAL_ID.test(person.nationalId.trim())
        ? t('person.nationalIdInvalid')
        : null,
    dateOfBirth: person.dateOfBirth > today ? t('dateInFuture') : null,
  };
  const existingId =
    error instanceof ApiError && error.code === 'ALREADY_EXISTS'
      ? (error.details.personId as string | undefined)
      : undefined;

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    event.stopPropagation();
    setTouched(true);
    if (Object.values(localErrors).some(Boolean)) return;
    setBusy(true);
    setError(null);
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    try {
      const saved = await api.post<Person>('/persons', {
        firstNameAr: person.firstNameAr.trim(),
        fatherNameAr: optional(person.fatherNameAr),
        grandfatherNameAr: optional(person.grandfatherNameAr),
        familyNameAr: optional(person.familyNameAr),
        nameLatin: optional(person.nameLatin),
        nationalId: optional(person.nationalId),
        sex: person.sex === '' ? undefined : person.sex,
        dateOfBirth: optional(person.dateOfBirth),
      });
      onChoose(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function chooseRegistered(id: string) {
    setBusy(true);
    try {
      onChoose(await api.get<Person>(`/persons/${id}`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={t('picker.newPerson')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('picker.newPerson')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('person.firstName')}
            value={person.firstNameAr}
            onChange={(event) => set('firstNameAr')(event.currentTarget.value)}
            error={fieldError('firstNameAr', localErrors.firstNameAr)}
            required
            maxLength={100}
            lang="ar"
            data-testid="person-first-name"
          />
          <TextInput
            label={t('person.fatherName')}
            value={person.fatherNameAr}
            onChange={(event) => set('fatherNameAr')(event.currentTarget.value)}
            error={fieldError('fatherNameAr', null)}
            maxLength={100}
            lang="ar"
            data-testid="person-father-name"
          />
          <TextInput
            label={t('person.grandfatherName')}
            value={person.grandfatherNameAr}
            onChange={(event) => set('grandfatherNameAr')(event.currentTarget.value)}
            error={fieldError('grandfatherNameAr', null)}
            maxLength={100}
            lang="ar"
            data-testid="person-grandfather-name"
          />
          <TextInput
            label={t('person.familyName')}
            value={person.familyNameAr}
            onChange={(event) => set('familyNameAr')(event.currentTarget.value)}
            error={fieldError('familyNameAr', null)}
            maxLength={100}
            lang="ar"
            data-testid="person-family-name"
          />
          <TextInput
            label={t('person.nameLatin')}
            value={person.nameLatin}
            onChange={(event) => set('nameLatin')(event.currentTarget.value)}
            error={fieldError('nameLatin', null)}
            maxLength={300}
            lang="en"
            dir="ltr"
            data-testid="person-name-latin"
          />
          <TextInput
            label={t('person.nationalId')}
            description={t('person.nationalIdHint')}
            descriptionProps={{ c: 'gray.7' }}
            value={person.nationalId}
            onChange={(event) => set('nationalId')(event.currentTarget.value)}
            error={fieldError('nationalId', localErrors.nationalId)}
            inputMode="numeric"
            maxLength={9}
            dir="ltr"
            data-testid="person-national-id"
          />
          <NativeSelect
            label={t('person.sex')}
            value={person.sex}
            onChange={(event) => set('sex')(event.currentTarget.value)}
            error={fieldError('sex', null)}
            data={[
              { value: '', label: t('person.sexUnknown') },
              { value: 'female', label: t('person.female') },
              { value: 'male', label: t('person.male') },
            ]}
            data-testid="person-sex"
          />
          <TextInput
            type="date"
            label={t('person.dateOfBirth')}
            description={t('person.dateOfBirthHint')}
            descriptionProps={{ c: 'gray.7' }}
            value={person.dateOfBirth}
            onChange={(event) => set('dateOfBirth')(event.currentTarget.value)}
            error={fieldError('dateOfBirth', localErrors.dateOfBirth)}
            min="1900-01-01"
            max={today}
            data-testid="person-date-of-birth"
          />
        </SimpleGrid>
        {existingId ? (
          <Paper withBorder p="sm" bg="yellow.0" role="alert">
            <Group justify="space-between">
              <Text size="sm">{t('person.exists')}</Text>
              <Button size="xs" variant="light" onClick={() => void chooseRegistered(existingId)}>
                {t('person.useExisting')}
              </Button>
            </Group>
          </Paper>
        ) : (
          <FormError error={error} />
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={busy}
            leftSection={<IconUserPlus size={16} aria-hidden />}
            data-testid="person-save"
          >
            {t('person.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
