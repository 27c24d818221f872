/**
 * The day's cause list (الرول) of a court, to print and post at the court: a numbered table of
 * the hearings with time, room, case number, parties (initials only for restricted and sealed
 * files, as the server sends them), panel and a notes column. `?courtId=&date=` (and optionally
 * `judgeId`, `room`) pick the list.
 */
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTableEmptyRow, DataTableHead } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime, formatNumber } from '../../format/format';
import { useCourtCalendar } from './api';
import { isIsoDate } from './dates';
import { CALENDAR } from './messages';
import { CourtDay, HearingCells, useHearingColumns } from './parts';
import classes from './cause-list.module.css';
import type { CalendarHearing, CourtCalendar } from './types';

export function CauseListPage() {
  const { t } = useTranslation(CALENDAR);
  const [params] = useSearchParams();
  const courtId = params.get('courtId');
  const date = params.get('date');
  const judgeId = params.get('judgeId');
  const room = params.get('room');
  const valid = Boolean(courtId) && isIsoDate(date);
  const query = useCourtCalendar(
    valid && courtId && date ? { courtId, from: date, to: date, judgeId, room } : null,
  );
  const back = withQuery('/calendar', { courtId, date: isIsoDate(date) ? date : null, judgeId });

  return (
    <Stack gap="md" className={classes.page}>
      {!valid ? (
        <>
          <PageTitle>{t('causeList.heading')}</PageTitle>
          <Text>{t('causeList.missing')}</Text>
          <BackLink to={back} />
        </>
      ) : (
        <QueryState query={query}>
          {(data) => (
            <CauseList data={data} date={date ?? ''} back={back} judgeId={judgeId} room={room} />
          )}
        </QueryState>
      )}
    </Stack>
  );
}

function BackLink({ to }: { to: string }) {
  const { t } = useTranslation(CALENDAR);
  return (
    <Anchor component={Link} to={to} className="no-print" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden className="mirror-in-rtl" />
        {t('causeList.back')}
      </Group>
    </Anchor>
  );
}

function CauseList({
  data,
  date,
  back,
  judgeId,
  room,
}: {
  data: CourtCalendar;
  date: string;
  back: string;
  judgeId: string | null;
  room: string | null;
}) {
  const { t } = useTranslation(CALENDAR);
  const language = useLanguage();
  const hearingColumns = useHearingColumns({ withRoom: true });
  const columns = [
    t('causeList.serial'),
    ...hearingColumns,
    { label: t('causeList.notes'), className: classes.notes },
  ];
  const courtName = language === 'ar' ? data.court.nameAr : data.court.nameEn;
  const judge = judgeId
    ? data.items.flatMap((h) => h.judges).find((j) => j.id === judgeId)
    : undefined;
  return (
    <>
      <BackLink to={back} />
      <PageTitle
        actions={
          <Button
            className="no-print"
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={() => window.print()}
            data-testid="cause-list-print"
          >
            {t('causeList.print')}
          </Button>
        }
      >
        {t('causeList.title', { court: courtName })}
      </PageTitle>
      <Stack gap={2} mt={-8}>
        <Text fw={600} data-testid="cause-list-date">
          {t('causeList.date')} <CourtDay day={date} />
        </Text>
        {judge ? (
          <Text size="sm">
            {t('causeList.judgeFilter', { judge: language === 'ar' ? judge.nameAr : judge.nameEn })}
          </Text>
        ) : null}
        {room ? <Text size="sm">{t('causeList.roomFilter', { room })}</Text> : null}
      </Stack>
      <Table
        className={classes.table}
        withTableBorder
        withColumnBorders
        verticalSpacing="xs"
        data-testid="cause-list-table"
      >
        <caption
          style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600, paddingBlock: 8 }}
        >
          {t('causeList.caption', { court: courtName, date: formatDate(date, language) })}
        </caption>
        <DataTableHead columns={columns} />
        <Table.Tbody>
          {data.items.length === 0 ? (
            <DataTableEmptyRow columns={columns.length}>
              <Text c="gray.7" ta="center">
                {t('causeList.empty')}
              </Text>
            </DataTableEmptyRow>
          ) : (
            data.items.map((hearing, index) => (
              <Table.Tr
                key={hearing.id}
                data-testid="cause-list-row"
                data-case-id={hearing.case.id}
              >
                <Table.Td>{formatNumber(index + 1, language)}</Table.Td>
                <HearingCells hearing={hearing} withRoom link={false} />
                <Table.Td>
                  <Notes hearing={hearing} />
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="gray.7">
        {t('causeList.printedAt', { date: formatDateTime(new Date(), language) })}
      </Text>
    </>
  );
}

/** What the registry should know before the session: a hearing that will not go ahead as set. */
function Notes({ hearing }: { hearing: CalendarHearing }) {
  const { t } = useTranslation(CALENDAR);
  if (hearing.status === 'scheduled') return null;
  return (
    <Text size="sm">
      {t(`status.${hearing.status}`)}
      {hearing.adjournReason ? ` — ${hearing.adjournReason}` : ''}
    </Text>
  );
}
