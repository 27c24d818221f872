/** The dialogs of the forms: a Modal whose close button is named, and the cancel and submit row. */
import {
  Button,
  Group,
  Modal,
  type MantineColor,
  type MantineSpacing,
  type ModalProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A Modal whose close button is named in the user's language. */
export function FormModal(props: ModalProps) {
  const { t } = useTranslation('common');
  return <Modal closeButtonProps={{ 'aria-label': t('close') }} {...props} />;
}

/**
 * Cancel and submit, at the end of a form. The submit button submits the form it stands in, or,
 * given `onConfirm`, runs that (a confirmation without a form).
 */
export function FormActions({
  onCancel,
  onConfirm,
  submitLabel,
  loading = false,
  disabled = false,
  color,
  leftSection,
  gap,
  submitTestId,
}: {
  onCancel: () => void;
  onConfirm?: () => void;
  /** By default "Save". */
  submitLabel?: string;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
  leftSection?: ReactNode;
  gap?: MantineSpacing;
  submitTestId?: string;
}) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end" gap={gap}>
      <Button variant="default" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        color={color}
        loading={loading}
        disabled={disabled}
        leftSection={leftSection}
        data-testid={submitTestId}
      >
        {submitLabel ?? t('save')}
      </Button>
    </Group>
  );
}
