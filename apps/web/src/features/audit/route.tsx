/**
 * The audit log for auditors (`/audit`): filters the API supports (actor, action, outcome, target,
 * time range), newest first, paged by sequence number; each entry's details as collapsible JSON;
 * and the verification of the whole hash chain.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Collapse,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconChevronDown,
  IconCircleCheck,
  IconLock,
  IconShieldCheck,
  IconShieldX,
} from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatNumber, fromLocalInputValue } from '../../format/format';
import { AUDIT, AUDIT_ACTION_CODES } from './messages';

type Outcome = 'success' | 'failure' | 'denied';

interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  institutionId: string | null;
  outcome: Outcome;
  requestId: string | null;
  sourceIp: string | null;
  details: Record<string, unknown>;
  hash: string;
}

interface Verification {
  isValid: boolean;
  rowsChecked: number;
  lastSeq: number;
  lastHash: string;
  problem: { kind: string; seq: number; message: string } | null;
}

interface Filters {
  actorUserId: string;
  action: string | null;
  outcome: string | null;
  objectType: string | null;
  objectId: string;
  from: string;
  to: string;
}

const EMPTY_FILTERS: Filters = {
  actorUserId: '',
  action: null,
  outcome: null,
  objectType: null,
  objectId: '',
  from: '',
  to: '',
};

const OBJECT_TYPES = [
  'case',
  'user',
  'role_assignment',
  'role',
  'institution',
  'unit',
  'region',
  'person',
  'holiday',
  'calendar',
  'session',
] as const;

const OUTCOME_COLOURS: Record<Outcome, string> = {
  success: '#1b5e20',
  failure: '#8a3c00',
  denied: 'red.9',
};

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function Component() {
  const { t } = useTranslation(AUDIT);
  const session = useSession();
  if (!session.hasRole('auditor')) {
    return (
      <Stack>
        <PageTitle>{t('title')}</PageTitle>
        <Alert color="red" icon={<IconLock aria-hidden />} role="alert" data-testid="audit-refused">
          {t('refused')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <PageTitle>{t('title')}</PageTitle>
      <VerificationCard />
      <AuditLog />
    </Stack>
  );
}

function VerificationCard() {
  const { t } = useTranslation(AUDIT);
  const language = useLanguage();
  const verify = useMutation({
    mutationFn: () => api.get<Verification>('/audit-log/verification'),
  });
  const result = verify.data;
  const kindKey = (kind: string) =>
    ['altered', 'sequence_gap', 'broken_link', 'head_mismatch'].includes(kind) ? kind : 'unknown';

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {t('verify.title')}
            </Title>
            <Text size="sm" c="gray.7">
              {t('verify.hint')}
            </Text>
          </div>
          <Button
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-testid="audit-verify"
          >
            {t('verify.run')}
          </Button>
        </Group>
        <ErrorAlert error={verify.error} />
        <div aria-live="polite" data-testid="audit-verify-result">
          {result?.isValid ? (
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck aria-hidden />}
              title={
                <Text span fw={700} c="#1b5e20">
                  {t('verify.intact')}
                </Text>
              }
              data-state="intact"
            >
              {t('verify.intactBody', {
                rows: formatNumber(result.rowsChecked, language),
                last: formatNumber(result.lastSeq, language),
              })}
            </Alert>
          ) : null}
          {result && !result.isValid ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconShieldX aria-hidden />}
              title={
                <Text span fw={700} c="red.9">
                  {t('verify.broken', {
                    seq: formatNumber(result.problem?.seq ?? result.lastSeq + 1, language),
                  })}
                </Text>
              }
              data-state="broken"
            >
              <Stack gap={4}>
                <Text size="sm">{t(`verify.kinds.${kindKey(result.problem?.kind ?? '')}`)}</Text>
                <Text size="sm">
                  {t('verify.brokenBody', { rows: formatNumber(result.rowsChecked, language) })}
                </Text>
                {result.problem ? (
                  <Text size="xs" dir="ltr" ta="start">
                    {result.problem.message}
                  </Text>
                ) : null}
                <Text size="xs">
                  {t('verify.lastHash')}:{' '}
                  <Code dir="ltr" style={{ wordBreak: 'break-all' }}>
                    {result.lastHash}
                  </Code>
                </Text>
              </Stack>
            </Alert>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}

function toQuery(filters: Filters) {
  return {
    actorUserId: filters.actorUserId.trim() || undefined,
    action: filters.action ?? undefined,
    outcome: filters.outcome ?? undefined,
    objectType: filters.objectType ?? undefined,
    objectId: filters.objectId.trim() || undefined,
    from: filters.from ? (fromLocalInputValue(filters.from) ?? undefined) : undefined,
    to: filters.to ? (fromLocalInputValue(filters.to) ?? undefined) : undefined,
  };
}

function AuditLog() {
  const { t } = useTranslation(AUDIT);
  const language = useLanguage();
  const [draft, setDraft] = useState<Filters>(EMPTY_FILTERS);
  const [applied, setApplied] = useState<Filters>(EMPTY_FILTERS);
  // Cursors of the pages seen: the `beforeSeq` of each; the last is the current page.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const beforeSeq = cursors[cursors.length - 1];
  const actorInvalid = draft.actorUserId.trim() !== '' && !UUID.test(draft.actorUserId.trim());

  const log = useQuery({
    queryKey: ['audit-log', toQuery(applied), beforeSeq],
    queryFn: () =>
      api.get<{ items: AuditEntry[] }>('/audit-log', {
        ...toQuery(applied),
        beforeSeq,
        limit: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  function apply(filters: Filters) {
    setApplied(filters);
    setCursors([undefined]);
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (actorInvalid) return;
    apply(draft);
  }

  function filterByActor(actorUserId: string) {
    const next = { ...draft, actorUserId };
    setDraft(next);
    apply(next);
  }

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  return (
    <Stack>
      <Card withBorder component="form" onSubmit={submit} aria-label={t('filters.legend')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('filters.legend')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={t('filters.action')}
              placeholder={t('filters.anyAction')}
              data={AUDIT_ACTION_CODES.map((code) => ({
                value: code,
                label: t(`actions.${code}`),
              }))}
              value={draft.action}
              onChange={(value) => set('action', value)}
              searchable
              clearable
              data-testid="audit-filter-action"
            />
            <Select
              label={t('filters.outcome')}
              placeholder={t('filters.anyOutcome')}
              data={(['success', 'failure', 'denied'] as const).map((o) => ({
                value: o,
                label: t(`outcomes.${o}`),
              }))}
              value={draft.outcome}
              onChange={(value) => set('outcome', value)}
              clearable
            />
            <TextInput
              type="datetime-local"
              label={t('filters.from')}
              value={draft.from}
              onChange={(event) => set('from', event.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('filters.to')}
              value={draft.to}
              onChange={(event) => set('to', event.currentTarget.value)}
            />
            <TextInput
              label={t('filters.actor')}
              description={t('filters.actorHint')}
              descriptionProps={{ c: 'gray.7' }}
              value={draft.actorUserId}
              onChange={(event) => set('actorUserId', event.currentTarget.value)}
              dir="ltr"
              error={actorInvalid ? t('common:errors.validation') : undefined}
            />
            <Select
              label={t('filters.objectType')}
              placeholder={t('filters.anyObject')}
              data={OBJECT_TYPES.map((type) => ({ value: type, label: t(`objects.${type}`) }))}
              value={draft.objectType}
              onChange={(value) => set('objectType', value)}
              clearable
            />
            <TextInput
              label={t('filters.objectId')}
              description={t('filters.objectIdHint')}
              descriptionProps={{ c: 'gray.7' }}
              value={draft.objectId}
              onChange={(event) => set('objectId', event.currentTarget.value)}
              dir="ltr"
            />
          </SimpleGrid>
          <Group>
            <Button type="submit">{t('filters.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(EMPTY_FILTERS);
                apply(EMPTY_FILTERS);
              }}
            >
              {t('filters.clear')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <QueryState query={log}>
        {(data) => (
          <Stack>
            <DataTable
              minWidth={1000}
              data-testid="audit-table"
              verticalSpacing="xs"
              caption={t('caption')}
              columns={[
                t('columns.seq'),
                t('columns.time'),
                t('columns.actor'),
                t('columns.action'),
                t('columns.target'),
                t('columns.outcome'),
                t('columns.details'),
              ]}
              items={data.items}
              empty={t('empty')}
            >
              {(entry) => <AuditRow key={entry.seq} entry={entry} onActor={filterByActor} />}
            </DataTable>
            <Group justify="space-between" component="nav" aria-label={t('paging')}>
              <Text size="sm" c="gray.7">
                {data.items.length > 0
                  ? t('showing', {
                      first: formatNumber(data.items[0]?.seq ?? 0, language),
                      last: formatNumber(data.items[data.items.length - 1]?.seq ?? 0, language),
                    })
                  : ''}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={cursors.length <= 1}
                  onClick={() => setCursors([undefined])}
                >
                  {t('newest')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={cursors.length <= 1}
                  onClick={() => setCursors((current) => current.slice(0, -1))}
                >
                  {t('newer')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={data.items.length < PAGE_SIZE}
                  onClick={() => {
                    const last = data.items[data.items.length - 1];
                    if (last) setCursors((current) => [...current, last.seq]);
                  }}
                >
                  {t('older')}
                </Button>
              </Group>
            </Group>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function AuditRow({ entry, onActor }: { entry: AuditEntry; onActor: (id: string) => void }) {
  const { t, i18n } = useTranslation(AUDIT);
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const known = i18n.exists(`actions.${entry.action}`, { ns: AUDIT });
  const objectKnown = entry.objectType
    ? i18n.exists(`objects.${entry.objectType}`, { ns: AUDIT })
    : false;
  const detailsId = `audit-details-${entry.seq}`;
  const actorName = entry.actorUsername ?? t('system');

  return (
    <>
      <Table.Tr data-action={entry.action}>
        <Table.Td>{formatNumber(entry.seq, language)}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, language)}</time>
        </Table.Td>
        <Table.Td>
          {entry.actorUserId ? (
            <UnstyledButton
              onClick={() => entry.actorUserId && onActor(entry.actorUserId)}
              title={t('filters.filterByActor', { actor: actorName })}
              aria-label={t('filters.filterByActor', { actor: actorName })}
              c="qadiya.8"
              td="underline"
              dir="ltr"
              fz="sm"
            >
              {actorName}
            </UnstyledButton>
          ) : (
            <Text size="sm" dir="ltr" ta="start">
              {actorName}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{known ? t(`actions.${entry.action}`) : entry.action}</Text>
          <Text size="xs" c="gray.7" dir="ltr" ta="start">
            {entry.action}
          </Text>
        </Table.Td>
        <Table.Td>
          {entry.objectType ? (
            <>
              <Text size="sm">
                {objectKnown ? t(`objects.${entry.objectType}`) : entry.objectType}
              </Text>
              {entry.objectId ? (
                entry.objectType === 'case' && UUID.test(entry.objectId) ? (
                  <Anchor component={Link} to={`/cases/${entry.objectId}`} size="xs" dir="ltr">
                    {entry.objectId}
                  </Anchor>
                ) : (
                  <Text
                    size="xs"
                    c="gray.7"
                    dir="ltr"
                    ta="start"
                    style={{ wordBreak: 'break-all' }}
                  >
                    {entry.objectId}
                  </Text>
                )
              ) : null}
            </>
          ) : (
            '—'
          )}
        </Table.Td>
        <Table.Td>
          <Badge color={OUTCOME_COLOURS[entry.outcome]} variant="filled">
            {t(`outcomes.${entry.outcome}`)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={detailsId}
            rightSection={
              <IconChevronDown
                size={14}
                aria-hidden
                style={{ transform: open ? 'rotate(180deg)' : undefined }}
              />
            }
          >
            {open ? t('hideDetails') : t('showDetails')}
          </Button>
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={detailsId} hidden={!open}>
        <Table.Td colSpan={7} p={0}>
          <Collapse expanded={open}>
            <Stack gap={4} p="sm">
              <Code block dir="ltr" ta="start" style={{ whiteSpace: 'pre-wrap' }}>
                {JSON.stringify(entry.details, null, 2)}
              </Code>
              <Text size="xs" c="gray.7">
                {t('requestId')}: <span dir="ltr">{entry.requestId ?? '—'}</span> · {t('sourceIp')}:{' '}
                <span dir="ltr">{entry.sourceIp ?? '—'}</span> · {t('hash')}:{' '}
                <span dir="ltr" style={{ wordBreak: 'break-all' }}>
                  {entry.hash}
                </span>
              </Text>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
