/**
 * The merges a record took part in, as the record kept or as the duplicate (`GET
 * /persons/:id/merges`), for chief prosecutors: which record went into which, when, by whom, how
 * many parties moved, why, and whether it was reverted. Shown only when there is one.
 */
import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { LegalDate } from '../../components/LegalDate';
import { formatDate, formatNumber } from '../../format/format';
import { pick } from '../../i18n/i18n';
import type { PersonMerge } from './merge-types';
import { PERSONS } from './messages';

export function MergeHistory({ personId }: { personId: string }) {
  const { t } = useTranslation(PERSONS);
  const language = useLanguage();
  const merges = useQuery({
    queryKey: ['persons', personId, 'merges'],
    queryFn: () => api.get<{ items: PersonMerge[] }>(`/persons/${personId}/merges`),
  });
  const items = merges.data?.items ?? [];
  if (items.length === 0) return null;
  const record = (id: string, name: string) =>
    id === personId ? (
      <Text span size="sm">
        {name}
      </Text>
    ) : (
      <Anchor component={Link} to={`/persons/${id}`} size="sm">
        {name}
      </Anchor>
    );
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="person-merges-heading"
      data-testid="merge-history"
    >
      <Title order={2} size="h4" id="person-merges-heading" mb="sm">
        {t('history.title')}
      </Title>
      <DataTable
        minWidth={820}
        verticalSpacing="xs"
        caption={t('history.tableLabel')}
        captionHidden
        columns={[
          t('history.record'),
          t('history.into'),
          t('history.when'),
          t('history.by'),
          t('history.moved'),
          t('history.reason'),
          t('history.status'),
        ]}
        items={items}
      >
        {(merge) => (
          <Table.Tr key={merge.id} data-testid="merge-history-row" data-merge-id={merge.id}>
            <Table.Td lang="ar">{record(merge.duplicateId, merge.duplicateNameAr)}</Table.Td>
            <Table.Td lang="ar">{record(merge.survivorId, merge.survivorNameAr)}</Table.Td>
            <Table.Td>
              <LegalDate value={merge.mergedAt} />
            </Table.Td>
            <Table.Td>{merge.mergedByName ? pick(merge.mergedByName, language) : '—'}</Table.Td>
            <Table.Td>{formatNumber(merge.movedPartyCount, language)}</Table.Td>
            <Table.Td maw={280}>
              <Text size="sm" lineClamp={3}>
                {merge.reason}
              </Text>
            </Table.Td>
            <Table.Td miw={110}>
              {merge.revertedAt ? (
                <Text size="sm" c="gray.7">
                  {t('history.reverted', { date: formatDate(merge.revertedAt, language) })}
                </Text>
              ) : (
                <Text size="sm" fw={600} c="blue.9">
                  {t('history.active')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </DataTable>
    </Paper>
  );
}
