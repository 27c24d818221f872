/**
 * The pickers of the event forms: what a uuid field names, chosen by its human name. Things on
 * the file (parties, victims, detentions, hearings, charges, protection measures) come from the
 * case page already loaded;
 * judges, staff, counsellors and mediators, institutions, offences and persons are looked up on
 * the server.
 */
import { Alert, Checkbox, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import type { RefFieldProps } from '../../components/forms/SchemaForm';
import { asList, asText } from '../../components/forms/schema-fields';
import { formatDateTime } from '../../format/format';
import { pick, type Language } from '../../i18n/i18n';
import { CASE_FAMILY } from './family-messages';
import { CASES } from './messages';
import { CASE_PAYLOAD } from './payload-messages';
import type { CasePage, Party } from './types';

export interface Choice {
  value: string;
  label: string;
}

export function partyName(party: Party, language: Language): string {
  return language === 'en' && party.nameLatin ? party.nameLatin : party.nameAr;
}

export function partyRoleLabel(
  party: Party,
  language: Language,
  t: (key: string) => string,
): string {
  return party.roleLabels
    ? pick(party.roleLabels, language)
    : t(`${CASE_PAYLOAD}:values.role.${party.role}`);
}

/** Choices for the references that live on the file itself. */
export function fileChoices(
  kind: string,
  page: CasePage,
  language: Language,
  t: (key: string, options?: Record<string, unknown>) => string,
): Choice[] | null {
  const parties = page.parties ?? [];
  const partyLabel = (id: string) => {
    const party = parties.find((p) => p.id === id);
    return party ? `${partyName(party, language)} (${partyRoleLabel(party, language, t)})` : '';
  };
  const chargeLabel = (c: CasePage['charges'][number]) => {
    const title = language === 'en' ? c.offence.titleEn : c.offence.titleAr;
    const who = parties.find((p) => p.id === c.partyId);
    return `${title} (${c.offence.article})${who ? ` · ${partyName(who, language)}` : ''}`;
  };
  const hearingLabel = (h: NonNullable<CasePage['hearings']>[number]) =>
    `${formatDateTime(h.startsAt, language)} · ${t(`${CASES}:hearing.room`)} ${h.room}`;
  switch (kind) {
    case 'party':
      return parties.map((p) => ({ value: p.id, label: partyLabel(p.id) }));
    case 'accused':
      return parties
        .filter((p) => p.role === 'accused')
        .map((p) => ({ value: p.id, label: partyLabel(p.id) }));
    case 'victim':
      return parties
        .filter((p) => p.role === 'victim' || p.role === 'complainant')
        .map((p) => ({ value: p.id, label: partyLabel(p.id) }));
    case 'protectionMeasure':
      // The measures still in force: a violation or a revocation names one of them.
      return page.protectionMeasures
        .filter((m) => m.status === 'active' || m.status === 'violated')
        .map((m) => ({
          value: m.id,
          label: [
            t(`${CASE_PAYLOAD}:values.measureKind.${m.kind}`, { defaultValue: m.kind }),
            partyLabel(m.protectedPartyId),
            `${t(`${CASE_FAMILY}:measure.expiresAt`)} ${formatDateTime(m.expiresAt, language)}`,
          ]
            .filter(Boolean)
            .join(' · '),
        }));
    case 'detention':
    case 'openDetention':
      return page.detentions
        .filter((d) => kind === 'detention' || d.releasedAt === null)
        .map((d) => ({
          value: d.id,
          label: `${partyLabel(d.partyId) || t(`${CASES}:detention.person`)} · ${formatDateTime(d.arrestedAt, language)}`,
        }));
    case 'hearing':
    case 'scheduledHearing':
      return (page.hearings ?? [])
        .filter((h) => kind === 'hearing' || h.status === 'scheduled')
        .map((h) => ({ value: h.id, label: hearingLabel(h) }));
    case 'charge':
    case 'pendingCharge':
    case 'indictedCharge':
      return page.charges
        .filter(
          (c) =>
            kind === 'charge' ||
            c.disposition === (kind === 'pendingCharge' ? 'pending' : 'indicted'),
        )
        .map((c) => ({ value: c.id, label: chargeLabel(c) }));
    default:
      return null;
  }
}

interface StaffMember {
  userId: string;
  nameAr: string;
  nameEn: string;
}
interface Institution {
  id: string;
  kind: string;
  nameAr: string;
  nameEn: string;
}
interface Offence {
  id: string;
  code: string;
  article: string;
  titleAr: string;
  titleEn: string;
}
/** A counsellor or mediator (`GET /lookups/case-workers`), who may work from any institution. */
interface CaseWorker {
  id: string;
  username: string;
  displayNameAr: string;
  displayNameEn: string;
  role: string;
  institution: { id: string; code: string; nameAr: string; nameEn: string };
}

/** Reference kinds that name a child protection counsellor or a mediator. */
const CASE_WORKER_KINDS = ['counsellor', 'mediator'] as const;
const isCaseWorkerKind = (kind: string): kind is (typeof CASE_WORKER_KINDS)[number] =>
  (CASE_WORKER_KINDS as readonly string[]).includes(kind);

interface Person {
  id: string;
  fullNameAr: string;
  nameLatin: string | null;
  nationalId: string | null;
  dateOfBirth: string | null;
}

/** The role that leads a file at an institution of this kind (the server's leadRoleFor). */
function leadRoleOf(kind: string | undefined): string | null {
  if (kind === 'court') return 'judge';
  if (kind === 'prosecution_office') return 'prosecutor';
  if (kind === 'police_unit') return 'police_investigator';
  return null;
}

/** Looked-up choices: returns the choices, or null while loading, plus the error. */
function useLookupChoices(
  kind: string,
  page: CasePage,
  language: Language,
): { choices: Choice[] | null; error: unknown } {
  const name = (r: { nameAr: string; nameEn: string }) => (language === 'en' ? r.nameEn : r.nameAr);
  const institutionKind = kind.startsWith('institution:')
    ? kind.slice('institution:'.length)
    : null;
  const institutions = useQuery({
    queryKey: ['institutions', institutionKind],
    queryFn: () =>
      api.get<Page<Institution>>('/institutions', { kind: institutionKind, limit: 500 }),
    enabled: institutionKind !== null,
    staleTime: 300_000,
  });
  const judges = useQuery({
    queryKey: ['lookups', 'judges', page.institutionId, page.id],
    queryFn: () =>
      api.get<{ items: StaffMember[] }>('/lookups/judges', {
        courtId: page.institutionId,
        caseId: page.id,
      }),
    enabled: kind === 'judge',
  });
  const ownInstitution = useQuery({
    queryKey: ['institution', page.institutionId],
    queryFn: () => api.get<Institution>(`/institutions/${page.institutionId}`),
    enabled: kind === 'user',
    staleTime: 300_000,
  });
  const role = leadRoleOf(ownInstitution.data?.kind);
  const staff = useQuery({
    queryKey: ['lookups', 'staff', page.institutionId, role, page.id],
    queryFn: () =>
      api.get<{ items: StaffMember[] }>('/lookups/staff', {
        institutionId: page.institutionId,
        role,
        caseId: page.id,
      }),
    enabled: kind === 'user' && role !== null,
  });
  const caseWorkerKind = isCaseWorkerKind(kind) ? kind : null;
  const caseWorkers = useQuery({
    queryKey: ['lookups', 'case-workers', caseWorkerKind],
    queryFn: () =>
      api.get<{ items: CaseWorker[] }>('/lookups/case-workers', { kind: caseWorkerKind }),
    enabled: caseWorkerKind !== null,
    staleTime: 60_000,
  });
  const offences = useQuery({
    queryKey: ['offences', 'all'],
    queryFn: () => api.get<Page<Offence>>('/offences', { limit: 500 }),
    enabled: kind === 'offence',
    staleTime: 300_000,
  });
  if (institutionKind !== null) {
    return {
      choices: institutions.data?.items.map((i) => ({ value: i.id, label: name(i) })) ?? null,
      error: institutions.error,
    };
  }
  if (kind === 'judge') {
    return {
      choices: judges.data?.items.map((j) => ({ value: j.userId, label: name(j) })) ?? null,
      error: judges.error,
    };
  }
  if (kind === 'user') {
    return {
      choices: staff.data?.items.map((u) => ({ value: u.userId, label: name(u) })) ?? null,
      error: staff.error ?? ownInstitution.error,
    };
  }
  if (caseWorkerKind !== null) {
    // The institution tells two people of the same name apart, and says where they work.
    return {
      choices:
        caseWorkers.data?.items.map((w) => ({
          value: w.id,
          label: `${language === 'en' ? w.displayNameEn : w.displayNameAr} · ${name(w.institution)}`,
        })) ?? null,
      error: caseWorkers.error,
    };
  }
  if (kind === 'offence') {
    return {
      choices:
        offences.data?.items.map((o) => ({
          value: o.id,
          label: `${language === 'en' ? o.titleEn : o.titleAr} (${o.article} · ${o.code})`,
        })) ?? null,
      error: offences.error,
    };
  }
  return { choices: [], error: null };
}

/** A person from the national registry, searched by name or national ID on the server. */
function PersonPicker(props: RefFieldProps) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<Choice | null>(null);
  const byId = /^\d{9}$/.test(debounced);
  const persons = useQuery({
    queryKey: ['persons', 'search', debounced],
    queryFn: () =>
      api.get<Page<Person>>('/persons', {
        ...(byId ? { nationalId: debounced } : { q: debounced }),
        limit: 20,
      }),
    enabled: debounced.length >= 2,
  });
  const found: Choice[] = (persons.data?.items ?? []).map((p) => ({
    value: p.id,
    label: [
      language === 'en' && p.nameLatin ? p.nameLatin : p.fullNameAr,
      p.nationalId,
      p.dateOfBirth,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const value = asText(props.value);
  const data = chosen && !found.some((c) => c.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      label={props.label}
      required={props.required}
      error={props.error}
      description={t('form.searchHint')}
      placeholder={t('form.search')}
      searchable
      clearable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        props.onChange(next ?? '');
      }}
      nothingFoundMessage={
        debounced.length >= 2 && persons.isSuccess ? t('form.nothingFound') : undefined
      }
      data-testid={props.testId}
      name={props.path}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Draws the picker for a reference field of an event form. */
export function RefPicker({ page, ...props }: RefFieldProps & { page: CasePage }) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const kind = props.field.ref ?? 'uuid';
  const onFile = fileChoices(kind, page, language, t);
  const lookup = useLookupChoices(onFile === null ? kind : '', page, language);
  if (kind === 'person') return <PersonPicker {...props} />;
  const choices = onFile ?? lookup.choices;
  if (onFile === null && lookup.error) {
    return (
      <Alert color="red" role="alert" title={props.label}>
        {t('form.lookupFailed')}
      </Alert>
    );
  }
  if (props.field.kind === 'refList') {
    const value = asList(props.value);
    return (
      <Checkbox.Group
        label={props.label}
        required={props.required}
        error={props.error}
        value={value}
        onChange={props.onChange}
        data-testid={props.testId}
      >
        <Stack gap={6} mt={6}>
          {choices === null ? (
            <Text size="sm" c="gray.7">
              {t('common:loading')}
            </Text>
          ) : choices.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('form.nothingFound')}
            </Text>
          ) : (
            choices.map((c) => <Checkbox key={c.value} value={c.value} label={c.label} />)
          )}
        </Stack>
      </Checkbox.Group>
    );
  }
  // Long lists (the offence catalogue, every counsellor or mediator) are searched by typing.
  if (kind === 'offence' || isCaseWorkerKind(kind)) {
    return (
      <Select
        label={props.label}
        required={props.required}
        error={props.error}
        placeholder={choices === null ? t('common:loading') : t('form.search')}
        searchable
        data={choices ?? []}
        value={asText(props.value) || null}
        onChange={(next) => props.onChange(next ?? '')}
        nothingFoundMessage={t('form.nothingFound')}
        data-testid={props.testId}
        name={props.path}
        limit={100}
      />
    );
  }
  return (
    <NativeSelect
      label={props.label}
      required={props.required}
      error={props.error}
      value={asText(props.value)}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      data-testid={props.testId}
      name={props.path}
      disabled={choices === null}
      data={[
        { value: '', label: choices === null ? t('common:loading') : t('form.choose') },
        ...(choices ?? []),
      ]}
    />
  );
}
