/** Pieces shared by the calendar and the cause list: case number, parties, panel, status. */
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import {
  IconCalendarPause,
  IconCalendarTime,
  IconCalendarX,
  IconCircleCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/use-language';
import { formatDate, formatHijri, formatTime } from '../../format/format';
import { pick, type Language } from '../../i18n/i18n';
import { CALENDAR } from './messages';
import type { CalendarHearing, CalendarParty, HearingStatus } from './types';

const LOCALES: Record<Language, string> = { ar: 'ar-PS', en: 'en-GB' };

/** "السبت" / "Saturday" of a calendar day. */
export function weekdayName(day: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/**
 * A court day with its weekday and the Hijri date, like `LegalDate` but with the Hijri part in a
 * colour that passes WCAG AA contrast (see the report: LegalDate's dimmed grey does not).
 */
export function CourtDay({ day }: { day: string }) {
  const language = useLanguage();
  const { t } = useTranslation('common');
  return (
    <span>
      <time dateTime={day}>
        {weekdayName(day, language)} {formatDate(day, language)}
      </time>{' '}
      <Text span size="sm" c="gray.7" fw={400} title={t('hijri')}>
        ({formatHijri(day, language)})
      </Text>
    </span>
  );
}

export function partyName(party: CalendarParty, language: Language): string {
  return language === 'en' && party.nameLatin ? party.nameLatin : party.name;
}

export function HearingTime({ hearing }: { hearing: CalendarHearing }) {
  const language = useLanguage();
  return (
    <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
      <time dateTime={hearing.startsAt}>{formatTime(hearing.startsAt, language)}</time>
      {' – '}
      <time dateTime={hearing.endsAt}>{formatTime(hearing.endsAt, language)}</time>
    </Text>
  );
}

/** The case number, linked to the file when the user may open it. */
export function CaseNumber({ hearing, link = true }: { hearing: CalendarHearing; link?: boolean }) {
  const language = useLanguage();
  const number = hearing.case.number ?? hearing.case.reference ?? '—';
  return (
    <Stack gap={0}>
      {link && hearing.case.canOpen ? (
        <Anchor component={Link} to={`/cases/${hearing.case.id}`} fw={600} size="sm">
          <span className="ltr-value">{number}</span>
        </Anchor>
      ) : (
        <Text fw={600} size="sm">
          <span className="ltr-value">{number}</span>
        </Text>
      )}
      <Text size="xs" c="gray.7">
        {pick(hearing.case.caseTypeLabels, language)}
      </Text>
    </Stack>
  );
}

export function PartyList({ hearing }: { hearing: CalendarHearing }) {
  const { t } = useTranslation(CALENDAR);
  const language = useLanguage();
  return (
    <Stack gap={2}>
      <Text size="sm">{t('publicRight')}</Text>
      {hearing.parties.map((party, index) => (
        <Text size="sm" key={`${party.role}-${index}`}>
          <Text span size="sm" c="gray.7">
            {pick(party.roleLabels, language)}:
          </Text>{' '}
          {partyName(party, language)}
        </Text>
      ))}
    </Stack>
  );
}

export function JudgeList({ hearing }: { hearing: CalendarHearing }) {
  const language = useLanguage();
  return (
    <Stack gap={2}>
      {hearing.judges.map((judge) => (
        <Text size="sm" key={judge.id}>
          {language === 'ar' ? judge.nameAr : judge.nameEn}
        </Text>
      ))}
    </Stack>
  );
}

const STATUS_STYLE: Record<HearingStatus, { colour: string; Icon: typeof IconCalendarTime }> = {
  scheduled: { colour: 'qadiya', Icon: IconCalendarTime },
  held: { colour: 'green', Icon: IconCircleCheck },
  adjourned: { colour: 'orange', Icon: IconCalendarPause },
  cancelled: { colour: 'red', Icon: IconCalendarX },
};

/** The status in words with an icon, never by colour alone. */
export function StatusBadge({ status }: { status: HearingStatus }) {
  const { t } = useTranslation(CALENDAR);
  const { colour, Icon } = STATUS_STYLE[status];
  return (
    <Badge
      color={colour}
      variant="light"
      leftSection={<Icon size={12} aria-hidden />}
      styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The headers of the columns `HearingCells` draws. */
export function useHearingColumns({ withRoom }: { withRoom: boolean }): string[] {
  const { t } = useTranslation(CALENDAR);
  return [
    t('columns.time'),
    ...(withRoom ? [t('columns.room')] : []),
    t('columns.case'),
    t('columns.parties'),
    t('columns.judges'),
  ];
}

/**
 * The cells the calendar and the cause list both show for a hearing, in this order: time, room
 * (unless the table is one room's), case number, parties (with a note beneath, if any), judges.
 */
export function HearingCells({
  hearing,
  withRoom,
  link = true,
  partiesNote,
}: {
  hearing: CalendarHearing;
  withRoom: boolean;
  link?: boolean;
  partiesNote?: ReactNode;
}) {
  return (
    <>
      <Table.Td>
        <HearingTime hearing={hearing} />
      </Table.Td>
      {withRoom ? (
        <Table.Td>
          <bdi>{hearing.room}</bdi>
        </Table.Td>
      ) : null}
      <Table.Td>
        <CaseNumber hearing={hearing} link={link} />
      </Table.Td>
      <Table.Td>
        <PartyList hearing={hearing} />
        {partiesNote}
      </Table.Td>
      <Table.Td>
        <JudgeList hearing={hearing} />
      </Table.Td>
    </>
  );
}
