import { Badge } from '@mantine/core';
import type { ConfidentialityLevel } from '@qadiya/domain/organisation';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

// Shades chosen for WCAG AA text contrast (axe-core checks every screen). Restricted is a dark
// orange: Mantine's orange.7 gives white text at 3:1, below AA for a badge's small bold text.
const COLOURS: Record<ConfidentialityLevel, string> = {
  normal: 'gray.7',
  restricted: '#8a3c00',
  sealed: 'red.9',
};

export function ConfidentialityBadge({ level }: { level: ConfidentialityLevel }) {
  const { t } = useTranslation('common');
  return (
    <Badge
      color={COLOURS[level]}
      variant={level === 'normal' ? 'outline' : 'filled'}
      autoContrast
      leftSection={level === 'normal' ? undefined : <IconLock size={12} aria-hidden />}
    >
      {t(`confidentiality.${level}`)}
    </Badge>
  );
}
