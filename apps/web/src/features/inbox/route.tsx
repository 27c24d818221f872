/**
 * The inbox: files referred to the user's institution (`GET /inbox`), each to accept (numbered and
 * assigned; a prosecution office chooses the unit) or return to the sender with a reason. A
 * stale version (someone changed the file meanwhile) keeps the dialog and what was typed, and
 * offers to reload the list; the next attempt uses the reloaded version.
 */
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconInbox } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { ConfidentialityBadge } from '../../components/ConfidentialityBadge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatRelative } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { useInstitution, type CaseHeader } from '../../api/intake';
import { useNow } from '../work-queue/use-now';
import { INBOX } from './messages';

/** An inbox row: the file, where it comes from and (when the reader may read it) its summary. */
interface InboxItem extends CaseHeader {
  summary: string | null;
  referredFrom: { institutionId: string; code: string; nameAr: string; nameEn: string } | null;
}

const INBOX_KEY = ['inbox'] as const;

type Dialog = { kind: 'accept' | 'return'; caseId: string } | null;

export function Component() {
  const { t } = useTranslation(INBOX);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({
    queryKey: INBOX_KEY,
    queryFn: () => api.get<Page<InboxItem>>('/inbox', { limit: 200 }),
    refetchInterval: 30_000,
  });
  const file = dialog ? query.data?.items.find((item) => item.id === dialog.caseId) : undefined;
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
              icon={IconInbox}
              title={t('empty.title')}
              body={t('empty.body')}
              testId="inbox-empty"
            />
          ) : (
            <InboxTable
              items={data.items}
              onAccept={(caseId) => setDialog({ kind: 'accept', caseId })}
              onReturn={(caseId) => setDialog({ kind: 'return', caseId })}
            />
          )
        }
      </QueryState>
      <AcceptDialog
        opened={dialog?.kind === 'accept'}
        file={dialog?.kind === 'accept' ? file : undefined}
        onClose={() => setDialog(null)}
        onReload={() => query.refetch()}
      />
      <ReturnDialog
        // One draft reason per file: switching files starts afresh, a reload keeps it.
        key={dialog?.kind === 'return' ? dialog.caseId : 'closed'}
        opened={dialog?.kind === 'return'}
        file={dialog?.kind === 'return' ? file : undefined}
        onClose={() => setDialog(null)}
        onReload={() => query.refetch()}
      />
    </Stack>
  );
}

function InboxTable({
  items,
  onAccept,
  onReturn,
}: {
  items: InboxItem[];
  onAccept: (caseId: string) => void;
  onReturn: (caseId: string) => void;
}) {
  const { t } = useTranslation(INBOX);
  const language = useLanguage();
  const now = useNow();
  return (
    <DataTable
      minWidth={760}
      striped
      highlightOnHover
      verticalSpacing="sm"
      aria-label={t('tableLabel')}
      columns={[
        t('columns.file'),
        t('columns.received'),
        t('columns.incident'),
        t('columns.confidentiality'),
        t('columns.actions'),
      ]}
      items={items}
    >
      {(item) => {
        const when = formatDate(item.openedAt, language);
        return (
          <Table.Tr key={item.id} data-testid="inbox-row" data-case-id={item.id}>
            <Table.Td>
              <Text fw={500}>{pick(item.caseTypeLabels, language)}</Text>
              {item.referredFrom ? (
                <Text size="sm">
                  {t('from', {
                    institution:
                      language === 'en' ? item.referredFrom.nameEn : item.referredFrom.nameAr,
                  })}
                </Text>
              ) : null}
              {item.summary ? (
                <Text size="sm" c="gray.7" lineClamp={2} maw={360}>
                  {item.summary}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatRelative(item.openedAt, now, language)}</Text>
              <Text size="sm">
                <LegalDate value={item.openedAt} withTime />
              </Text>
            </Table.Td>
            <Table.Td>
              {item.incidentDate ? (
                <LegalDate value={item.incidentDate} />
              ) : (
                <Text size="sm" c="gray.7">
                  {t('noIncidentDate')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {item.confidentiality === 'normal' ? (
                <Text size="sm">{t('common:confidentiality.normal')}</Text>
              ) : (
                <ConfidentialityBadge level={item.confidentiality} />
              )}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  leftSection={<IconCheck size={14} aria-hidden />}
                  onClick={() => onAccept(item.id)}
                  aria-label={t('acceptAria', { when })}
                  data-testid={`inbox-accept-${item.id}`}
                >
                  {t('accept')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowBackUp size={14} aria-hidden className="mirror-in-rtl" />}
                  onClick={() => onReturn(item.id)}
                  aria-label={t('returnAria', { when })}
                  data-testid={`inbox-return-${item.id}`}
                >
                  {t('return')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      }}
    </DataTable>
  );
}

/** The message for an intake error: the file left the inbox, or the shared error sentences. */
function IntakeError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation(INBOX);
  if (error instanceof ApiError && error.code === 'NOT_IN_INBOX') {
    return (
      <Alert color="red" role="alert" variant="light">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('notInInbox')}</Text>
          <Button size="xs" variant="white" color="red" onClick={onReload}>
            {t('common:reload')}
          </Button>
        </Group>
      </Alert>
    );
  }
  const isStale = error instanceof ApiError && error.isStale;
  return (
    <ErrorAlert
      error={error}
      onRetry={isStale ? onReload : undefined}
      retryLabel={t('common:reload')}
    />
  );
}

interface DialogProps {
  opened: boolean;
  file: CaseHeader | undefined;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

function AcceptDialog({ opened, file, onClose, onReload }: DialogProps) {
  const { t } = useTranslation(INBOX);
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const institution = useInstitution(file?.institutionId);
  // undefined: keep the unit the file arrived in.
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const units = (institution.data?.units ?? []).filter((unit) => unit.isActive);
  const chosenUnit = unitId ?? file?.unitId ?? '';

  function close() {
    setError(null);
    setUnitId(undefined);
    onClose();
  }

  async function accept(event: SyntheticEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const accepted = await api.post<CaseHeader>(`/cases/${file.id}/accept`, {
        version: file.version,
        ...(units.length > 0 ? { unitId: chosenUnit || null } : {}),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
        queryClient.invalidateQueries({ queryKey: ['work-queue'] }),
      ]);
      setUnitId(undefined);
      await navigate(`/cases/${accepted.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    await onReload();
    setError(null);
  }

  return (
    <FormModal opened={opened} onClose={close} title={t('acceptModal.title')} centered>
      <form onSubmit={(event) => void accept(event)}>
        <Stack>
          {file ? (
            <>
              <Text size="sm">{t('acceptModal.body')}</Text>
              <Text size="sm" fw={500}>
                {pick(file.caseTypeLabels, language)}
              </Text>
            </>
          ) : (
            <Text size="sm">{t('gone')}</Text>
          )}
          {units.length > 0 ? (
            <NativeSelect
              label={t('acceptModal.unit')}
              description={t('acceptModal.unitHint')}
              descriptionProps={{ c: 'gray.7' }}
              value={chosenUnit}
              onChange={(event) => setUnitId(event.currentTarget.value)}
              data={[
                { value: '', label: t('acceptModal.noUnit') },
                ...units.map((unit) => ({
                  value: unit.id,
                  label: language === 'en' ? unit.nameEn : unit.nameAr,
                })),
              ]}
              data-testid="inbox-accept-unit"
            />
          ) : null}
          {error ? <IntakeError error={error} onReload={() => void reload()} /> : null}
          <FormActions
            onCancel={close}
            submitLabel={t('acceptModal.confirm')}
            loading={busy}
            disabled={!file}
            leftSection={<IconCheck size={16} aria-hidden />}
            submitTestId="inbox-accept-confirm"
          />
        </Stack>
      </form>
    </FormModal>
  );
}

function ReturnDialog({ opened, file, onClose, onReload }: DialogProps) {
  const { t } = useTranslation(INBOX);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const isBlank = reason.trim() === '';

  function close() {
    setError(null);
    setTouched(false);
    onClose();
  }

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    setTouched(true);
    if (!file || isBlank) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<CaseHeader>(`/cases/${file.id}/return`, {
        version: file.version,
        reason: reason.trim(),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
        queryClient.invalidateQueries({ queryKey: ['work-queue'] }),
      ]);
      notifications.show({ color: 'green', message: t('returned') });
      setReason('');
      close();
    } catch (caught) {
      // The reason stays in the field, whatever went wrong.
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    await onReload();
    setError(null);
  }

  return (
    <FormModal opened={opened} onClose={close} title={t('returnModal.title')} centered>
      <form onSubmit={(event) => void send(event)} noValidate>
        <Stack>
          <Text size="sm">{file ? t('returnModal.body') : t('gone')}</Text>
          <Textarea
            label={t('returnModal.reason')}
            description={t('returnModal.reasonHint')}
            descriptionProps={{ c: 'gray.7' }}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched && isBlank ? t('common:validation.required') : undefined}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            data-testid="inbox-return-reason"
          />
          {error ? <IntakeError error={error} onReload={() => void reload()} /> : null}
          <FormActions
            onCancel={close}
            submitLabel={t('returnModal.confirm')}
            color="red"
            loading={busy}
            disabled={!file}
            leftSection={<IconArrowBackUp size={16} aria-hidden className="mirror-in-rtl" />}
            submitTestId="inbox-return-confirm"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
