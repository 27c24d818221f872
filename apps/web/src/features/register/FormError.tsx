import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * A form's error: a 400 naming fields says so in the user's language (the fields show where);
 * anything else is the shared ErrorAlert.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation('common');
  if (error instanceof ApiError && error.status === 400 && error.code === 'VALIDATION_FAILED') {
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" variant="light">
        {t('errors.validation')}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
