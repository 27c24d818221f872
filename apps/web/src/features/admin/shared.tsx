/**
 * Pieces the administration panels share: the server's refusals in words, field problems of a
 * 400 next to the input at fault, the saved notice, and institution names and options.
 */
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { SyntheticEvent } from 'react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { pick } from '../../i18n/i18n';
import type { Institution } from './api';
import { ADMIN } from './messages';

const KNOWN_REFUSALS = [
  'SELF_GRANT_FORBIDDEN',
  'ALREADY_EXISTS',
  'CONFLICT',
  'VALIDATION_FAILED',
  'FORBIDDEN',
] as const;

function isKnownRefusal(code: string): code is (typeof KNOWN_REFUSALS)[number] {
  return (KNOWN_REFUSALS as readonly string[]).includes(code);
}

/**
 * A failed save. A stale version keeps the form and offers to take the latest version; a refusal
 * the screens know is said in the user's language with the server's own message beneath; anything
 * else goes to the shared ErrorAlert.
 */
export function AdminError({
  error,
  onUseLatest,
}: {
  error: unknown;
  onUseLatest?: (currentVersion: number) => void;
}) {
  const { t } = useTranslation(ADMIN);
  if (!error) return null;
  if (error instanceof ApiError && error.isStale) {
    const currentVersion = error.details.currentVersion;
    return (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert" variant="light">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('common:errors.stale')}</Text>
          {onUseLatest && typeof currentVersion === 'number' ? (
            <Button size="xs" variant="white" onClick={() => onUseLatest(currentVersion)}>
              {t('useLatest')}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (error instanceof ApiError && isKnownRefusal(error.code)) {
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" variant="light">
        <Text size="sm" fw={500}>
          {t(`errors.${error.code}`)}
        </Text>
        <Text size="xs" mt={4}>
          {t('errors.serverSays')}:{' '}
          <Text span size="xs" dir="ltr" ta="start">
            {error.message} ({error.code})
          </Text>
        </Text>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** The server's problem with one field (schema or use-case validation), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldProblemTexts[field];
}

export function useInstitutionName(institutions: readonly Institution[] | undefined) {
  const language = useLanguage();
  const { t } = useTranslation(ADMIN);
  return (id: string | null): string => {
    if (id === null) return t('national');
    const found = institutions?.find((institution) => institution.id === id);
    return found ? pickName(found, language) : id;
  };
}

/** Options for a Select of institutions, active ones first in the user's language. */
export function useInstitutionOptions(institutions: readonly Institution[] | undefined) {
  const language = useLanguage();
  return (institutions ?? [])
    .filter((institution) => institution.isActive)
    .map((institution) => ({
      value: institution.id,
      label: `${pickName(institution, language)} (${institution.code})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** `pick` for rows with `nameAr` / `nameEn`. */
export function pickName(row: { nameAr: string; nameEn: string }, language: 'ar' | 'en') {
  return pick({ ar: row.nameAr, en: row.nameEn }, language);
}

/** Says that a change was saved (the theme names the toast's close button). */
export function useNotifySaved() {
  const { t } = useTranslation(ADMIN);
  return (message: string = t('saved')) =>
    notifications.show({
      message,
      color: 'green',
    });
}

/**
 * The save of a dialog's form: on success the lists under `queryKey` are fetched again, the user
 * is told, and the dialog closes. On failure the form stays as typed, with the error.
 */
export function useSaveThenClose<TVariables = void>(
  queryKey: QueryKey,
  mutationFn: (variables: TVariables) => Promise<unknown>,
  onDone: () => void,
) {
  const queryClient = useQueryClient();
  const notifySaved = useNotifySaved();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey });
      notifySaved();
      onDone();
    },
  });
}

/** A form's submit handler that runs `run` instead of sending the form. */
export function submitting(run: () => void) {
  return (event: SyntheticEvent) => {
    event.preventDefault();
    run();
  };
}

interface NameField {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The field's name in the request (and in a 400's field problems). */
  field: string;
}

/** A row's Arabic and English names, each typed in its own direction; both required. */
export function NameFields({
  arabic,
  english,
  error,
  focusFirst = false,
}: {
  arabic: NameField;
  english: NameField;
  error: unknown;
  /** The Arabic name takes the focus when the dialog opens. */
  focusFirst?: boolean;
}) {
  return (
    <>
      {[
        { ...arabic, dir: 'rtl', lang: 'ar' },
        { ...english, dir: 'ltr', lang: 'en' },
      ].map((name, index) => (
        <TextInput
          key={name.field}
          label={name.label}
          value={name.value}
          onChange={(event) => name.onChange(event.currentTarget.value)}
          required
          dir={name.dir}
          lang={name.lang}
          name={name.field}
          error={fieldError(error, name.field)}
          data-autofocus={focusFirst && index === 0 ? true : undefined}
        />
      ))}
    </>
  );
}
