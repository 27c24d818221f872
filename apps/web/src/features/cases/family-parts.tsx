/**
 * The small family protection parts of the case page (issue 6): the badge in the case header and
 * a party's relationship to the accused in words. The protected victim and confidential address
 * markers are shared with the person screens (components/ProtectionMarkers.tsx).
 */
import { Badge } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROTECTION_COLOUR } from '../../components/ProtectionMarkers';
import { CASE_FAMILY } from './family-messages';
import { CASE_PAYLOAD } from './payload-messages';

/** The family protection badge (حماية الأسرة) for the header's row of badges. */
export function FamilyProtectionBadge({ isFamilyProtection }: { isFamilyProtection: boolean }) {
  const { t } = useTranslation(CASE_FAMILY);
  if (!isFamilyProtection) return null;
  return (
    <Badge
      color={PROTECTION_COLOUR}
      size="lg"
      title={t('badgeHint')}
      leftSection={<IconShieldLock size={14} aria-hidden />}
      data-testid="family-protection-badge"
    >
      {t('badge')}
    </Badge>
  );
}

/** "Spouse": a relationship code in words, the same words as the event forms. */
export function useRelationshipLabel() {
  const { t } = useTranslation(CASE_PAYLOAD);
  return (code: string) => t(`values.relationshipToAccused.${code}`, { defaultValue: code });
}
