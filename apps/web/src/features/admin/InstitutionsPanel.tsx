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
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
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
import { AdminError, fieldError, FormModal, pickName } from './shared';

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
            clearButtonProps={{ 'aria-label': t('clear') }}
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
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover captionSide="top" data-testid="institutions-table">
                <Table.Caption ta="start" c="gray.7">
                  {t('institutions.caption')}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('institutions.code')}</Table.Th>
                    <Table.Th>{t('institutions.name')}</Table.Th>
                    <Table.Th>{t('institutions.kind')}</Table.Th>
                    <Table.Th>{t('institutions.region')}</Table.Th>
                    <Table.Th>{t('institutions.courtLevel')}</Table.Th>
                    <Table.Th>{t('institutions.units')}</Table.Th>
                    <Table.Th>{t('status')}</Table.Th>
                    <Table.Th>{t('actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={8}>{t('empty')}</Table.Td>
                    </Table.Tr>
                  ) : null}
                  {rows.map((institution) => (
                    <Table.Tr key={institution.id}>
                      <Table.Td dir="ltr" ta="start" style={{ whiteSpace: 'nowrap' }}>
                        {institution.code}
                      </Table.Td>
                      <Table.Td>{pickName(institution, language)}</Table.Td>
                      <Table.Td>
                        {pick(INSTITUTION_KIND_LABELS[institution.kind], language)}
                      </Table.Td>
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
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
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
  const queryClient = useQueryClient();
  const regionOptions = useRegionOptions(regions);
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<InstitutionKind>('prosecution_office');
  const [courtLevel, setCourtLevel] = useState<CourtLevel | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [nameAr, setNameAr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [units, setUnits] = useState<UnitKind[]>(['general']);

  const create = useMutation({
    mutationFn: () =>
      api.post<Institution>('/admin/institutions', {
        code: code.trim(),
        kind,
        courtLevel: kind === 'court' ? courtLevel : null,
        regionId,
        nameAr: nameAr.trim(),
        nameEn: nameEn.trim(),
        ...(institutionKindHasUnits(kind) ? { units } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.institutions });
      notifications.show({
        message: t('saved'),
        color: 'green',
        closeButtonProps: { 'aria-label': t('common:close') },
      });
      onDone();
    },
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form onSubmit={submit}>
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
          clearButtonProps={{ 'aria-label': t('clear') }}
          error={fieldError(create.error, 'regionId')}
        />
        <TextInput
          label={t('institutions.nameAr')}
          value={nameAr}
          onChange={(event) => setNameAr(event.currentTarget.value)}
          required
          dir="rtl"
          lang="ar"
          error={fieldError(create.error, 'nameAr')}
        />
        <TextInput
          label={t('institutions.nameEn')}
          value={nameEn}
          onChange={(event) => setNameEn(event.currentTarget.value)}
          required
          dir="ltr"
          lang="en"
          error={fieldError(create.error, 'nameEn')}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common:save')}
          </Button>
        </Group>
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

  const save = useMutation({
    mutationFn: () =>
      api.patch<Institution>(`/admin/institutions/${institution.id}`, {
        version,
        nameAr: nameAr.trim(),
        nameEn: nameEn.trim(),
        regionId,
        ...(isActive !== institution.isActive ? { isActive } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.institutions });
      notifications.show({
        message: t('saved'),
        color: 'green',
        closeButtonProps: { 'aria-label': t('common:close') },
      });
      onDone();
    },
  });

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

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Stack>
      <form onSubmit={submit}>
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
          <TextInput
            label={t('institutions.nameAr')}
            value={nameAr}
            onChange={(event) => setNameAr(event.currentTarget.value)}
            required
            dir="rtl"
            lang="ar"
            error={fieldError(save.error, 'nameAr')}
            data-autofocus
          />
          <TextInput
            label={t('institutions.nameEn')}
            value={nameEn}
            onChange={(event) => setNameEn(event.currentTarget.value)}
            required
            dir="ltr"
            lang="en"
            error={fieldError(save.error, 'nameEn')}
          />
          <Select
            label={t('institutions.region')}
            data={regionOptions}
            value={regionId}
            onChange={setRegionId}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('clear') }}
            error={fieldError(save.error, 'regionId')}
          />
          <Switch
            label={t('institutions.isActive')}
            checked={isActive}
            onChange={(event) => setIsActive(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:save')}
            </Button>
          </Group>
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
