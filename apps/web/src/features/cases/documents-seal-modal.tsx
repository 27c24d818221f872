/**
 * Sealing a document already in the file (`POST /documents/:id/seal`): the reason is required, as
 * it goes into the audit log. A refusal keeps the reason typed.
 */
import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { CASE_DOCUMENTS } from './documents-messages';
import { isSealForbidden } from './documents-seal';
import type { CaseDocument } from './documents-section';

export function SealDocumentModal({
  document: doc,
  onClose,
  onDone,
}: {
  document: CaseDocument;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = reason.trim() === '';

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<CaseDocument>(`/documents/${doc.id}/seal`, { reason: reason.trim() });
      notifications.show({ color: 'green', message: t('seal.done') });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormModal opened onClose={onClose} title={t('seal.title', { title: doc.title })}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="document-seal-form">
        <Stack gap="md">
          <Text size="sm">{t('seal.explanation')}</Text>
          <Textarea
            label={t('seal.reason')}
            description={t('seal.reasonHint')}
            descriptionProps={{ c: 'gray.7' }}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && missing ? t('seal.required') : undefined}
            data-autofocus
            data-testid="document-seal-reason"
          />
          {isSealForbidden(error) ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t('seal.forbidden')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t('seal.submit')}
            loading={busy}
            color="red.9"
            leftSection={<IconLock size={16} aria-hidden />}
            submitTestId="document-seal-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
