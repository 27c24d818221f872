/**
 * Reverting a merge from the merged record's page (chief prosecutors): a reason, then the same
 * parties go back to this record. A refusal (already reverted, the other record merged since)
 * says why in the user's language.
 */
import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { mergeRefusal } from './merge-types';
import { PERSONS } from './messages';

export function RevertMergeDialog({ mergeId, onClose }: { mergeId: string; onClose: () => void }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const revert = useMutation({
    mutationFn: () => api.post(`/persons/merges/${mergeId}/revert`, { reason: reason.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      notifications.show({ message: t('revert.done'), color: 'green' });
      onClose();
    },
  });
  const refusal = mergeRefusal(revert.error, language);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    revert.mutate();
  }

  return (
    <FormModal opened onClose={onClose} title={t('revert.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="revert-merge-form">
        <Stack gap="md">
          <Text size="sm">{t('revert.intro')}</Text>
          <Textarea
            label={t('revert.reason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissingReason(false);
            }}
            error={missingReason ? t('common:validation.required') : undefined}
            data-autofocus
            data-testid="revert-merge-reason"
          />
          {refusal ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
            >
              {refusal.message}
            </Alert>
          ) : (
            <ErrorAlert error={revert.error} />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t('revert.submit')}
            loading={revert.isPending}
            color="red"
            submitTestId="revert-merge-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
