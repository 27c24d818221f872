/**
 * The court calendar: one court's hearings for a day (by room) or a week from Saturday (by day),
 * with a judge filter, date navigation and the day's cause list to print. The choices live in the
 * address (`?courtId=&date=&view=&judgeId=`), so a link or a reload shows the same screen.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useLanguage } from '../../app/use-language';
import { ConfidentialityBadge } from '../../components/ConfidentialityBadge';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format/format';
import { withQuery } from '../../api/client';
import { defaultCourt, useCourtCalendar, useCourts, useInstitution } from './api';
import { isIsoDate, isoWeekday, rangeOf, step, today } from './dates';
import { CALENDAR } from './messages';
import { CourtDay, HearingCells, StatusBadge, useHearingColumns } from './parts';
import type { CalendarHearing, CalendarJudge, CalendarView, CourtCalendar } from './types';

function viewOf(value: string | null): CalendarView {
  return value === 'week' ? 'week' : 'day';
}

function useCalendarParams() {
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('date');
  const viewParam = params.get('view');
  const state = {
    courtId: params.get('courtId'),
    date: isIsoDate(dateParam) ? dateParam : today(),
    view: viewOf(viewParam),
    judgeId: params.get('judgeId'),
  };
  // React Router hands `setParams(fn)` the parameters of the last render, so a second change made
  // before the first has rendered (a day, then the week view; quick clicks on "next") would undo
  // the first. Each change is built on the latest parameters asked for instead. The renders of
  // changes already superseded must not pull `latest` back: only a render of the last change asked
  // for, or one from outside (the back button, a link), sets it from the URL.
  const latest = useRef(params.toString());
  const pending = useRef<string[]>([]);
  useEffect(() => {
    const shown = params.toString();
    const index = pending.current.indexOf(shown);
    if (index === -1) {
      pending.current = [];
      latest.current = shown;
    } else {
      pending.current = pending.current.slice(index + 1);
      if (pending.current.length === 0) latest.current = shown;
    }
  }, [params]);
  const update = (
    changes: Partial<Record<'courtId' | 'date' | 'view' | 'judgeId', string | null>>,
  ) => {
    const next = new URLSearchParams(latest.current);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    latest.current = next.toString();
    pending.current.push(latest.current);
    setParams(next, { replace: true });
  };
  const goTo = (date: string) => update({ date });
  // Quick successive clicks on "next" step from the day the previous click chose, not from the
  // day still shown.
  const shift = (direction: -1 | 1) => {
    const asked = new URLSearchParams(latest.current);
    const askedDate = asked.get('date');
    goTo(step(isIsoDate(askedDate) ? askedDate : today(), viewOf(asked.get('view')), direction));
  };
  return { ...state, update, goTo, shift };
}

export function CalendarPage() {
  const { t } = useTranslation(CALENDAR);
  const language = useLanguage();
  const session = useSession();
  const { courtId: courtParam, date, view, judgeId, update, goTo, shift } = useCalendarParams();

  const courts = useCourts();
  const courtItems = courts.data?.items ?? [];
  const ownIsCourt = courtItems.some((c) => c.id === session.user.institutionId);
  const own = useInstitution(
    session.user.institutionId,
    courts.isSuccess && !courtParam && !ownIsCourt,
  );
  const fallback = defaultCourt(courtItems, {
    id: session.user.institutionId,
    regionId: own.data?.regionId ?? null,
  });
  // A prosecutor's default court depends on their institution's region: wait for it.
  const ownKnown = ownIsCourt || own.isFetched || session.user.institutionId === null;
  const courtId = courtParam ?? (ownKnown ? (fallback?.id ?? null) : null);

  const range = rangeOf(date, view);
  const base = courtId ? { courtId, from: range.from, to: range.to } : null;
  const all = useCourtCalendar(base);
  const filtered = useCourtCalendar(base && judgeId ? { ...base, judgeId } : null);
  const shown = judgeId ? filtered : all;

  const judges = uniqueJudges(all.data?.items ?? []);
  const judgeName = (j: CalendarJudge) => (language === 'ar' ? j.nameAr : j.nameEn);
  const causeListLink = courtId
    ? withQuery('/calendar/cause-list', { courtId, date, judgeId })
    : null;

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          causeListLink ? (
            <Button
              component={Link}
              to={causeListLink}
              leftSection={<IconPrinter size={18} aria-hidden />}
              variant="light"
              data-testid="cause-list-open"
            >
              {t('printCauseList')}
            </Button>
          ) : null
        }
      >
        {t('title')}
      </PageTitle>

      {courts.isError ? (
        <ErrorAlert error={courts.error} onRetry={() => void courts.refetch()} />
      ) : null}

      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('court')}
          placeholder={t('courtPlaceholder')}
          data={courtItems.map((c) => ({
            value: c.id,
            label: language === 'ar' ? c.nameAr : c.nameEn,
          }))}
          value={courtId}
          onChange={(value) => update({ courtId: value, judgeId: null })}
          searchable
          allowDeselect={false}
          w={280}
          data-testid="calendar-court"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="calendar-view-label">
            {t('view.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="calendar-view-label"
            value={view}
            onChange={(value) => update({ view: value })}
            data={[
              { value: 'day', label: t('view.day') },
              { value: 'week', label: t('view.week') },
            ]}
            data-testid="calendar-view"
          />
        </Stack>
        <Select
          label={t('judge')}
          placeholder={t('allJudges')}
          data={judges.map((j) => ({ value: j.id, label: judgeName(j) }))}
          value={judgeId}
          onChange={(value) => update({ judgeId: value })}
          clearable
          w={240}
          data-testid="calendar-judge"
        />
      </Group>

      <Group gap="xs" wrap="wrap" role="group" aria-label={t('dateNavigation')}>
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden className="mirror-in-rtl" />}
          onClick={() => shift(-1)}
          data-testid="calendar-prev"
        >
          {t(`previous.${view}`)}
        </Button>
        <Button variant="default" onClick={() => goTo(today())} data-testid="calendar-today">
          {t('today')}
        </Button>
        <Button
          variant="default"
          rightSection={<IconArrowRight size={16} aria-hidden className="mirror-in-rtl" />}
          onClick={() => shift(1)}
          data-testid="calendar-next"
        >
          {t(`next.${view}`)}
        </Button>
        <Text fw={600} ms="sm" aria-live="polite" data-testid="calendar-date">
          {view === 'day' ? (
            <>
              <CourtDay day={date} />
            </>
          ) : (
            t('range', {
              from: formatDate(range.from, language),
              to: formatDate(range.to, language),
            })
          )}
        </Text>
      </Group>

      {base ? (
        <QueryState query={shown}>
          {(data) => (
            <Stack gap="md">
              {data.scope === 'files' ? (
                <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
                  {t('onlyYourFiles')}
                </Alert>
              ) : null}
              {view === 'day' ? (
                <DayView data={data} />
              ) : (
                <WeekView data={data} days={range.days} />
              )}
            </Stack>
          )}
        </QueryState>
      ) : null}
    </Stack>
  );
}

function uniqueJudges(items: readonly CalendarHearing[]): CalendarJudge[] {
  const byId = new Map<string, CalendarJudge>();
  for (const hearing of items) for (const judge of hearing.judges) byId.set(judge.id, judge);
  return [...byId.values()].sort((a, b) => a.nameAr.localeCompare(b.nameAr, 'ar'));
}

function DayView({ data }: { data: CourtCalendar }) {
  const { t } = useTranslation(CALENDAR);
  if (data.items.length === 0) return <EmptyNote text={t('noHearings')} />;
  const rooms = [...new Set(data.items.map((h) => h.room))].sort((a, b) =>
    a.localeCompare(b, 'ar'),
  );
  return (
    <Stack gap="lg">
      {rooms.map((room) => {
        const hearings = data.items.filter((h) => h.room === room);
        return (
          <Paper withBorder p="md" component="section" key={room} aria-label={room}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                <bdi>{room}</bdi>
              </Title>
              <Badge
                variant="outline"
                color="gray"
                styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
              >
                {t('hearingCount', { count: hearings.length })}
              </Badge>
            </Group>
            <HearingTable hearings={hearings} caption={t('roomCaption', { room })} />
          </Paper>
        );
      })}
    </Stack>
  );
}

function WeekView({ data, days }: { data: CourtCalendar; days: string[] }) {
  const { t } = useTranslation(CALENDAR);
  const language = useLanguage();
  return (
    <Stack gap="lg">
      {data.items.length === 0 ? <EmptyNote text={t('noHearingsRange')} /> : null}
      {days.map((day) => {
        const hearings = data.items.filter((h) => h.localDate === day);
        const isWeekend = data.court.weekendDays.includes(isoWeekday(day));
        if (data.items.length === 0 && hearings.length === 0) return null;
        return (
          <Paper
            withBorder
            p="md"
            component="section"
            key={day}
            aria-label={formatDate(day, language)}
            bg={isWeekend ? 'gray.0' : undefined}
          >
            <Group justify="space-between" mb={hearings.length > 0 ? 'xs' : 0} wrap="wrap">
              <Title order={2} size="h4">
                <CourtDay day={day} />
              </Title>
              <Group gap="xs">
                {isWeekend ? (
                  <Badge
                    variant="outline"
                    color="gray"
                    styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
                  >
                    {t('weekend')}
                  </Badge>
                ) : null}
                <Badge
                  variant="outline"
                  color="gray"
                  styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
                >
                  {t('hearingCount', { count: hearings.length })}
                </Badge>
              </Group>
            </Group>
            {hearings.length > 0 ? (
              <HearingTable
                hearings={hearings}
                caption={t('dayCaption', { date: formatDate(day, language) })}
                withRoom
              />
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}

function EmptyNote({ text }: { text: string }) {
  return (
    <Paper withBorder p="lg">
      <Text c="gray.7" ta="center">
        {text}
      </Text>
    </Paper>
  );
}

function HearingTable({
  hearings,
  caption,
  withRoom = false,
}: {
  hearings: CalendarHearing[];
  caption: string;
  withRoom?: boolean;
}) {
  const { t } = useTranslation(CALENDAR);
  const columns = useHearingColumns({ withRoom });
  return (
    // The caption is for screen readers; the section's heading already shows it on screen.
    <DataTable
      minWidth={720}
      verticalSpacing="sm"
      striped
      highlightOnHover
      caption={caption}
      captionHidden
      columns={[...columns, t('columns.status')]}
      items={hearings}
    >
      {(hearing) => (
        <Table.Tr key={hearing.id} data-testid="calendar-hearing" data-case-id={hearing.case.id}>
          <HearingCells
            hearing={hearing}
            withRoom={withRoom}
            partiesNote={
              hearing.case.confidentiality !== 'normal' ? (
                <Group gap={4} mt={4}>
                  <ConfidentialityBadge level={hearing.case.confidentiality} />
                  <Text size="xs" c="gray.7">
                    {t('initialsOnly')}
                  </Text>
                </Group>
              ) : null
            }
          />
          <Table.Td>
            <StatusBadge status={hearing.status} />
          </Table.Td>
        </Table.Tr>
      )}
    </DataTable>
  );
}
