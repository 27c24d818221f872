/**
 * The person page: a person of the national registry (`GET /persons/:id`) and their prior record,
 * the files in which they are a party across institutions (`GET /persons/:id/cases`), newest
 * first, with the institution, their role, the stage and the outcome of each. The server lists
 * only the files the reader may open; the others are not shown, nor counted.
 */
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Labels } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { ConfidentialityBadge } from '../../components/ConfidentialityBadge';
import { DataTable } from '../../components/DataTable';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { personName, type CaseHeader, type PartyRole, type Person } from '../../api/intake';
import { PERSONS } from './messages';

interface PersonCase {
  case: CaseHeader;
  institution: { id: string; code: string; nameAr: string; nameEn: string };
  parties: { partyId: string; role: PartyRole; roleLabels: Labels | null }[];
}

export function Component() {
  const { personId = '' } = useParams();
  const { t } = useTranslation(PERSONS);
  const person = useQuery({
    queryKey: ['persons', personId],
    queryFn: () => api.get<Person>(`/persons/${personId}`),
  });
  return (
    <QueryState query={person}>
      {(data) => (
        <Stack gap="lg">
          <PersonHeader person={data} />
          <PersonDetails person={data} />
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
        </Stack>
      )}
    </QueryState>
  );
}

function PersonHeader({ person }: { person: Person }) {
  const language = useLanguage();
  return <PageTitle>{personName(person, language)}</PageTitle>;
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
  const unknown = (
    <Text span c="gray.7" fw={400}>
      {t('unknown')}
    </Text>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-details-heading">
      <Title order={2} size="h4" id="person-details-heading" mb="sm">
        {t('details')}
      </Title>
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
    queryFn: () => api.get<{ items: PersonCase[]; total: number }>(`/persons/${personId}/cases`),
  });
  return (
    <QueryState query={files}>
      {(data) =>
        data.items.length === 0 ? (
          <Text c="gray.7" data-testid="person-files">
            {t('files.empty')}
          </Text>
        ) : (
          <>
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

/** The files, the most recently opened first. */
function newestFirst(items: readonly PersonCase[]): PersonCase[] {
  return [...items].sort((a, b) => b.case.openedAt.localeCompare(a.case.openedAt));
}
