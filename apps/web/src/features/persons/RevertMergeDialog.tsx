/**
 * Reverting a merge from the merged record's page (chief prosecutors): a reason, then the same
 * parties go back to this record. A refusal (already reverted, the other record merged since)
 * says why in the user's language.
 */
import { Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormActions, FormModal } from '../../components/FormModal';
import { PERSONS } from './messages';
import { MergeRefusalAlert, useReasonedMergeAction } from './reasoned-merge-action';

export function RevertMergeDialog({ mergeId, onClose }: { mergeId: string; onClose: () => void }) {
  const { t } = useTranslation(PERSONS);
  const {
    mutation: revert,
    submit,
    reasonField,
  } = useReasonedMergeAction({
    send: (reason) => api.post(`/persons/merges/${mergeId}/revert`, { reason }),
    doneMessage: t('revert.done'),
    onDone: onClose,
  });

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
            value={reasonField.value}
            onChange={reasonField.onChange}
            error={reasonField.missing ? t('common:validation.required') : undefined}
            data-autofocus
            data-testid="revert-merge-reason"
          />
          <MergeRefusalAlert error={revert.error} testId="revert-merge-refusal" />
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
