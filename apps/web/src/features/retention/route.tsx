/**
 * Documents due for disposal (`/documents/retention`, issue 10), for chief prosecutors: the
 * documents of closed files whose retention period has passed, among the files they may open,
 * oldest closing first. Each row links to its file and offers the disposal, a recorded decision
 * (dispose-modal.tsx). The server decides who may list and dispose; anyone else is told so.
 */
import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LegalDate } from '../../components/LegalDate';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../format/format';
import { CASE_DOCUMENTS } from '../cases/documents-messages';
import { DisposeDocumentModal } from './dispose-modal';
import { RETENTION } from './messages';
import {
  disposalRefusalOf,
  RETENTION_DUE_KEY,
  type RetentionDueItem,
  type RetentionDueList,
} from './retention-due';

/** The server's most per request; a schedule rarely has more due at once. */
const LIMIT = 500;

export function Component() {
  const { t } = useTranslation([RETENTION, CASE_DOCUMENTS]);
  const language = useLanguage();
  const [disposing, setDisposing] = useState<RetentionDueItem | null>(null);
  const due = useQuery({
    queryKey: RETENTION_DUE_KEY,
    queryFn: () => api.get<RetentionDueList>('/documents/retention-due', { limit: LIMIT }),
  });
  const items = due.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" size="sm" maw={900}>
        {t('intro')}
      </Text>
      {due.isPending ? <PageLoader /> : null}
      {due.isError ? (
        disposalRefusalOf(due.error) === 'forbidden' ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('listForbidden')}
          </Alert>
        ) : (
          <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />
        )
      ) : null}
      {due.isSuccess && items.length === 0 ? (
        <EmptyState
          icon={IconArchive}
          title={t('empty.title')}
          body={t('empty.body')}
          testId="retention-empty"
        />
      ) : null}
      {items.length > 0 ? (
        <>
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="retention-count">
            {t('count', { count: formatNumber(items.length, language) })}
          </Text>
          <DataTable
            caption={t('caption')}
            captionHidden
            columns={[
              t('columns.file'),
              t('columns.title'),
              t('columns.type'),
              t('columns.closedAt'),
              t('columns.retentionDays'),
              t('columns.actions'),
            ]}
            items={items}
            minWidth={820}
            keyboardScroll
            data-testid="retention-table"
          >
            {(item) => (
              <Table.Tr
                key={item.documentId}
                data-testid="retention-row"
                data-document-id={item.documentId}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.caseId}`}>
                    <bdi>{item.caseReference ?? t('noReference')}</bdi>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <bdi>{item.title}</bdi>
                </Table.Td>
                <Table.Td>{t(`${CASE_DOCUMENTS}:types.${item.documentType}`)}</Table.Td>
                <Table.Td>
                  {item.fileClosedAt ? <LegalDate value={item.fileClosedAt} /> : '—'}
                </Table.Td>
                <Table.Td>{formatNumber(item.retentionDays, language)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => setDisposing(item)}
                    aria-label={t('dispose.actionLabel', { title: item.title })}
                    data-testid="retention-dispose"
                  >
                    {t('dispose.action')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            )}
          </DataTable>
        </>
      ) : null}
      {disposing ? (
        <DisposeDocumentModal item={disposing} onClose={() => setDisposing(null)} />
      ) : null}
    </Stack>
  );
}
