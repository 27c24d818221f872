/**
 * Pieces the administration panels share: the server's refusals in words, field problems of a
 * 400 next to the input at fault, and institution names and options.
 */
import { Alert, Button, Modal, Stack, Text, type ModalProps } from '@mantine/core';
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
  return error.fieldProblems[field];
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

/** A Modal whose close button is named in the user's language. */
export function FormModal(props: ModalProps) {
  const { t } = useTranslation(ADMIN);
  return <Modal closeButtonProps={{ 'aria-label': t('common:close') }} {...props} />;
}
