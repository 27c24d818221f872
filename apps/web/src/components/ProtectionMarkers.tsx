/**
 * Victim protection (issue 6) as the screens show it: a victim seen by initials only is marked
 * "protected victim", with the reason in a line of text (not a tooltip, so that screen readers and
 * touch screens get it); a victim's address kept even from the accused's lawyer is marked
 * "confidential address". Words and an icon, never colour alone. Used by the case page, person
 * search and the person page.
 */
import { Badge, Text } from '@mantine/core';
import { IconHomeLock, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A dark teal with WCAG AA contrast for white text and for text on white. */
export const PROTECTION_COLOUR = 'teal.9';
/** The dark orange of restricted things (ConfidentialityBadge). */
const CONFIDENTIAL_COLOUR = '#8a3c00';

export function ProtectedVictimMarker({ where }: { where: 'onFile' | 'inRegistry' | 'none' }) {
  const { t } = useTranslation('common');
  return (
    <span data-testid="protected-victim">
      <Badge
        variant="outline"
        color={PROTECTION_COLOUR}
        size="sm"
        leftSection={<IconShieldLock size={12} aria-hidden />}
      >
        {t('protectedVictim.label')}
      </Badge>
      {where === 'none' ? null : (
        <Text size="xs" c="gray.7" mt={2}>
          {t(`protectedVictim.${where}`)}
        </Text>
      )}
    </span>
  );
}

export function ConfidentialAddressMarker() {
  const { t } = useTranslation('common');
  return (
    <Badge
      variant="outline"
      color={CONFIDENTIAL_COLOUR}
      size="sm"
      title={t('confidentialAddress.hint')}
      leftSection={<IconHomeLock size={12} aria-hidden />}
      data-testid="confidential-address"
    >
      {t('confidentialAddress.label')}
    </Badge>
  );
}
