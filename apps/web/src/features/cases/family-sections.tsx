/**
 * The family protection section of the case page (issue 6): why the file is a family protection
 * file, its link to the cybercrime unit, the GBVIMS type of the incident and its context flags,
 * the details a decision still needs, and whether mediation is blocked (violence against women)
 * or a chief prosecutor lifted the block in writing. Every state is said in words.
 */
import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LegalDate } from '../../components/LegalDate';
import { PROTECTION_COLOUR } from '../../components/ProtectionMarkers';
import { CASE_FAMILY } from './family-messages';
import { CASE_PAYLOAD } from './payload-messages';
import { Section } from './sections';
import type { CasePage, FamilyProtectionInfo } from './types';

const FLAGS = ['intimatePartner', 'childVictim', 'earlyMarriage'] as const;

export function FamilyProtectionSection({ page }: { page: CasePage }) {
  const { t } = useTranslation([CASE_FAMILY, CASE_PAYLOAD]);
  const family = page.familyProtection;
  if (!family) return null;
  const flags = FLAGS.filter((flag) => family.gbvFlags[flag]);
  return (
    <Section id="section-family-protection" title={t('section.title')}>
      <Stack gap="sm">
        <MissingDetails missing={family.missingDetails} />
        <Row label={t('section.reasons')}>
          <List size="sm" spacing={2} data-testid="family-reasons">
            {family.reasons.map((reason) => (
              <List.Item key={reason}>{t(`reasons.${reason}`, { defaultValue: reason })}</List.Item>
            ))}
          </List>
        </Row>
        {family.linksCybercrime ? (
          <Group gap={6} wrap="nowrap" data-testid="family-cybercrime">
            <IconLink size={16} aria-hidden />
            <Text size="sm" fw={500}>
              {t('section.cybercrime')}
            </Text>
          </Group>
        ) : null}
        <Row label={t('section.gbvType')}>
          <Text size="sm" fw={family.gbvType ? 700 : 400} data-testid="family-gbv-type">
            {family.gbvType
              ? t(`${CASE_PAYLOAD}:values.gbvType.${family.gbvType}`, {
                  defaultValue: family.gbvType,
                })
              : t('section.notClassified')}
          </Text>
        </Row>
        <Row label={t('section.flags')}>
          {flags.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('section.noFlags')}
            </Text>
          ) : (
            <Group gap={6} data-testid="family-flags">
              {flags.map((flag) => (
                <Badge key={flag} variant="outline" color={PROTECTION_COLOUR}>
                  {t(`flags.${flag}`)}
                </Badge>
              ))}
            </Group>
          )}
        </Row>
        <Mediation family={family} />
      </Stack>
    </Section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      {children}
    </div>
  );
}

function MissingDetails({ missing }: { missing: readonly string[] }) {
  const { t } = useTranslation(CASE_FAMILY);
  if (missing.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      data-testid="family-missing-details"
    >
      <Text size="sm" fw={700}>
        {t('missing.title')}
      </Text>
      <Text size="sm">{t('missing.body')}</Text>
      <List size="sm" withPadding>
        {missing.map((detail) => (
          <List.Item key={detail}>{t(`missing.${detail}`, { defaultValue: detail })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Mediation({ family }: { family: FamilyProtectionInfo }) {
  const { t } = useTranslation(CASE_FAMILY);
  const override = family.mediationOverride;
  return (
    <Row label={t('section.mediation')}>
      {family.mediationBlocked ? (
        <Group gap={8} wrap="nowrap" align="flex-start" data-testid="family-mediation-blocked">
          <IconBan size={18} aria-hidden color="var(--mantine-color-red-9)" />
          <div>
            <Text size="sm" fw={700} c="red.9">
              {t('mediation.blocked')}
            </Text>
            <Text size="sm">{t('mediation.blockedBody')}</Text>
          </div>
        </Group>
      ) : override ? (
        <Stack gap={2} data-testid="family-mediation-override">
          <Text size="sm" fw={700}>
            {t('mediation.overridden')}
          </Text>
          <Text size="sm">
            {t('mediation.overriddenAt')} <LegalDate value={override.at} withTime />
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('mediation.reason')}: <bdi>{override.reason}</bdi>
          </Text>
        </Stack>
      ) : (
        <Text size="sm">{t('mediation.allowed')}</Text>
      )}
    </Row>
  );
}
