/**
 * The working-day calendar: holidays by year (national, plus one institution's when chosen), add
 * and remove; and an institution's weekend days.
 */
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { FormActions, FormModal } from '../../components/FormModal';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatHijri } from '../../format/format';
import type { Language } from '../../i18n/i18n';
import { adminKeys, useHolidays, useInstitutions, type Holiday } from './api';
import { ADMIN } from './messages';
import {
  AdminError,
  fieldError,
  NameFields,
  pickName,
  submitting,
  useInstitutionName,
  useInstitutionOptions,
  useSaveThenClose,
} from './shared';

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The name of an ISO weekday (1 = Monday) in the user's language. */
export function weekdayName(day: number, language: Language): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, day, 12));
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-PS' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(date);
}

export function HolidaysPanel() {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Holiday | null>(null);
  const institutions = useInstitutions();
  const institutionOptions = useInstitutionOptions(institutions.data?.items);
  const institutionName = useInstitutionName(institutions.data?.items);
  const holidays = useHolidays(year, institutionId);
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label={t('holidays.year')}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(value) => value && setYear(Number(value))}
            allowDeselect={false}
            w={120}
            data-testid="holiday-year"
          />
          <Select
            label={t('holidays.showInstitution')}
            placeholder={t('noneOption')}
            data={institutionOptions}
            value={institutionId}
            onChange={setInstitutionId}
            searchable
            clearable
            miw={280}
          />
        </Group>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="holiday-add"
        >
          {t('holidays.add')}
        </Button>
      </Group>
      <QueryState query={holidays}>
        {(data) => (
          <DataTable
            minWidth={700}
            striped
            data-testid="holidays-table"
            caption={t('holidays.caption', { year })}
            columns={[t('holidays.date'), t('holidays.name'), t('holidays.scope'), t('actions')]}
            items={data}
            empty={t('empty')}
          >
            {(holiday) => (
              <Table.Tr key={holiday.id}>
                <Table.Td>
                  <time dateTime={holiday.date}>{formatDate(holiday.date, language)}</time>{' '}
                  <Text span size="sm" c="gray.7" title={t('common:hijri')}>
                    ({formatHijri(holiday.date, language)})
                  </Text>
                </Table.Td>
                <Table.Td>{pickName(holiday, language)}</Table.Td>
                <Table.Td>
                  {holiday.scope === 'national' ? (
                    <Badge variant="light" tt="none">
                      {t('holidays.nationalScope')}
                    </Badge>
                  ) : (
                    institutionName(holiday.institutionId)
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => setRemoving(holiday)}
                    aria-label={`${t('holidays.remove')}: ${pickName(holiday, language)}`}
                  >
                    {t('holidays.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            )}
          </DataTable>
        )}
      </QueryState>
      <WeekendCard />
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('holidays.add')}>
        <AddHolidayForm
          defaultYear={year}
          onDone={() => setAdding(false)}
          institutionOptions={institutionOptions}
        />
      </FormModal>
      <FormModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('holidays.removeTitle')}
      >
        {removing ? <RemoveHoliday holiday={removing} onDone={() => setRemoving(null)} /> : null}
      </FormModal>
    </Stack>
  );
}

function AddHolidayForm({
  defaultYear,
  institutionOptions,
  onDone,
}: {
  defaultYear: number;
  institutionOptions: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const [date, setDate] = useState(`${defaultYear}-01-01`);
  const [nameAr, setNameAr] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const add = useSaveThenClose(
    adminKeys.holidays,
    () =>
      api.post<Holiday>('/admin/holidays', {
        date,
        nameAr: nameAr.trim(),
        nameEn: nameEn.trim(),
        institutionId,
      }),
    onDone,
  );
  return (
    <form onSubmit={submitting(() => add.mutate())} data-testid="holiday-form">
      <Stack>
        <AdminError error={add.error} />
        <TextInput
          type="date"
          label={t('holidays.date')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          required
          name="date"
          error={fieldError(add.error, 'date')}
          data-autofocus
        />
        <NameFields
          arabic={{
            label: t('holidays.nameAr'),
            value: nameAr,
            onChange: setNameAr,
            field: 'nameAr',
          }}
          english={{
            label: t('holidays.nameEn'),
            value: nameEn,
            onChange: setNameEn,
            field: 'nameEn',
          }}
          error={add.error}
        />
        <Select
          label={t('holidays.institution')}
          placeholder={t('holidays.nationalScope')}
          data={institutionOptions}
          value={institutionId}
          onChange={setInstitutionId}
          searchable
          clearable
          error={fieldError(add.error, 'institutionId')}
        />
        <FormActions onCancel={onDone} loading={add.isPending} />
      </Stack>
    </form>
  );
}

function RemoveHoliday({ holiday, onDone }: { holiday: Holiday; onDone: () => void }) {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const remove = useSaveThenClose(
    adminKeys.holidays,
    () => api.delete(`/admin/holidays/${holiday.id}`),
    onDone,
  );
  return (
    <Stack>
      <AdminError error={remove.error} />
      <Text size="sm">
        {t('holidays.removeConfirm', {
          name: pickName(holiday, language),
          date: formatDate(holiday.date, language),
        })}
      </Text>
      <FormActions
        onCancel={onDone}
        onConfirm={() => remove.mutate()}
        submitLabel={t('holidays.remove')}
        color="red"
        loading={remove.isPending}
      />
    </Stack>
  );
}

function WeekendCard() {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const institutions = useInstitutions();
  const institutionOptions = useInstitutionOptions(institutions.data?.items);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [days, setDays] = useState<string[]>(['5', '6']);
  const save = useMutation({
    mutationFn: () =>
      api.put<{ institutionId: string; weekendDays: number[] }>(
        `/admin/institutions/${institutionId ?? ''}/weekend`,
        { weekendDays: days.map(Number).sort((a, b) => a - b) },
      ),
  });
  return (
    <Card withBorder mt="md">
      <form onSubmit={submitting(() => save.mutate())}>
        <Stack>
          <Title order={2} size="h4">
            {t('holidays.weekendTitle')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('holidays.weekendHint')}
          </Text>
          <AdminError error={save.error} />
          {save.isSuccess ? (
            <Text size="sm" role="status">
              {t('holidays.weekendSaved', {
                days: save.data.weekendDays
                  .map((day) => weekdayName(day, language))
                  .join(language === 'ar' ? '، ' : ', '),
              })}
            </Text>
          ) : null}
          <Select
            label={t('holidays.weekendInstitution')}
            data={institutionOptions}
            value={institutionId}
            onChange={(value) => {
              setInstitutionId(value);
              save.reset();
            }}
            searchable
            required
            maw={480}
          />
          <Checkbox.Group
            label={t('holidays.weekendDays')}
            value={days}
            onChange={setDays}
            error={fieldError(save.error, 'weekendDays')}
          >
            <Group mt="xs">
              {ISO_WEEKDAYS.map((day) => (
                <Checkbox key={day} value={String(day)} label={weekdayName(day, language)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!institutionId}>
              {t('holidays.weekendSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
