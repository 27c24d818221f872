/**
 * Shows an error from the API in the user's language. Known situations (stale version, network
 * down, forbidden) get a sentence written for people; anything else shows the server's message
 * and code so that support can find it in the log.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

export function errorMessageKey(error: unknown): string | null {
  if (error instanceof NetworkError) return 'errors.network';
  if (!(error instanceof ApiError)) return 'errors.unexpected';
  if (error.isStale) return 'errors.stale';
  if (error.status === 403) return null;
  if (error.status === 404) return 'errors.notFound';
  if (error.status === 401) return 'errors.sessionEnded';
  if (error.status >= 500) return 'errors.unexpected';
  return null;
}

/** A refused field in the user's words: the server's English sentence is for the log. */
function firstFieldProblem(error: ApiError, t: TFunction<'common'>): string | null {
  const [field, problem] = Object.entries(error.fieldProblemTexts)[0] ?? [];
  if (field === undefined || problem === undefined) return null;
  return t('errors.invalidField', { field: field.replace(/^payload\./, ''), problem });
}

export function ErrorAlert({
  error,
  onRetry,
  retryLabel,
}: {
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  const { t, i18n } = useTranslation('common');
  if (!error) return null;
  const key = errorMessageKey(error);
  const apiError = error instanceof ApiError ? error : null;
  // A broken rule carries its Arabic words (details.messageAr) beside the English message.
  const messageAr = apiError?.details.messageAr;
  const serverText =
    i18n.language === 'ar' && typeof messageAr === 'string'
      ? messageAr
      : i18n.language === 'ar' && apiError
        ? (firstFieldProblem(apiError, t) ?? apiError.message)
        : apiError?.message;
  const text =
    key !== null
      ? t(key)
      : apiError?.status === 403 && !apiError.message
        ? t('errors.forbidden')
        : (serverText ?? t('errors.unexpected'));
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" variant="light">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="sm">{text}</Text>
          {apiError && key === null ? (
            <Text size="xs" c="dimmed" dir="ltr" ta="start">
              {apiError.code}
            </Text>
          ) : null}
        </div>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {retryLabel ?? t('retry')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
