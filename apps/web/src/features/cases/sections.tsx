/** The sections of the case page. A section whose data the server withheld (null) is not drawn. */
import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/use-language';
import { DataTableHead } from '../../components/DataTable';
import { LegalDate } from '../../components/LegalDate';
import {
  ConfidentialAddressMarker,
  ProtectedVictimMarker,
} from '../../components/ProtectionMarkers';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { useRelationshipLabel } from './family-parts';
import { DetentionJuvenileNotes, PartyAge } from './juvenile-parts';
import { CASE_JUVENILE } from './juvenile-messages';
import { CASES } from './messages';
import { partyName, partyRoleLabel } from './pickers';
import type { CasePage, CaseTypeInfo, Detention } from './types';

export function Section({
  id,
  title,
  children,
  count,
}: {
  id: string;
  title: string;
  children: ReactNode;
  count?: number;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Group gap="xs" mb="sm">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {count !== undefined && count > 0 ? (
          <Badge variant="light" color="gray" aria-hidden>
            {count}
          </Badge>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

function Empty({ children }: { children: string }) {
  return (
    <Text size="sm" c="gray.7">
      {children}
    </Text>
  );
}

/**
 * A table that scrolls sideways on narrow screens. The region takes keyboard focus so that it can
 * be scrolled without a mouse (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
function ScrollRegion({
  labelledBy,
  label,
  children,
}: {
  labelledBy?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <Box
      role="region"
      aria-labelledby={labelledBy}
      aria-label={label}
      tabIndex={0}
      style={{ overflowX: 'auto' }}
    >
      {children}
    </Box>
  );
}

function DataTable({
  labelledBy,
  head,
  children,
  minWidth = 420,
}: {
  labelledBy: string;
  head: string[];
  children: ReactNode;
  minWidth?: number;
}) {
  return (
    <ScrollRegion labelledBy={labelledBy}>
      <Table aria-labelledby={labelledBy} striped verticalSpacing="xs" ta="start" miw={minWidth}>
        <DataTableHead columns={head} />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function PartiesSection({ page }: { page: CasePage }) {
  const { t } = useTranslation([CASES, CASE_JUVENILE]);
  const language = useLanguage();
  const relationship = useRelationshipLabel();
  if (page.parties === null) return null;
  const parties = page.parties;
  return (
    <Section id="section-parties" title={t('sections.parties')} count={parties.length}>
      {parties.length === 0 ? (
        <Empty>{t('empty.parties')}</Empty>
      ) : (
        <DataTable
          labelledBy="section-parties-title"
          head={[
            t('party.name'),
            t('party.role'),
            t('party.sex'),
            t('party.dateOfBirth'),
            t(`${CASE_JUVENILE}:party.age`),
          ]}
        >
          {parties.map((p) => (
            <Table.Tr
              key={p.id}
              data-testid={`party-${p.id}`}
              data-role={p.role}
              data-masked={p.isMasked ? 'true' : undefined}
            >
              <Table.Td>
                <Anchor component={Link} to={`/persons/${p.personId}`}>
                  {partyName(p, language)}
                </Anchor>
                {language === 'ar' && p.nameLatin ? (
                  <Text size="xs" c="gray.7" dir="ltr" ta="start">
                    {p.nameLatin}
                  </Text>
                ) : null}
                {p.isMasked || p.addressConfidential ? (
                  <Stack gap={4} mt={4} align="flex-start">
                    {p.isMasked ? <ProtectedVictimMarker where="onFile" /> : null}
                    {p.addressConfidential ? <ConfidentialAddressMarker /> : null}
                  </Stack>
                ) : null}
              </Table.Td>
              <Table.Td>
                {partyRoleLabel(p, language, t)}
                {p.relationshipToAccused ? (
                  <Text size="xs" c="gray.7" data-testid="party-relationship">
                    {t('party.relationship')}:{' '}
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {relationship(p.relationshipToAccused)}
                    </span>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{p.sex ? t(`party.${p.sex}`) : t('party.unknown')}</Table.Td>
              <Table.Td>{p.dateOfBirth ? formatDate(p.dateOfBirth, language) : '—'}</Table.Td>
              <Table.Td>
                <PartyAge party={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

export function ChargesSection({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const parties = page.parties ?? [];
  return (
    <Section id="section-charges" title={t('sections.charges')} count={page.charges.length}>
      {page.charges.length === 0 ? (
        <Empty>{t('empty.charges')}</Empty>
      ) : (
        <DataTable
          labelledBy="section-charges-title"
          head={[
            t('charge.offence'),
            t('charge.article'),
            t('charge.class'),
            t('charge.accused'),
            t('charge.disposition'),
            t('charge.sentence'),
          ]}
        >
          {page.charges.map((c) => {
            const accused = parties.find((p) => p.id === c.partyId);
            const sentence = [
              c.custodialMonths !== null ? t('charge.months', { count: c.custodialMonths }) : null,
              c.fineAmount !== null
                ? t('charge.fine', { amount: formatNumber(Number(c.fineAmount), language) })
                : null,
            ].filter(Boolean);
            return (
              <Table.Tr key={c.id}>
                <Table.Td>{language === 'en' ? c.offence.titleEn : c.offence.titleAr}</Table.Td>
                <Table.Td>
                  {c.offence.article}
                  <Text size="xs" c="gray.7">
                    {c.offence.lawAr}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`charge.classes.${c.offence.class}`)}</Table.Td>
                <Table.Td>{accused ? partyName(accused, language) : '—'}</Table.Td>
                <Table.Td>
                  {t(`charge.dispositions.${c.disposition}`, { defaultValue: c.disposition })}
                </Table.Td>
                <Table.Td>{sentence.length > 0 ? sentence.join('، ') : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}

const NEAR_EXPIRY_MS = 24 * 3_600_000;

function expiryState(d: Detention, now: Date): 'overdue' | 'near' | 'ok' | null {
  if (d.releasedAt !== null || d.currentExpiry === null) return null;
  const left = new Date(d.currentExpiry).getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  return left <= NEAR_EXPIRY_MS ? 'near' : 'ok';
}

export function DetentionSection({ page, now }: { page: CasePage; now: Date }) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const parties = page.parties ?? [];
  return (
    <Section id="section-detention" title={t('sections.detention')} count={page.detentions.length}>
      {page.detentions.length === 0 ? (
        <Empty>{t('empty.detention')}</Empty>
      ) : (
        <Stack gap="md">
          {page.detentions.map((d) => {
            const party = parties.find((p) => p.id === d.partyId);
            const state = expiryState(d, now);
            return (
              <Paper key={d.id} withBorder p="sm" bg="gray.0" data-testid={`detention-${d.id}`}>
                <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
                  <Text fw={600}>{party ? partyName(party, language) : t('detention.person')}</Text>
                  {d.releasedAt ? (
                    <Badge color="gray" variant="light">
                      {t('detention.released')}
                    </Badge>
                  ) : (
                    <Badge color="qadiya" variant="light">
                      {t('detention.open')}
                    </Badge>
                  )}
                </Group>
                <Stack gap={4}>
                  <Text size="sm">
                    {t('detention.arrestedAt')}: <LegalDate value={d.arrestedAt} withTime />
                    {d.place ? ` · ${t('detention.place')}: ${d.place}` : ''}
                  </Text>
                  {state !== null && d.currentExpiry ? (
                    <Group gap="xs" wrap="wrap">
                      <Text
                        size="sm"
                        fw={state === 'ok' ? 400 : 700}
                        c={
                          state === 'overdue' ? 'red.8' : state === 'near' ? 'orange.9' : undefined
                        }
                        data-testid="detention-expiry"
                      >
                        {t('detention.currentExpiry')}:{' '}
                        <LegalDate value={d.currentExpiry} withTime /> (
                        {formatRelative(d.currentExpiry, now, language)})
                      </Text>
                      {state === 'overdue' ? (
                        <Badge color="red">{t('detention.overdue')}</Badge>
                      ) : state === 'near' ? (
                        <Badge color="orange" c="dark">
                          {t('detention.nearExpiry')}
                        </Badge>
                      ) : null}
                    </Group>
                  ) : null}
                  <DetentionJuvenileNotes detention={d} />
                  {d.releasedAt ? (
                    <Text size="sm">
                      {t('detention.released')}: <LegalDate value={d.releasedAt} withTime />
                      {d.releaseReason ? ` · ${d.releaseReason}` : ''}
                    </Text>
                  ) : null}
                </Stack>
                {d.orders.length === 0 ? (
                  <Text size="sm" c="gray.7" mt="xs">
                    {t('detention.noOrder')}
                  </Text>
                ) : (
                  <ScrollRegion label={t('detention.orders')}>
                    <Table aria-label={t('detention.orders')} verticalSpacing={4} miw={520} mt="xs">
                      <DataTableHead
                        columns={[
                          t('detention.authority'),
                          t('detention.issuedAt'),
                          t('detention.expiresAt'),
                          t('detention.reason'),
                        ]}
                      />
                      <Table.Tbody>
                        {d.orders.map((o) => (
                          <Table.Tr key={o.id}>
                            <Table.Td>{t(`detention.authorities.${o.authority}`)}</Table.Td>
                            <Table.Td>
                              <LegalDate value={o.issuedAt} withTime />
                            </Table.Td>
                            <Table.Td>
                              <LegalDate value={o.expiresAt} withTime />
                            </Table.Td>
                            <Table.Td>{o.reason ?? '—'}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollRegion>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}

export function HearingsSection({ page }: { page: CasePage }) {
  const { t } = useTranslation([CASES, 'casePayload']);
  const language = useLanguage();
  if (page.hearings === null) return null;
  const hearings = page.hearings;
  return (
    <Section id="section-hearings" title={t('sections.hearings')} count={hearings.length}>
      {hearings.length === 0 ? (
        <Empty>{t('empty.hearings')}</Empty>
      ) : (
        <DataTable
          labelledBy="section-hearings-title"
          head={[
            t('hearing.when'),
            t('hearing.room'),
            t('hearing.judges'),
            t('hearing.status'),
            t('hearing.minutes'),
          ]}
        >
          {hearings.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>
                <LegalDate value={h.startsAt} withTime />
              </Table.Td>
              <Table.Td>{h.room}</Table.Td>
              <Table.Td>
                {h.judges
                  .map((j) => (language === 'en' ? (j.nameEn ?? j.nameAr) : (j.nameAr ?? j.nameEn)))
                  .filter(Boolean)
                  .join('، ')}
              </Table.Td>
              <Table.Td>
                {t(`hearing.statuses.${h.status}`, { defaultValue: h.status })}
                {h.adjournReason ? (
                  <Text size="xs" c="gray.7">
                    {t('hearing.adjournReason')}:{' '}
                    {t(`casePayload:values.reasonCode.${h.adjournReason}`, {
                      defaultValue: h.adjournReason,
                    })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                  {h.minutes ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

export function DeadlinesSection({ page, now }: { page: CasePage; now: Date }) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  return (
    <Section id="section-deadlines" title={t('sections.deadlines')} count={page.deadlines.length}>
      {page.deadlines.length === 0 ? (
        <Empty>{t('empty.deadlines')}</Empty>
      ) : (
        <DataTable
          labelledBy="section-deadlines-title"
          head={[t('deadline.title'), t('deadline.due'), t('deadline.priority')]}
        >
          {page.deadlines.map((d) => {
            const overdue = new Date(d.dueAt).getTime() < now.getTime();
            return (
              <Table.Tr key={d.id}>
                <Table.Td>{language === 'en' ? d.titleEn : d.titleAr}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    <LegalDate value={d.dueAt} withTime />
                    <Text size="sm" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 700 : 400}>
                      ({formatRelative(d.dueAt, now, language)})
                    </Text>
                    {overdue ? <Badge color="red">{t('deadline.overdue')}</Badge> : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t(`deadline.priorities.${d.priority}`, { defaultValue: d.priority })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}

export function LinkedFilesSection({
  page,
  caseTypes,
}: {
  page: CasePage;
  caseTypes: readonly CaseTypeInfo[] | undefined;
}) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const typeOf = (name: string) => caseTypes?.find((c) => c.caseType === name);
  return (
    <Section
      id="section-linked-files"
      title={t('sections.linkedFiles')}
      count={page.linkedFiles.length}
    >
      {page.linkedFiles.length === 0 ? (
        <Empty>{t('empty.linkedFiles')}</Empty>
      ) : (
        <DataTable
          labelledBy="section-linked-files-title"
          head={[
            t('linked.file'),
            t('linked.type'),
            t('linked.institution'),
            t('linked.state'),
            t('linked.opened'),
          ]}
        >
          {page.linkedFiles.map((f, index) => {
            const type = typeOf(f.caseType);
            const typeLabel = type ? pick(type.labels, language) : f.caseType;
            const stateLabels = type?.states[f.state]?.labels;
            return (
              <Table.Tr key={f.id ?? `hidden-${String(index)}`}>
                <Table.Td>
                  {f.id && f.canOpen ? (
                    <Anchor component={Link} to={`/cases/${f.id}`} dir="ltr">
                      {f.reference ?? typeLabel}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="gray.7">
                      {t('linked.noAccess')}
                    </Text>
                  )}
                  {f.intakeStatus === 'pending' ? (
                    <Text size="xs" c="gray.7">
                      {t('linked.pending')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{typeLabel}</Table.Td>
                <Table.Td>
                  {language === 'en' ? f.institution.nameEn : f.institution.nameAr}
                </Table.Td>
                <Table.Td>{stateLabels ? pick(stateLabels, language) : f.state}</Table.Td>
                <Table.Td>{formatDateTime(f.openedAt, language)}</Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}
