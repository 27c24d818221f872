/**
 * Choosing a person for a party: search the national registry (by part of a name, or by a full
 * national ID) or register a new person there. Before a new person is saved, the registry is
 * searched for likely duplicates (the same name in any spelling, with the year of birth when
 * given, or the same national ID); when there are some, they are shown first, each with "use this
 * person", and registering a new person anyway is an explicit choice. A national ID already
 * registered still gets 409 with that person's id, and the form offers to use that person.
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
import { PERSON_SEARCH } from '../person-search/messages';
import { MatchReason } from '../person-search/MatchReason';
import { FormError } from './FormError';
import { REGISTER } from './messages';

/** The four parts of an Arabic name, in the order they are written; only the first is required. */
const ARABIC_NAME_PARTS = [
  { field: 'firstNameAr', label: 'person.firstName', testId: 'person-first-name' },
  { field: 'fatherNameAr', label: 'person.fatherName', testId: 'person-father-name' },
  {
    field: 'grandfatherNameAr',
    label: 'person.grandfatherName',
    testId: 'person-grandfather-name',
  },
  { field: 'familyNameAr', label: 'person.familyName', testId: 'person-family-name' },
] as const;

const NATIONAL_ID = /^[0-9]{9}$/;
/** A name match at least this good (1 is every word whole) makes a person a likely duplicate. */
const LIKELY_DUPLICATE_SCORE = 0.85;

/** Whether a search result is likely the person being registered. */
export function isLikelyDuplicate(person: Person): boolean {
  const match = person.match;
  if (!match) return false;
  if (match.by === 'national_id') return match.kind === 'exact';
  return match.by === 'name' && match.score >= LIKELY_DUPLICATE_SCORE;
}

/**
 * Registered persons that are likely the one being registered: by name (first and family name
 * when both are typed, else every part typed; the year of birth narrows) and by national ID.
 * A failed search finds nobody: it must not stop a registration.
 */
async function findLikelyDuplicates(person: NewPerson): Promise<Person[]> {
  const parts = [
    person.firstNameAr,
    person.fatherNameAr,
    person.grandfatherNameAr,
    person.familyNameAr,
  ]
    .map((part) => part.trim())
    .filter(Boolean);
  const first = person.firstNameAr.trim();
  const family = person.familyNameAr.trim();
  const q = first && family ? `${first} ${family}` : parts.join(' ');
  const year = /^[0-9]{4}-/.test(person.dateOfBirth)
    ? Number(person.dateOfBirth.slice(0, 4))
    : undefined;
  const nationalId = person.nationalId.trim();
  const [byName, byId] = await Promise.all([
    api
      .get<Page<Person>>('/persons', { q: q.slice(0, 100), birthYear: year, limit: 5 })
      .then((page) => page.items.filter(isLikelyDuplicate))
      .catch(() => []),
    NATIONAL_ID.test(nationalId)
      ? api
          .get<Page<Person>>('/persons', { nationalId, limit: 5 })
          .then((page) =>
            page.items.map((found): Person => ({
              ...found,
              match: { by: 'national_id', score: 1, kind: 'exact' },
            })),
          )
          .catch(() => [])
      : Promise.resolve([] as Person[]),
  ]);
  const seen = new Set<string>();
  return [...byId, ...byName].filter((found) => !seen.has(found.id) && seen.add(found.id));
}

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
  /** Likely duplicates found for the values typed; null until searched (again after an edit). */
  const [duplicates, setDuplicates] = useState<Person[] | null>(null);
  const today = todayInputValue();
  const set = (field: keyof NewPerson) => (value: string) => {
    setPerson((current) => ({ ...current, [field]: value }));
    setDuplicates(null);
  };

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
    if (duplicates !== null && duplicates.length > 0) return;
    setBusy(true);
    setError(null);
    if (duplicates === null) {
      const found = await findLikelyDuplicates(person);
      setDuplicates(found);
      if (found.length > 0) {
        setBusy(false);
        return;
      }
    }
    await register();
  }

  async function register() {
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
          {ARABIC_NAME_PARTS.map((part) => (
            <TextInput
              key={part.field}
              label={t(part.label)}
              value={person[part.field]}
              onChange={(event) => set(part.field)(event.currentTarget.value)}
              error={fieldError(
                part.field,
                part.field === 'firstNameAr' ? localErrors.firstNameAr : null,
              )}
              required={part.field === 'firstNameAr'}
              maxLength={100}
              lang="ar"
              data-testid={part.testId}
            />
          ))}
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
        {duplicates !== null && duplicates.length > 0 ? (
          <DuplicatePrompt
            persons={duplicates}
            busy={busy}
            onChoose={onChoose}
            onRegisterNew={() => void register()}
          />
        ) : null}
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
        {duplicates !== null && duplicates.length > 0 ? null : (
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
        )}
      </Stack>
    </form>
  );
}

/** The likely duplicates of a person being registered, shown before registering them. */
function DuplicatePrompt({
  persons,
  busy,
  onChoose,
  onRegisterNew,
}: {
  persons: Person[];
  busy: boolean;
  onChoose: (person: Person) => void;
  onRegisterNew: () => void;
}) {
  const { t } = useTranslation(PERSON_SEARCH);
  const language = useLanguage();
  return (
    <Paper
      withBorder
      p="sm"
      bg="yellow.0"
      role="region"
      aria-labelledby="duplicate-prompt-title"
      data-testid="duplicate-prompt"
    >
      <Stack gap="xs">
        <div role="alert">
          <Title order={4} size="h6" id="duplicate-prompt-title">
            {t('duplicates.title')}
          </Title>
          <Text size="sm">{t('duplicates.body')}</Text>
        </div>
        <ul
          aria-label={t('duplicates.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {persons.map((person) => {
            const name = personName(person, language);
            return (
              <li key={person.id}>
                <Paper withBorder p="xs" mb={4} data-testid="duplicate-candidate">
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
                            ? t('duplicates.bornOn', {
                                date: formatDate(person.dateOfBirth, language),
                              })
                            : null,
                          person.sex ? t(`sex.${person.sex}`) : null,
                        ]
                          .filter(Boolean)
                          .map((part, index) => (
                            <span key={index}>
                              {index > 0 ? ' · ' : null}
                              {part}
                            </span>
                          ))}
                      </Text>
                      {person.match ? <MatchReason match={person.match} /> : null}
                    </div>
                    <Button
                      size="xs"
                      variant="filled"
                      onClick={() => onChoose(person)}
                      aria-label={t('duplicates.useAria', { name })}
                      data-testid={`duplicate-use-${person.id}`}
                    >
                      {t('duplicates.use')}
                    </Button>
                  </Group>
                </Paper>
              </li>
            );
          })}
        </ul>
        <Group justify="flex-end">
          <Button
            variant="default"
            loading={busy}
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={onRegisterNew}
            data-testid="person-register-new"
          >
            {t('duplicates.registerNew')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
