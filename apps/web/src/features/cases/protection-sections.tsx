/**
 * Victim protection on the case page (issue 6): the risk assessments of each victim (the latest
 * with its level, score and date, and the earlier ones as history), the referrals to services with
 * the victim's consent and the service's answer, and the protection measures with their expiry and
 * violations. The server sends empty lists to roles that may not read them, so a section is
 * drawn when it has something to show or the reader may record into it (its event is offered):
 * an accused's lawyer never sees "no referral". Every level and status is said in words; colour
 * only repeats it.
 */
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { LegalDate } from '../../components/LegalDate';
import { formatNumber, formatRelative } from '../../format/format';
import type { Language } from '../../i18n/i18n';
import { CASE_FAMILY } from './family-messages';
import { CASE_PAYLOAD } from './payload-messages';
import { partyName } from './pickers';
import { riskHistories, URGENT_LEVELS } from './risk';
import { Section } from './sections';
import type {
  CasePage,
  MeasureStatus,
  PersonRef,
  ProtectionMeasure,
  Referral,
  ReferralStatus,
  RiskAssessment,
  RiskLevel,
} from './types';

// Filled badges with white text, each with WCAG AA contrast; the words carry the meaning.
export const RISK_COLOURS: Record<RiskLevel, string> = {
  low: '#1b5e20',
  medium: '#8a3c00',
  high: 'red.9',
  severe: '#5c0a14',
};
export const REFERRAL_COLOURS: Record<ReferralStatus, string> = {
  sent: 'qadiya.8',
  accepted: '#1b5e20',
  declined: 'red.9',
  closed: 'gray.7',
};
const MEASURE_COLOURS: Record<MeasureStatus, string> = {
  active: '#1b5e20',
  expired: 'gray.7',
  revoked: 'gray.7',
  violated: 'red.9',
};
const NEAR_EXPIRY_MS = 2 * 24 * 3_600_000;

/** Something to show, or the reader may add to it now. */
function isShown(page: CasePage, items: readonly unknown[], event: string): boolean {
  return (
    page.isFamilyProtection &&
    (items.length > 0 || page.availableEvents.some((option) => option.name === event))
  );
}

const nameOf = (person: PersonRef | null, language: Language) =>
  person ? (language === 'en' ? person.nameEn : person.nameAr) : '—';

function usePartyName(page: CasePage) {
  const language = useLanguage();
  return (partyId: string) => {
    const party = (page.parties ?? []).find((p) => p.id === partyId);
    return party ? partyName(party, language) : '—';
  };
}

export function RiskLevelBadge({ level, size = 'md' }: { level: RiskLevel; size?: 'md' | 'lg' }) {
  const { t } = useTranslation(CASE_FAMILY);
  return (
    <Badge color={RISK_COLOURS[level]} size={size} data-testid="risk-level" data-level={level}>
      {t('risk.levelBadge', { level: t(`risk.levels.${level}`) })}
    </Badge>
  );
}

export function RiskSection({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASE_FAMILY);
  const language = useLanguage();
  const victimName = usePartyName(page);
  const assessments = page.riskAssessments;
  if (!isShown(page, assessments, 'assess_risk')) return null;
  const histories = riskHistories(assessments);
  return (
    <Section id="section-risk" title={t('risk.title')} count={assessments.length}>
      {histories.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('risk.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {histories.map((history) => (
            <Paper
              key={history.victimPartyId}
              withBorder
              p="sm"
              bg="gray.0"
              data-testid={`risk-${history.victimPartyId}`}
            >
              <Stack gap={6}>
                <Text fw={600}>
                  {t('risk.victim')}: {victimName(history.victimPartyId)}
                </Text>
                <Group gap="sm" wrap="wrap">
                  <Text size="sm" c="gray.7">
                    {t('risk.latest')}:
                  </Text>
                  <RiskLevelBadge level={history.latest.level} size="lg" />
                  <Text size="sm" data-testid="risk-score">
                    {t('risk.score')}: {formatNumber(history.latest.score, language)}
                  </Text>
                </Group>
                <Text size="sm">
                  {t('risk.assessedAt')}: <LegalDate value={history.latest.assessedAt} withTime />
                  {' · '}
                  {t('risk.assessedBy')}: {nameOf(history.latest.assessedBy, language)}
                </Text>
                {URGENT_LEVELS.includes(history.latest.level) ? (
                  <Group gap={6} wrap="nowrap">
                    <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-9)" />
                    <Text size="sm" fw={700} c="red.9" data-testid="risk-urgent">
                      {t('risk.urgent')}
                    </Text>
                  </Group>
                ) : null}
                {history.earlier.length > 0 ? <RiskHistoryTable earlier={history.earlier} /> : null}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function RiskHistoryTable({ earlier }: { earlier: RiskAssessment[] }) {
  const { t } = useTranslation(CASE_FAMILY);
  const language = useLanguage();
  return (
    <>
      <Title order={3} size="h6" mt="xs">
        {t('risk.history')}
      </Title>
      <DataTable
        minWidth={420}
        caption={t('risk.history')}
        captionHidden
        columns={[t('risk.assessedAt'), t('risk.level'), t('risk.score'), t('risk.assessedBy')]}
        items={earlier}
        verticalSpacing={4}
        keyboardScroll
        data-testid="risk-history"
      >
        {(a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <LegalDate value={a.assessedAt} withTime />
            </Table.Td>
            <Table.Td>{t(`risk.levels.${a.level}`)}</Table.Td>
            <Table.Td>{formatNumber(a.score, language)}</Table.Td>
            <Table.Td>{nameOf(a.assessedBy, language)}</Table.Td>
          </Table.Tr>
        )}
      </DataTable>
    </>
  );
}

export function ReferralsSection({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASE_FAMILY);
  const referrals = page.referrals;
  if (!isShown(page, referrals, 'refer_to_service')) return null;
  return (
    <Section id="section-referrals" title={t('referral.title')} count={referrals.length}>
      {referrals.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('referral.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {referrals.map((r) => (
            <ReferralCard key={r.id} page={page} referral={r} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** One referral: the service and its answer first, then who, when and on what consent. */
function ReferralCard({ page, referral: r }: { page: CasePage; referral: Referral }) {
  const { t } = useTranslation([CASE_FAMILY, CASE_PAYLOAD]);
  const language = useLanguage();
  const victimName = usePartyName(page);
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid={`referral-${r.id}`}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Text fw={600}>
          {t(`${CASE_PAYLOAD}:values.service.${r.service}`, { defaultValue: r.service })}
          {' · '}
          {language === 'en' ? r.institution.nameEn : r.institution.nameAr}
        </Text>
        <Badge color={REFERRAL_COLOURS[r.status]} data-testid="referral-status">
          {t(`referral.statuses.${r.status}`)}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          {t('referral.victim')}: {victimName(r.victimPartyId)} · {t('referral.sentAt')}:{' '}
          <LegalDate value={r.sentAt} withTime />
        </Text>
        <Text size="sm" data-testid="referral-consent">
          {t(`referral.consents.${r.consent}`)}
        </Text>
        {r.overrideReason ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('referral.overrideReason')}: <bdi>{r.overrideReason}</bdi>
          </Text>
        ) : null}
        {r.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('referral.note')}: <bdi>{r.note}</bdi>
          </Text>
        ) : null}
        {r.respondedAt ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="referral-feedback">
            {t('referral.respondedAt')} <LegalDate value={r.respondedAt} withTime />
            {r.feedback ? (
              <>
                {': '}
                <bdi>{r.feedback}</bdi>
              </>
            ) : null}
          </Text>
        ) : null}
        {r.closedAt ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('referral.closedAt')} <LegalDate value={r.closedAt} withTime />
            {r.closingFeedback ? (
              <>
                {': '}
                <bdi>{r.closingFeedback}</bdi>
              </>
            ) : null}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function MeasuresSection({ page, now }: { page: CasePage; now: Date }) {
  const { t } = useTranslation(CASE_FAMILY);
  const measures = page.protectionMeasures;
  if (!isShown(page, measures, 'issue_protection_measure')) return null;
  return (
    <Section id="section-measures" title={t('measure.title')} count={measures.length}>
      {measures.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('measure.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {measures.map((m) => (
            <MeasureCard key={m.id} page={page} measure={m} now={now} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function MeasureCard({
  page,
  measure: m,
  now,
}: {
  page: CasePage;
  measure: ProtectionMeasure;
  now: Date;
}) {
  const { t } = useTranslation([CASE_FAMILY, CASE_PAYLOAD]);
  const language = useLanguage();
  const name = usePartyName(page);
  const left = new Date(m.expiresAt).getTime() - now.getTime();
  const inForce = m.status === 'active' || m.status === 'violated';
  const nearExpiry = inForce && left > 0 && left <= NEAR_EXPIRY_MS;
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid={`measure-${m.id}`}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Text fw={600}>
          {t(`${CASE_PAYLOAD}:values.measureKind.${m.kind}`, { defaultValue: m.kind })}
        </Text>
        <Badge color={MEASURE_COLOURS[m.status]} data-testid="measure-status">
          {t(`measure.statuses.${m.status}`)}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          {t('measure.protectedParty')}: {name(m.protectedPartyId)} · {t('measure.againstParty')}:{' '}
          {name(m.againstPartyId)}
        </Text>
        <Text size="sm">
          {t('measure.authority')}: {t(`${CASE_PAYLOAD}:values.authority.${m.authority}`)} ·{' '}
          {t('measure.issuedAt')}: <LegalDate value={m.issuedAt} />
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={nearExpiry ? 700 : 400} data-testid="measure-expiry">
            {t('measure.expiresAt')}: <LegalDate value={m.expiresAt} withTime />
            {inForce ? ` (${formatRelative(m.expiresAt, now, language)})` : ''}
          </Text>
          {nearExpiry ? (
            <Badge color="orange" c="dark">
              {t('measure.nearExpiry')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('measure.conditions')}: <bdi>{m.conditions}</bdi>
        </Text>
        {m.revokedAt ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('measure.revokedAt')}: <LegalDate value={m.revokedAt} />
            {m.revokeReason ? (
              <>
                {' · '}
                <bdi>{m.revokeReason}</bdi>
              </>
            ) : null}
          </Text>
        ) : null}
        <Title order={3} size="h6" mt="xs">
          {t('measure.violations')}
        </Title>
        {m.violations.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('measure.noViolations')}
          </Text>
        ) : (
          <Stack gap={6} data-testid="measure-violations">
            {m.violations.map((v) => (
              <Paper key={v.id} withBorder p="xs">
                <Text size="sm">
                  {t('measure.occurredAt')}: <LegalDate value={v.occurredAt} withTime />
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('measure.description')}: <bdi>{v.description}</bdi>
                </Text>
                {v.newCase ? (
                  <Text size="sm">
                    {t('measure.openNewFile')}:{' '}
                    <Anchor component={Link} to={`/cases/${v.newCase.id}`} dir="ltr">
                      {v.newCase.reference ?? t('measure.newFile')}
                    </Anchor>
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
