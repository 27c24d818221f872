/**
 * Registering a file: a police report (police investigator), a prosecution file (prosecutor) or a
 * civil claim (court clerk), with its suspect(s) and victim(s) and, where the case type allows it
 * at registration, a first charge. A victim's relationship to the accused and a confidential
 * address go with her `add_party` (issue 6): a family relationship makes the file a family
 * protection file.
 *
 * The server registers the file (`POST /cases`), then each party is an `add_party` event and the
 * charge an `add_charge` event, each at the file's current version. If a step after registration
 * fails, the form says the file exists, links to it, keeps everything typed, and a second submit
 * adds only what is missing (it reads the file first), so a file is never registered twice.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCheck,
  IconFilePlus,
  IconTrash,
  IconUserExclamation,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useSession } from '../../app/session';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format/format';
import { pick, type Language } from '../../i18n/i18n';
import {
  personName,
  type CaseHeader,
  type CasePageLite,
  type Institution,
  type PartyRole,
  type Person,
} from '../../api/intake';
import { useCaseTypes, type CaseTypeInfo } from '../../api/case-types';
import { FormError } from './FormError';
import { REGISTER } from './messages';
import { PersonPicker, todayInputValue } from './PersonPicker';
import { RELATIONSHIP_CODES, type RelationshipCode } from './relationship-labels';

interface Choice {
  key: string;
  caseType: CaseTypeInfo;
  institutionId: string;
  /** The unit of the grant that allows registering; null = the whole institution. */
  grantUnitId: string | null;
}

interface PartyDraft {
  key: string;
  role: PartyRole;
  person: Person;
  /** A victim's relationship to the accused; '' when not stated. */
  relationship: RelationshipCode | '';
  /** A victim's address kept even from the accused's lawyer. */
  addressConfidential: boolean;
}

interface Offence {
  id: string;
  code: string;
  article: string;
  titleAr: string;
  titleEn: string;
  offenceClass: string;
  isActive: boolean;
}

/** The file left the registrar's hands while being registered (it became a juvenile file). */
class RoutedAway extends Error {
  constructor(readonly reference: string | null) {
    super('routed away');
  }
}

/** How far the registration went: the file exists; these parties (by draft key) are on it. */
interface Progress {
  file: CaseHeader;
  partyIds: Record<string, string>;
  chargeAdded: boolean;
  failed: string | null;
}

/** Which files the user may register where: their standard grants × the types' registering roles. */
function choicesOf(
  assignments: ReturnType<typeof useSession>['user']['assignments'],
  types: readonly CaseTypeInfo[],
): Choice[] {
  const choices = new Map<string, Choice>();
  for (const grant of assignments) {
    if (grant.grantKind !== 'standard' || !grant.institutionId) continue;
    for (const type of types) {
      if (!type.registeringRoles.includes(grant.role)) continue;
      const key = `${type.caseType}|${grant.institutionId}|${grant.unitId ?? ''}`;
      choices.set(key, {
        key,
        caseType: type,
        institutionId: grant.institutionId,
        grantUnitId: grant.unitId,
      });
    }
  }
  return [...choices.values()];
}

export function Component() {
  const { t } = useTranslation(REGISTER);
  const caseTypes = useCaseTypes();
  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" mt="-md">
        {t('intro')}
      </Text>
      <QueryState query={caseTypes}>{(types) => <RegisterForm types={types} />}</QueryState>
    </Stack>
  );
}

function institutionName(institution: Institution | undefined, language: Language) {
  if (!institution) return '';
  return language === 'en' ? institution.nameEn : institution.nameAr;
}

function RegisterForm({ types }: { types: CaseTypeInfo[] }) {
  const { t } = useTranslation(REGISTER);
  const language = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const choices = useMemo(
    () => choicesOf(session.user.assignments, types),
    [session.user.assignments, types],
  );
  const institutionIds = [...new Set(choices.map((choice) => choice.institutionId))];
  const institutions = useQueries({
    queries: institutionIds.map((id) => ({
      queryKey: ['institutions', id],
      queryFn: () => api.get<Institution>(`/institutions/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const institutionById = new Map(
    institutions.flatMap((query) => (query.data ? [[query.data.id, query.data] as const] : [])),
  );
  // A type kept at other kinds of institution (known once the institution has loaded) is no choice.
  const usable = choices.filter((choice) => {
    const institution = institutionById.get(choice.institutionId);
    return !institution || choice.caseType.institutionKinds.includes(institution.kind);
  });

  const [choiceKey, setChoiceKey] = useState('');
  const [unitId, setUnitId] = useState('');
  const [incidentDate, setIncidentDate] = useState('');
  const [summary, setSummary] = useState('');
  const [parties, setParties] = useState<PartyDraft[]>([]);
  const [picking, setPicking] = useState<PartyRole | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [offenceId, setOffenceId] = useState<string | null>(null);
  const [chargedKey, setChargedKey] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);

  const choice = usable.find((c) => c.key === choiceKey) ?? usable[0];
  const institution = choice ? institutionById.get(choice.institutionId) : undefined;
  const units = (institution?.units ?? []).filter((unit) => unit.isActive);
  const canChooseUnit = choice?.grantUnitId === null && units.length > 0;
  const canCharge = choice?.caseType.events.some((event) => event.name === 'add_charge') ?? false;
  const accusedDrafts = parties.filter((party) => party.role === 'accused');
  const chargedParty = accusedDrafts.find((p) => p.key === chargedKey) ?? accusedDrafts[0];
  const today = todayInputValue();
  const isLocked = progress !== null;

  const offences = useQuery({
    queryKey: ['offences', 'active'],
    queryFn: () => api.get<Page<Offence>>('/offences', { limit: 500 }),
    enabled: canCharge,
    staleTime: 30 * 60_000,
  });

  const localErrors = {
    summary: summary.trim() === '' ? t('common:validation.required') : null,
    incidentDate: incidentDate !== '' && incidentDate > today ? t('dateInFuture') : null,
  };

  if (usable.length === 0 || !choice) {
    return (
      <Alert color="gray" icon={<IconAlertTriangle aria-hidden />}>
        {t('noTypes')}
      </Alert>
    );
  }

  function addParty(person: Person) {
    const role = picking;
    if (!role) return;
    if (parties.some((p) => p.role === role && p.person.id === person.id)) {
      setDuplicate(true);
    } else {
      setDuplicate(false);
      setParties((current) => [
        ...current,
        { key: crypto.randomUUID(), role, person, relationship: '', addressConfidential: false },
      ]);
    }
    setPicking(null);
  }

  function removeParty(key: string) {
    setParties((current) => current.filter((p) => p.key !== key));
  }

  function changeParty(key: string, change: Partial<PartyDraft>) {
    setParties((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }

  async function fire(file: { id: string; version: number }, event: string, payload: object) {
    const answer = await api.post<CasePageLite | (CaseHeader & { accessEnded: true })>(
      `/cases/${file.id}/events`,
      { event, version: file.version, payload },
    );
    // Adding a juvenile accused makes the file restricted and moves it to the juvenile unit: a
    // registrar who is not on its team loses it there and then (the server says so).
    if ('accessEnded' in answer) throw new RoutedAway(answer.reference);
    return answer;
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setTouched(true);
    if (!choice || Object.values(localErrors).some(Boolean)) return;
    setBusy(true);
    setError(null);
    let current: Progress | null = progress;
    try {
      if (!current) {
        const unit = choice.grantUnitId ?? (canChooseUnit && unitId ? unitId : null);
        const file = await api.post<CaseHeader>('/cases', {
          caseType: choice.caseType.caseType,
          institutionId: choice.institutionId,
          ...(unit ? { unitId: unit } : {}),
          summary: summary.trim(),
          ...(incidentDate ? { incidentDate } : {}),
        });
        current = { file, partyIds: {}, chargeAdded: false, failed: null };
        setProgress(current);
      } else {
        // A second attempt: read the file, so the version is current and nothing is added twice.
        const page = await api.get<CasePageLite>(`/cases/${current.file.id}`);
        const partyIds = { ...current.partyIds };
        for (const draft of parties) {
          const onFile = page.parties?.find(
            (p) => p.personId === draft.person.id && p.role === draft.role,
          );
          if (onFile) partyIds[draft.key] = onFile.id;
        }
        current = { ...current, file: page, partyIds };
      }

      for (const draft of parties) {
        if (current.partyIds[draft.key]) continue;
        current = { ...current, failed: personName(draft.person, language) };
        const page = await fire(current.file, 'add_party', {
          personId: draft.person.id,
          role: draft.role,
          ...(draft.role === 'victim' && draft.relationship
            ? { relationshipToAccused: draft.relationship }
            : {}),
          ...(draft.role === 'victim' && draft.addressConfidential
            ? { addressConfidential: true }
            : {}),
        });
        const added = page.parties?.filter(
          (p) => p.personId === draft.person.id && p.role === draft.role,
        );
        current = {
          ...current,
          file: page,
          partyIds: { ...current.partyIds, [draft.key]: added?.at(-1)?.id ?? 'added' },
          failed: null,
        };
        setProgress(current);
      }

      if (canCharge && offenceId && chargedParty && !current.chargeAdded) {
        const partyId = current.partyIds[chargedParty.key];
        current = { ...current, failed: t('partial.charge') };
        if (partyId && partyId !== 'added') {
          const page = await fire(current.file, 'add_charge', {
            partyId,
            offenceId,
            ...(incidentDate ? { incidentDate } : {}),
          });
          current = { ...current, file: page, chargeAdded: true, failed: null };
          setProgress(current);
        }
      }

      await queryClient.invalidateQueries({ queryKey: ['work-queue'] });
      notifications.show({
        color: 'green',
        message: t('registered', { reference: current.file.reference ?? '' }),
      });
      await navigate(`/cases/${current.file.id}`);
    } catch (caught) {
      if (caught instanceof RoutedAway) {
        await queryClient.invalidateQueries({ queryKey: ['work-queue'] });
        notifications.show({
          color: 'blue',
          autoClose: 10_000,
          message: t('routedAway', { reference: caught.reference ?? '' }),
        });
        await navigate('/', { replace: true });
        return;
      }
      setError(caught);
      if (current) setProgress(current);
    } finally {
      setBusy(false);
    }
  }

  const offenceData = (offences.data?.items ?? [])
    .filter((offence) => offence.isActive)
    .map((offence) => ({
      value: offence.id,
      label: `${language === 'en' ? offence.titleEn : offence.titleAr} (${offence.code})`,
    }));

  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="lg" maw={900}>
          <Paper withBorder p="md" component="section" aria-labelledby="register-file-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="register-file-heading">
                {t('sections.file')}
              </Title>
              <NativeSelect
                label={t('caseType')}
                value={choice.key}
                onChange={(event) => {
                  setChoiceKey(event.currentTarget.value);
                  setUnitId('');
                }}
                disabled={isLocked}
                data={usable.map((c) => ({
                  value: c.key,
                  label: t('caseTypeOption', {
                    type: pick(c.caseType.labels, language),
                    institution: institutionName(institutionById.get(c.institutionId), language),
                  }),
                }))}
                data-testid="register-case-type"
              />
              {canChooseUnit ? (
                <NativeSelect
                  label={t('unit')}
                  description={t('unitHint')}
                  descriptionProps={{ c: 'gray.7' }}
                  value={unitId}
                  onChange={(event) => setUnitId(event.currentTarget.value)}
                  disabled={isLocked}
                  data={[
                    { value: '', label: t('noUnit') },
                    ...units.map((unit) => ({
                      value: unit.id,
                      label: language === 'en' ? unit.nameEn : unit.nameAr,
                    })),
                  ]}
                  data-testid="register-unit"
                />
              ) : null}
              <TextInput
                type="date"
                label={t('incidentDate')}
                description={t('incidentDateHint')}
                descriptionProps={{ c: 'gray.7' }}
                value={incidentDate}
                onChange={(event) => setIncidentDate(event.currentTarget.value)}
                error={touched ? localErrors.incidentDate : null}
                max={today}
                disabled={isLocked}
                w={{ base: '100%', sm: 260 }}
                data-testid="register-incident-date"
              />
              <Textarea
                label={t('summary')}
                description={t('summaryHint')}
                descriptionProps={{ c: 'gray.7' }}
                value={summary}
                onChange={(event) => setSummary(event.currentTarget.value)}
                error={touched ? localErrors.summary : null}
                required
                autosize
                minRows={3}
                maxLength={8000}
                disabled={isLocked}
                data-testid="register-summary"
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="register-parties-heading">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h4" id="register-parties-heading">
                  {t('sections.parties')}
                </Title>
                <Group gap="xs">
                  <Button
                    variant="light"
                    leftSection={<IconUserExclamation size={16} aria-hidden />}
                    onClick={() => setPicking('accused')}
                    data-testid="party-add-suspect"
                  >
                    {t('parties.addSuspect')}
                  </Button>
                  <Button
                    variant="light"
                    leftSection={<IconUserPlus size={16} aria-hidden />}
                    onClick={() => setPicking('victim')}
                    data-testid="party-add-victim"
                  >
                    {t('parties.addVictim')}
                  </Button>
                </Group>
              </Group>
              {duplicate ? (
                <Text size="sm" c="orange.9" role="status">
                  {t('parties.duplicate')}
                </Text>
              ) : null}
              {parties.some((party) => party.role === 'victim') ? (
                <Text size="sm" c="gray.7" data-testid="register-family-hint">
                  {t('parties.familyHint')}
                </Text>
              ) : null}
              {parties.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('parties.none')}
                </Text>
              ) : (
                <DataTable
                  minWidth={760}
                  aria-label={t('parties.tableLabel')}
                  data-testid="register-parties"
                  columns={[
                    t('parties.name'),
                    t('parties.role'),
                    t('parties.nationalId'),
                    t('parties.dateOfBirth'),
                    t('parties.protection'),
                    t('parties.actions'),
                  ]}
                  items={parties}
                >
                  {(party) => {
                    const name = personName(party.person, language);
                    const isAdded = Boolean(progress?.partyIds[party.key]);
                    return (
                      <Table.Tr key={party.key} data-testid="register-party" data-role={party.role}>
                        <Table.Td>
                          <Text fw={500}>{name}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={party.role === 'accused' ? 'orange' : 'blue'}
                            c={party.role === 'accused' ? 'dark.7' : 'blue.9'}
                            // Never cut short by a narrow column: the role is the point of the row.
                            miw="max-content"
                          >
                            {t(`roles.${party.role}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <span className="ltr-value">{party.person.nationalId ?? '—'}</span>
                        </Table.Td>
                        <Table.Td>
                          {party.person.dateOfBirth
                            ? formatDate(party.person.dateOfBirth, language)
                            : '—'}
                        </Table.Td>
                        <Table.Td>
                          {party.role === 'victim' ? (
                            <Stack gap={6}>
                              <NativeSelect
                                size="xs"
                                aria-label={t('parties.relationshipAria', { name })}
                                value={party.relationship}
                                onChange={(event) =>
                                  changeParty(party.key, {
                                    relationship: event.currentTarget.value as
                                      RelationshipCode | '',
                                  })
                                }
                                disabled={isAdded}
                                data={[
                                  { value: '', label: t('parties.relationshipUnknown') },
                                  ...RELATIONSHIP_CODES.map((code) => ({
                                    value: code,
                                    label: t(`relationships.${code}`),
                                  })),
                                ]}
                                data-testid="register-party-relationship"
                              />
                              <Checkbox
                                size="xs"
                                label={t('parties.confidentialAddress')}
                                description={t('parties.confidentialAddressHint')}
                                styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
                                checked={party.addressConfidential}
                                onChange={(event) =>
                                  changeParty(party.key, {
                                    addressConfidential: event.currentTarget.checked,
                                  })
                                }
                                disabled={isAdded}
                                data-testid="register-party-confidential-address"
                              />
                            </Stack>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>
                          {isAdded ? (
                            <Badge
                              color="green"
                              c="green.9"
                              variant="light"
                              leftSection={<IconCheck size={12} aria-hidden />}
                            >
                              {t('parties.added')}
                            </Badge>
                          ) : (
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              leftSection={<IconTrash size={14} aria-hidden />}
                              onClick={() => removeParty(party.key)}
                              aria-label={t('parties.removeAria', { name })}
                            >
                              {t('parties.remove')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  }}
                </DataTable>
              )}
            </Stack>
          </Paper>

          {canCharge ? (
            <Paper withBorder p="md" component="section" aria-labelledby="register-charge-heading">
              <Stack gap="sm">
                <Title order={2} size="h4" id="register-charge-heading">
                  {t('sections.charge')}
                </Title>
                <Text size="sm" c="gray.7">
                  {accusedDrafts.length === 0 ? t('charge.needsAccused') : t('charge.intro')}
                </Text>
                {accusedDrafts.length > 1 ? (
                  <NativeSelect
                    label={t('charge.accused')}
                    value={chargedParty?.key ?? ''}
                    onChange={(event) => setChargedKey(event.currentTarget.value)}
                    disabled={progress?.chargeAdded}
                    data={accusedDrafts.map((p) => ({
                      value: p.key,
                      label: personName(p.person, language),
                    }))}
                  />
                ) : null}
                <Select
                  label={t('charge.offence')}
                  placeholder={t('charge.offencePlaceholder')}
                  data={offenceData}
                  value={offenceId}
                  onChange={setOffenceId}
                  searchable
                  clearable
                  nothingFoundMessage={t('common:none')}
                  disabled={accusedDrafts.length === 0 || progress?.chargeAdded}
                  data-testid="register-offence"
                />
              </Stack>
            </Paper>
          ) : null}

          {progress && error ? (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('partial.title')}
              data-testid="register-partial"
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('partial.body', {
                    reference: progress.file.reference ?? '',
                    what: progress.failed ?? '',
                  })}
                </Text>
                <FormError error={error} />
                <Anchor component={Link} to={`/cases/${progress.file.id}`} fw={500}>
                  {t('partial.openFile')}
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <FormError error={error} />
          )}

          <Group justify="flex-end">
            <Button
              type="submit"
              size="md"
              loading={busy}
              leftSection={<IconFilePlus size={18} aria-hidden />}
              data-testid="register-submit"
            >
              {progress ? t('continue') : t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <PersonPicker role={picking} onClose={() => setPicking(null)} onChoose={addParty} />
    </>
  );
}
