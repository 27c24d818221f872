/**
 * Home: the signed-in user's work queue (`GET /work-queue`). The server orders it by urgency:
 * detention expiries first (liberty is at stake), then overdue items, then priority and due time.
 * Overdue items say so in words and with an icon, not by colour alone.
 */
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconChecklist,
  IconClockHour4,
  IconHandStop,
  IconMoodSmile,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Labels } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatNumber, formatRelative } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { caseTypeLabels, useCaseTypes } from '../../api/case-types';
import { WORK_QUEUE } from './messages';
import { useNow } from './use-now';

type WorkItemKind = 'detention' | 'hearing' | 'deadline' | 'task';
type Priority = 'urgent' | 'high' | 'normal';

interface WorkItem {
  id: string;
  kind: WorkItemKind;
  name: string;
  title: Labels;
  priority: Priority;
  dueAt: string;
  isOverdue: boolean;
  case: {
    id: string;
    reference: string | null;
    caseType: string;
    state: string;
    institutionId: string;
  };
}

const KIND_ICONS = {
  detention: IconHandStop,
  hearing: IconCalendarEvent,
  deadline: IconClockHour4,
  task: IconChecklist,
} as const;

const PRIORITY_COLOURS: Record<Priority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'gray',
};

/**
 * The priority label's text colour. The outline's own shade is too light for 10px text on the
 * striped rows (gray.0): red.8 is 4.3:1 there; red.9 is 5.2:1. No orange shade reaches 4.5:1, so
 * "high" keeps its orange outline with dark text.
 */
const PRIORITY_TEXT: Record<Priority, string> = {
  urgent: 'red.9',
  high: 'gray.9',
  normal: 'gray.9',
};

export function Component() {
  const { t } = useTranslation(WORK_QUEUE);
  const query = useQuery({
    queryKey: ['work-queue'],
    queryFn: () => api.get<{ items: WorkItem[] }>('/work-queue', { limit: 200 }),
    refetchInterval: 60_000,
  });
  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" mt="-md">
        {t('intro')}
      </Text>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon={IconMoodSmile}
              title={t('empty.title')}
              body={t('empty.body')}
              testId="work-queue-empty"
            />
          ) : (
            <WorkTable items={data.items} />
          )
        }
      </QueryState>
    </Stack>
  );
}

function WorkTable({ items }: { items: WorkItem[] }) {
  const { t } = useTranslation(WORK_QUEUE);
  const language = useLanguage();
  const now = useNow();
  const caseTypes = useCaseTypes();
  const overdue = items.filter((item) => item.isOverdue).length;
  const detention = items.filter((item) => item.kind === 'detention').length;
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-live="polite">
        <Badge variant="light" color="gray" c="gray.8" size="lg">
          {t('summary.total', { n: formatNumber(items.length, language) })}
        </Badge>
        {overdue > 0 ? (
          <Badge
            variant="filled"
            color="red.8"
            size="lg"
            leftSection={<IconAlertTriangle size={14} aria-hidden />}
          >
            {t('summary.overdue', { n: formatNumber(overdue, language) })}
          </Badge>
        ) : null}
        {detention > 0 ? (
          <Badge
            variant="light"
            color="grape"
            c="grape.9"
            size="lg"
            leftSection={<IconHandStop size={14} aria-hidden />}
          >
            {t('summary.detention', { n: formatNumber(detention, language) })}
          </Badge>
        ) : null}
      </Group>
      <DataTable
        minWidth={720}
        striped
        highlightOnHover
        verticalSpacing="sm"
        aria-label={t('tableLabel')}
        columns={[t('columns.kind'), t('columns.task'), t('columns.file'), t('columns.due')]}
        items={items}
      >
        {(item) => {
          const Icon = KIND_ICONS[item.kind];
          const relative = formatRelative(item.dueAt, now, language);
          const typeLabel = caseTypeLabels(caseTypes.data, item.case.caseType);
          return (
            <Table.Tr key={item.id} data-testid="work-item" data-case-id={item.case.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Badge
                    variant={item.kind === 'detention' ? 'filled' : 'light'}
                    color={item.kind === 'detention' ? 'grape.8' : 'qadiya'}
                    c={item.kind === 'detention' ? undefined : 'qadiya.9'}
                    leftSection={<Icon size={14} aria-hidden />}
                  >
                    {t(`kind.${item.kind}`)}
                  </Badge>
                  {item.priority === 'normal' ? null : (
                    <Badge
                      variant="outline"
                      color={PRIORITY_COLOURS[item.priority]}
                      c={PRIORITY_TEXT[item.priority]}
                      size="sm"
                    >
                      {t('priorityLabel', { priority: t(`priority.${item.priority}`) })}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text fw={500}>{pick(item.title, language)}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${item.case.id}`}>
                  {item.case.reference ? (
                    <span className="ltr-value">{item.case.reference}</span>
                  ) : (
                    t('pendingFile')
                  )}
                </Anchor>
                {typeLabel ? (
                  <Text size="xs" c="gray.7">
                    {pick(typeLabel, language)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {item.isOverdue ? (
                  <Group gap={6} wrap="nowrap">
                    <IconAlertTriangle size={18} color="var(--mantine-color-red-8)" aria-hidden />
                    <Text fw={700} c="red.8">
                      {t('overdueSince', { relative })}
                    </Text>
                  </Group>
                ) : (
                  <Text fw={500}>{t('dueIn', { relative })}</Text>
                )}
                <Text size="sm">
                  <LegalDate value={item.dueAt} withTime />
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        }}
      </DataTable>
    </Stack>
  );
}
