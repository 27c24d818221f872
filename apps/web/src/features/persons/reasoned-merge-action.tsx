/**
 * What merging two records and reverting a merge share: a required reason, the request, the
 * registry reloaded and a notice on success, and a refusal by a rule (409 with `details.rule`) said
 * in the user's language with the files it names. Anything else is an ordinary error.
 */
import { Alert, Anchor, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { mergeRefusal } from './merge-types';
import { PERSONS } from './messages';

export function useReasonedMergeAction({
  send,
  doneMessage,
  onDone,
}: {
  send: (reason: string) => Promise<unknown>;
  doneMessage: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const mutation = useMutation({
    mutationFn: () => send(reason.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      notifications.show({ message: doneMessage, color: 'green' });
      onDone();
    },
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    mutation.mutate();
  }

  /** Props for the reason's Textarea: its value, and "required" once submitted empty. */
  const reasonField = {
    value: reason,
    onChange: (event: { currentTarget: { value: string } }) => {
      setReason(event.currentTarget.value);
      setMissingReason(false);
    },
    missing: missingReason,
  };
  return { mutation, submit, reasonField };
}

/** The refusal of a merge or revert by a rule, with the files it names; else the plain error. */
export function MergeRefusalAlert({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const refusal = mergeRefusal(error, language);
  if (!refusal) return <ErrorAlert error={error} />;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      data-testid={testId}
    >
      <Text size="sm">{refusal.message}</Text>
      {refusal.files.length > 0 ? (
        <>
          <Text size="sm" mt="xs">
            {t('merge.conflictFiles')}
          </Text>
          <List size="sm">
            {refusal.files.map((file) => (
              <List.Item key={file.caseId}>
                <Anchor component={Link} to={`/cases/${file.caseId}`}>
                  <span className="ltr-value">{file.reference ?? file.caseId}</span>
                </Anchor>{' '}
                ({language === 'en' ? file.institution.nameEn : file.institution.nameAr})
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {refusal.otherFiles > 0 ? (
        <Text size="sm" mt="xs">
          {t('merge.otherFiles', { count: refusal.otherFiles })}
        </Text>
      ) : null}
    </Alert>
  );
}
