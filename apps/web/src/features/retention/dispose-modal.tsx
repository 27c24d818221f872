/**
 * Disposing of a due document (`POST /documents/:id/dispose`): the decision number and the reason
 * are required, and the dialog says what goes (the content of every version) and what stays (the
 * metadata, the hashes, the decision). After it the row leaves the list; a refusal keeps what was
 * typed and is said in the user's words.
 */
import { Alert, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { CASE_DOCUMENTS } from '../cases/documents-messages';
import { RETENTION } from './messages';
import {
  disposalRefusalOf,
  RETENTION_DUE_KEY,
  withoutDocument,
  type RetentionDueItem,
  type RetentionDueList,
} from './retention-due';

export function DisposeDocumentModal({
  item,
  onClose,
}: {
  item: RetentionDueItem;
  onClose: () => void;
}) {
  const { t } = useTranslation([RETENTION, CASE_DOCUMENTS]);
  const queryClient = useQueryClient();
  const [decisionReference, setDecisionReference] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missingDecision = decisionReference.trim() === '';
  const missingReason = reason.trim() === '';
  const refusal = disposalRefusalOf(error);

  /** The row leaves at once; the refetch brings the list as the server now has it. */
  async function dropRow() {
    queryClient.setQueryData<RetentionDueList>(RETENTION_DUE_KEY, (list) =>
      withoutDocument(list, item.documentId),
    );
    await queryClient.invalidateQueries({ queryKey: RETENTION_DUE_KEY });
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setTried(true);
    if (missingDecision || missingReason) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/documents/${item.documentId}/dispose`, {
        decisionReference: decisionReference.trim(),
        reason: reason.trim(),
      });
      notifications.show({ color: 'green', message: t('dispose.done') });
      await dropRow();
      onClose();
    } catch (caught) {
      setError(caught);
      if (disposalRefusalOf(caught) === 'alreadyDisposed') await dropRow();
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormModal opened onClose={onClose} title={t('dispose.title', { title: item.title })} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="dispose-form">
        <Stack gap="md">
          <Text size="sm">
            {t('dispose.file')}: <bdi>{item.caseReference ?? t('noReference')}</bdi> ·{' '}
            {t(`${CASE_DOCUMENTS}:types.${item.documentType}`)}
          </Text>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Text size="sm">{t('dispose.warning')}</Text>
          </Alert>
          <TextInput
            label={t('dispose.decisionReference')}
            description={t('dispose.decisionHint')}
            descriptionProps={{ c: 'gray.7' }}
            required
            maxLength={200}
            value={decisionReference}
            onChange={(event) => setDecisionReference(event.currentTarget.value)}
            error={tried && missingDecision ? t('dispose.required') : undefined}
            data-autofocus
            data-testid="dispose-decision"
          />
          <Textarea
            label={t('dispose.reason')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && missingReason ? t('dispose.required') : undefined}
            data-testid="dispose-reason"
          />
          {refusal ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t(`refusals.${refusal}`)}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t('dispose.submit')}
            loading={busy}
            disabled={refusal === 'alreadyDisposed'}
            color="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            submitTestId="dispose-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
