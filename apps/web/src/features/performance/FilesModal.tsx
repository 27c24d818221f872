/**
 * The files behind one figure (drill-down): `GET /statistics/performance/files`, which lists only
 * the files the reader may open (filtered on the server by the access policy) and says how many
 * others the figure counts. Each file links to its page.
 */
import { Anchor, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatNumber } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { apiQuery, type PerformanceFilters } from './figures';
import type { DrillRequest } from './MeasureCard';
import { PERFORMANCE } from './messages';
import type { FilesAnswer } from './types';

export function FilesModal({
  request,
  filters,
  onClose,
}: {
  request: DrillRequest | null;
  filters: PerformanceFilters;
  onClose: () => void;
}) {
  const { t } = useTranslation(PERFORMANCE);
  const language = useLanguage();
  const files = useQuery({
    queryKey: ['statistics', 'performance', 'files', filters, request],
    queryFn: () =>
      api.get<FilesAnswer>('/statistics/performance/files', {
        ...apiQuery(filters),
        figure: request?.figure,
        category: request?.category ?? undefined,
        limit: 100,
      }),
    enabled: request !== null,
  });
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      size="xl"
      title={request ? t('files.title', { figure: request.label }) : ''}
    >
      <QueryState query={files}>
        {(answer) => (
          <Stack gap="sm" data-testid="performance-files">
            <DataTable
              caption={request?.label ?? ''}
              captionHidden
              columns={[t('files.reference'), t('files.type'), t('files.state'), t('files.opened')]}
              items={answer.items}
              minWidth={560}
              empty={t('files.empty')}
            >
              {(file) => (
                <Table.Tr key={file.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${file.id}`}>
                      {file.reference ?? '—'}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{pick(file.caseTypeLabels, language)}</Table.Td>
                  <Table.Td>{pick(file.stateLabels, language)}</Table.Td>
                  <Table.Td>{formatDate(file.openedAt, language)}</Table.Td>
                </Table.Tr>
              )}
            </DataTable>
            {answer.hiddenCount > 0 ? (
              <Text size="sm" c="gray.7" data-testid="performance-files-hidden">
                {t('files.hidden', { n: formatNumber(answer.hiddenCount, language) })}
              </Text>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
