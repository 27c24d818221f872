/**
 * The institution directory for administrators: list with kind, region, court level and units;
 * create; edit names, region and status with the version edited (a stale one keeps the form).
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  COURT_LEVEL_LABELS,
  COURT_LEVELS,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_KINDS,
  institutionKindHasUnits,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type CourtLevel,
  type InstitutionKind,
  type UnitKind,
} from '@qadiya/domain/organisation';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { FormActions, FormModal } from '../../components/FormModal';
import { QueryState } from '../../components/QueryState';
import { pick } from '../../i18n/i18n';
import {
  adminKeys,
  useInstitutions,
  useRegions,
  type Institution,
  type Region,
  type Unit,
} from './api';
import { ADMIN } from './messages';
import {
  AdminError,
  fieldError,
  NameFields,
  pickName,
  submitting,
  useSaveThenClose,
} from './shared';

export function InstitutionsPanel() {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const institutions = useInstitutions();
  const regions = useRegions();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Institution | null>(null);

  const regionName = (id: string | null) => {
    if (!id) return '—';
    const region = regions.data?.find((r) => r.id === id);
    return region ? pickName(region, language) : '—';
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label={t('search')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
          />
          <Select
            label={t('institutions.kind')}
            placeholder={t('institutions.anyKind')}
            data={INSTITUTION_KINDS.map((k) => ({
              value: k,
              label: pick(INSTITUTION_KIND_LABELS[k], language),
            }))}
            value={kind}
            onChange={setKind}
            clearable
          />
        </Group>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('institutions.create')}
        </Button>
      </Group>
      <QueryState query={institutions}>
        {(data) => {
          const needle = search.trim().toLocaleLowerCase();
          const rows = data.items
            .filter((i) => !kind || i.kind === kind)
            .filter(
              (i) =>
                !needle ||
                i.code.toLocaleLowerCase().includes(needle) ||
                i.nameAr.includes(needle) ||
                i.nameEn.toLocaleLowerCase().includes(needle),
            );
          return (
            <DataTable
              minWidth={900}
              striped
              highlightOnHover
              data-testid="institutions-table"
              caption={t('institutions.caption')}
              columns={[
                t('institutions.code'),
                t('institutions.name'),
                t('institutions.kind'),
                t('institutions.region'),
                t('institutions.courtLevel'),
                t('institutions.units'),
                t('status'),
                t('actions'),
              ]}
              items={rows}
              empty={t('empty')}
            >
              {(institution) => (
                <Table.Tr key={institution.id}>
                  <Table.Td dir="ltr" ta="start" style={{ whiteSpace: 'nowrap' }}>
                    {institution.code}
                  </Table.Td>
                  <Table.Td>{pickName(institution, language)}</Table.Td>
                  <Table.Td>{pick(INSTITUTION_KIND_LABELS[institution.kind], language)}</Table.Td>
                  <Table.Td>{regionName(institution.regionId)}</Table.Td>
                  <Table.Td>
                    {institution.courtLevel
                      ? pick(COURT_LEVEL_LABELS[institution.courtLevel], language)
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {institution.units.length === 0 ? '—' : null}
                      {institution.units.map((unit) => (
                        <Badge key={unit.id} variant="light" color="gray" tt="none">
                          {pick(UNIT_KIND_LABELS[unit.kind], language)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={institution.isActive ? '#1b5e20' : 'gray.7'} variant="filled">
                      {institution.isActive ? t('active') : t('inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setEditing(institution)}
                      aria-label={`${t('institutions.edit')}: ${pickName(institution, language)}`}
                    >
                      {t('institutions.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              )}
            </DataTable>
          );
        }}
      </QueryState>
      <FormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('institutions.create')}
        size="lg"
      >
        <CreateInstitutionForm regions={regions.data ?? []} onDone={() => setCreating(false)} />
      </FormModal>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('institutions.editTitle', { name: pickName(editing, language) }) : ''}
        size="lg"
      >
        {editing ? (
          <EditInstitutionForm
            institution={editing}
            regions={regions.data ?? []}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </FormModal>
    </Stack>
  );
}

function useRegionOptions(regions: readonly Region[]) {
  const language = useLanguage();
  return useMemo(
    () =>
      regions
        .map((region) => ({ value: region.id, label: pickName(region, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [regions, language],
  );
}

function CreateInstitutionForm({
  regions,
  onDone,
}: {
  regions: readonly Region[];
  onDone: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const regionOptions = useRegionOptions(regions);
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<InstitutionKind>('prosecution_office');
  const [courtLevel, setCourtLevel] = useState<CourtLevel | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [nameAr, setNameAr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [units, setUnits] = useState<UnitKind[]>(['general']);

  const create = useSaveThenClose(
    adminKeys.institutions,
    () =>
      api.post<Institution>('/admin/institutions', {
        code: code.trim(),
        kind,
        courtLevel: kind === 'court' ? courtLevel : null,
        regionId,
        nameAr: nameAr.trim(),
        nameEn: nameEn.trim(),
        ...(institutionKindHasUnits(kind) ? { units } : {}),
      }),
    onDone,
  );

  return (
    <form onSubmit={submitting(() => create.mutate())}>
      <Stack>
        <AdminError error={create.error} />
        <TextInput
          label={t('institutions.code')}
          description={t('institutions.codeHint')}
          descriptionProps={{ c: 'gray.7' }}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
          required
          dir="ltr"
          error={fieldError(create.error, 'code')}
          data-autofocus
        />
        <Select
          label={t('institutions.kind')}
          data={INSTITUTION_KINDS.map((k) => ({
            value: k,
            label: pick(INSTITUTION_KIND_LABELS[k], language),
          }))}
          value={kind}
          onChange={(value) => value && setKind(value)}
          allowDeselect={false}
          required
        />
        {kind === 'court' ? (
          <Select
            label={t('institutions.courtLevel')}
            data={COURT_LEVELS.map((level) => ({
              value: level,
              label: pick(COURT_LEVEL_LABELS[level], language),
            }))}
            value={courtLevel}
            onChange={(value) => setCourtLevel(value)}
            required
            error={fieldError(create.error, 'courtLevel')}
          />
        ) : null}
        <Select
          label={t('institutions.region')}
          data={regionOptions}
          value={regionId}
          onChange={setRegionId}
          searchable
          clearable
          error={fieldError(create.error, 'regionId')}
        />
        <NameFields
          arabic={{
            label: t('institutions.nameAr'),
            value: nameAr,
            onChange: setNameAr,
            field: 'nameAr',
          }}
          english={{
            label: t('institutions.nameEn'),
            value: nameEn,
            onChange: setNameEn,
            field: 'nameEn',
          }}
          error={create.error}
        />
        {institutionKindHasUnits(kind) ? (
          <Checkbox.Group
            label={t('institutions.units')}
            value={units}
            onChange={(value) => setUnits(value)}
          >
            <Group mt="xs">
              {UNIT_KINDS.map((unit) => (
                <Checkbox key={unit} value={unit} label={pick(UNIT_KIND_LABELS[unit], language)} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : null}
        <FormActions onCancel={onDone} loading={create.isPending} />
      </Stack>
    </form>
  );
}

function EditInstitutionForm({
  institution,
  regions,
  onDone,
}: {
  institution: Institution;
  regions: readonly Region[];
  onDone: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const queryClient = useQueryClient();
  const regionOptions = useRegionOptions(regions);
  const [version, setVersion] = useState(institution.version);
  const [nameAr, setNameAr] = useState(institution.nameAr);
  const [nameEn, setNameEn] = useState(institution.nameEn);
  const [regionId, setRegionId] = useState<string | null>(institution.regionId);
  const [isActive, setIsActive] = useState(institution.isActive);
  const [units, setUnits] = useState<Unit[]>(institution.units);
  const [newUnit, setNewUnit] = useState<string | null>(null);

  const save = useSaveThenClose(
    adminKeys.institutions,
    () =>
      api.patch<Institution>(`/admin/institutions/${institution.id}`, {
        version,
        nameAr: nameAr.trim(),
        nameEn: nameEn.trim(),
        regionId,
        ...(isActive !== institution.isActive ? { isActive } : {}),
      }),
    onDone,
  );

  const addUnit = useMutation({
    mutationFn: (kind: UnitKind) =>
      api.post<Unit>(`/admin/institutions/${institution.id}/units`, { kind }),
    onSuccess: async (unit) => {
      setUnits((current) => [...current, unit]);
      setNewUnit(null);
      await queryClient.invalidateQueries({ queryKey: adminKeys.institutions });
    },
  });

  const missingUnits = UNIT_KINDS.filter((kind) => !units.some((unit) => unit.kind === kind));

  return (
    <Stack>
      <form onSubmit={submitting(() => save.mutate())}>
        <Stack>
          <AdminError
            error={save.error}
            onUseLatest={(current) => {
              setVersion(current);
              save.reset();
            }}
          />
          <Text size="sm" c="gray.7">
            <span dir="ltr">{institution.code}</span> ·{' '}
            {pick(INSTITUTION_KIND_LABELS[institution.kind], language)}
            {institution.courtLevel
              ? ` · ${pick(COURT_LEVEL_LABELS[institution.courtLevel], language)}`
              : ''}{' '}
            · {t('institutions.version', { version })}
          </Text>
          <Text size="xs" c="gray.7">
            {t('institutions.fixedFields')}
          </Text>
          <NameFields
            arabic={{
              label: t('institutions.nameAr'),
              value: nameAr,
              onChange: setNameAr,
              field: 'nameAr',
            }}
            english={{
              label: t('institutions.nameEn'),
              value: nameEn,
              onChange: setNameEn,
              field: 'nameEn',
            }}
            error={save.error}
            focusFirst
          />
          <Select
            label={t('institutions.region')}
            data={regionOptions}
            value={regionId}
            onChange={setRegionId}
            searchable
            clearable
            error={fieldError(save.error, 'regionId')}
          />
          <Switch
            label={t('institutions.isActive')}
            checked={isActive}
            onChange={(event) => setIsActive(event.currentTarget.checked)}
          />
          <FormActions onCancel={onDone} loading={save.isPending} />
        </Stack>
      </form>
      {institutionKindHasUnits(institution.kind) ? (
        <Stack gap="xs">
          <Text fw={500} size="sm">
            {t('institutions.units')}
          </Text>
          <Group gap={4}>
            {units.map((unit) => (
              <Badge key={unit.id} variant="light" color="gray" tt="none">
                {pick(UNIT_KIND_LABELS[unit.kind], language)}
              </Badge>
            ))}
          </Group>
          {missingUnits.length > 0 ? (
            <Group align="flex-end">
              <Select
                label={t('institutions.unitKind')}
                data={missingUnits.map((kind) => ({
                  value: kind,
                  label: pick(UNIT_KIND_LABELS[kind], language),
                }))}
                value={newUnit}
                onChange={setNewUnit}
              />
              <Button
                variant="light"
                disabled={!newUnit}
                loading={addUnit.isPending}
                onClick={() => newUnit && addUnit.mutate(newUnit as UnitKind)}
              >
                {t('institutions.addUnit')}
              </Button>
            </Group>
          ) : null}
          <AdminError error={addUnit.error} />
        </Stack>
      ) : null}
    </Stack>
  );
}
