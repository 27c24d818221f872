import { Badge } from '@mantine/core';
import type { ConfidentialityLevel } from '@qadiya/domain/organisation';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<ConfidentialityLevel, string> = {
  normal: 'gray',
  restricted: 'orange',
  sealed: 'red',
};

export function ConfidentialityBadge({ level }: { level: ConfidentialityLevel }) {
  const { t } = useTranslation('common');
  return (
    <Badge
      color={COLOURS[level]}
      variant={level === 'normal' ? 'outline' : 'filled'}
      leftSection={level === 'normal' ? undefined : <IconLock size={12} aria-hidden />}
    >
      {t(`confidentiality.${level}`)}
    </Badge>
  );
}
