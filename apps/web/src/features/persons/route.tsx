/**
 * The person page: a person of the national registry (`GET /persons/:id`) and their prior record,
 * the files in which they are a party across institutions (`GET /persons/:id/cases`), newest
 * first, with the institution, their role, the stage and the outcome of each. The server lists
 * only the files the reader may open; the police, prosecution and courts are also told how many
 * others there are ("N restricted files"), never counting juvenile files. Chief prosecutors merge a
 * duplicate record into the person, and revert a merge from the merged record, which points to
 * the record it went into.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconArrowsJoin, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Labels } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { ConfidentialityBadge } from '../../components/ConfidentialityBadge';
import { DataTable } from '../../components/DataTable';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { ProtectedVictimMarker } from '../../components/ProtectionMarkers';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { personName, type CaseHeader, type PartyRole, type Person } from '../../api/intake';
import { useSession } from '../../app/session';
import type { RegistryPerson } from './merge-types';
import { MergeDialog } from './MergeDialog';
import { MergeHistory } from './MergeHistory';
import { RevertMergeDialog } from './RevertMergeDialog';
import { PERSONS } from './messages';

interface PersonCase {
  case: CaseHeader;
  institution: { id: string; code: string; nameAr: string; nameEn: string };
  parties: { partyId: string; role: PartyRole; roleLabels: Labels | null }[];
}

export function Component() {
  const { personId = '' } = useParams();
  const { t } = useTranslation(PERSONS);
  const session = useSession();
  const mayMerge = session.hasRole('chief_prosecutor');
  const person = useQuery({
    queryKey: ['persons', personId],
    queryFn: () => api.get<RegistryPerson>(`/persons/${personId}`),
  });
  return (
    <QueryState query={person}>
      {(data) => (
        <Stack gap="lg">
          <PersonHeader person={data} mayMerge={mayMerge} />
          {data.mergedInto ? <MergedNotice person={data} mayMerge={mayMerge} /> : null}
          <PersonDetails person={data} />
          {data.mergedInto ? null : (
            <Paper
              withBorder
              p="md"
              component="section"
              aria-labelledby="person-files-heading"
              data-testid="prior-record"
            >
              <Title order={2} size="h4" id="person-files-heading" mb={4}>
                {t('files.title')}
              </Title>
              <Text size="sm" c="gray.7" mb="sm">
                {t('files.hint')}
              </Text>
              <PersonFiles personId={data.id} />
            </Paper>
          )}
          {mayMerge ? <MergeHistory personId={data.id} /> : null}
        </Stack>
      )}
    </QueryState>
  );
}

function PersonHeader({ person, mayMerge }: { person: RegistryPerson; mayMerge: boolean }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const [merging, setMerging] = useState(false);
  return (
    <>
      <PageTitle
        actions={
          mayMerge && !person.mergedInto ? (
            <Button
              variant="default"
              leftSection={<IconArrowsJoin size={16} aria-hidden />}
              onClick={() => setMerging(true)}
              data-testid="person-merge"
            >
              {t('merge.action')}
            </Button>
          ) : null
        }
      >
        {personName(person, language)}
      </PageTitle>
      {merging ? <MergeDialog survivor={person} onClose={() => setMerging(false)} /> : null}
    </>
  );
}

/** A merged record: where its files went, and (for chief prosecutors) the way back. */
function MergedNotice({ person, mayMerge }: { person: RegistryPerson; mayMerge: boolean }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const [reverting, setReverting] = useState(false);
  const merged = person.mergedInto;
  if (!merged) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconArrowsJoin aria-hidden />}
      title={t('merged.title')}
      // The light yellow's own title colour is too pale on it (WCAG AA).
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
      data-testid="person-merged"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('merged.body', {
            date: merged.mergedAt ? formatDate(merged.mergedAt, language) : '',
          })}
        </Text>
        <Group gap="sm">
          <Anchor
            component={Link}
            to={`/persons/${merged.personId}`}
            fw={500}
            data-testid="person-merged-into"
          >
            {t('merged.open')}
          </Anchor>
          {mayMerge && merged.mergeId ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} aria-hidden className="mirror-in-rtl" />}
              onClick={() => setReverting(true)}
              data-testid="person-revert-merge"
            >
              {t('merged.revert')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      {reverting && merged.mergeId ? (
        <RevertMergeDialog mergeId={merged.mergeId} onClose={() => setReverting(false)} />
      ) : null}
    </Alert>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation(PERSONS);
  // A protected victim's details are withheld, not unknown: say which.
  const unknown = (
    <Text span c="gray.7" fw={400}>
      {t(person.isMasked ? 'withheld' : 'unknown')}
    </Text>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-details-heading">
      <Title order={2} size="h4" id="person-details-heading" mb="sm">
        {t('details')}
      </Title>
      {person.isMasked ? (
        <Box mb="sm">
          <ProtectedVictimMarker where="inRegistry" />
        </Box>
      ) : null}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
        <Field label={t('fields.fullNameAr')}>
          <span lang="ar">{person.fullNameAr}</span>
        </Field>
        <Field label={t('fields.nameLatin')}>
          {person.nameLatin ? (
            <span lang="en" dir="ltr">
              {person.nameLatin}
            </span>
          ) : (
            unknown
          )}
        </Field>
        <Field label={t('fields.nationalId')}>
          {person.nationalId ? <span className="ltr-value">{person.nationalId}</span> : unknown}
        </Field>
        <Field label={t('fields.sex')}>{person.sex ? t(`sex.${person.sex}`) : unknown}</Field>
        <Field label={t('fields.dateOfBirth')}>
          {person.dateOfBirth ? <LegalDate value={person.dateOfBirth} /> : unknown}
        </Field>
        <Field label={t('fields.nationality')}>{person.nationality ?? unknown}</Field>
        {person.phone !== undefined ? (
          <Field label={t('fields.phone')}>
            {person.phone ? <span className="ltr-value">{person.phone}</span> : unknown}
          </Field>
        ) : null}
        {person.address !== undefined ? (
          <Field label={t('fields.address')}>{person.address ?? unknown}</Field>
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

function PersonFiles({ personId }: { personId: string }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const files = useQuery({
    queryKey: ['persons', personId, 'cases'],
    queryFn: () =>
      api.get<{ items: PersonCase[]; total: number; restrictedCount: number | null }>(
        `/persons/${personId}/cases`,
      ),
  });
  return (
    <QueryState query={files}>
      {(data) =>
        data.items.length === 0 ? (
          <>
            <Text c="gray.7" data-testid="person-files">
              {t('files.empty')}
            </Text>
            <RestrictedFiles count={data.restrictedCount} />
          </>
        ) : (
          <>
            <RestrictedFiles count={data.restrictedCount} />
            <Text size="sm" fw={500} mb="xs" data-testid="prior-record-count">
              {t('files.count', { count: data.items.length })}
            </Text>
            <DataTable
              minWidth={900}
              striped
              highlightOnHover
              verticalSpacing="sm"
              aria-label={t('files.tableLabel')}
              data-testid="person-files"
              columns={[
                t('files.file'),
                t('files.institution'),
                t('files.role'),
                t('files.stage'),
                t('files.outcome'),
                t('files.opened'),
              ]}
              items={newestFirst(data.items)}
            >
              {(item) => (
                <Table.Tr key={item.case.id} data-testid="person-file" data-case-id={item.case.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${item.case.id}`} fw={500}>
                      {item.case.reference ? (
                        <span className="ltr-value">{item.case.reference}</span>
                      ) : (
                        pick(item.case.caseTypeLabels, language)
                      )}
                    </Anchor>
                    <Group gap={4} mt={2}>
                      <Text size="xs" c="gray.7">
                        {pick(item.case.caseTypeLabels, language)}
                      </Text>
                      {item.case.confidentiality !== 'normal' ? (
                        <ConfidentialityBadge level={item.case.confidentiality} />
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {language === 'en' ? item.institution.nameEn : item.institution.nameAr}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.parties.map((party) => (
                        <Text key={party.partyId} size="sm" fw={500}>
                          {party.roleLabels
                            ? pick(party.roleLabels, language)
                            : t(`roles.${party.role}`)}
                        </Text>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{pick(item.case.stateLabels, language)}</Text>
                    {item.case.intakeStatus !== 'accepted' ? (
                      <Text size="xs" c="gray.7">
                        {t(`files.${item.case.intakeStatus}`)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {item.case.isDisposed ? (
                      <>
                        <Badge
                          variant="light"
                          color="gray"
                          c="dark.7"
                          data-testid="person-file-outcome"
                        >
                          {t('files.disposed')}
                        </Badge>
                        {item.case.disposedAt ? (
                          <Text size="xs" c="gray.7" mt={2}>
                            {t('files.disposedOn', {
                              date: formatDate(item.case.disposedAt, language),
                            })}
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <Text size="sm" data-testid="person-file-outcome">
                        {t('files.open')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <LegalDate value={item.case.openedAt} />
                  </Table.Td>
                </Table.Tr>
              )}
            </DataTable>
          </>
        )
      }
    </QueryState>
  );
}

/** "N restricted files": the person's files the reader may not open, when the server tells. */
function RestrictedFiles({ count }: { count: number | null }) {
  const { t } = useTranslation(PERSONS);
  if (!count) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" my="xs" data-testid="prior-record-restricted">
      <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <div>
        <Text size="sm" fw={600}>
          {t('files.restricted', { count })}
        </Text>
        <Text size="xs" c="gray.7">
          {t('files.restrictedHint')}
        </Text>
      </div>
    </Group>
  );
}

/** The files, the most recently opened first. */
function newestFirst(items: readonly PersonCase[]): PersonCase[] {
  return [...items].sort((a, b) => b.case.openedAt.localeCompare(a.case.openedAt));
}
