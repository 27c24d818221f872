/**
 * The documents of a file on the case page (issue 10): each document with its type, date, author
 * and every version (the newest first), a preview that opens PDFs and images in the browser, a
 * download, a new version, and an integrity check that re-hashes the stored versions. Sealed
 * documents the reader may not open are only counted; the file's sealers may seal an open one
 * (documents-seal.ts). A disposed document keeps its metadata and hashes, never a download.
 * Other features add buttons through `actions` (generated documents) and refresh the list through
 * `documentsQueryKey`.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconEye, IconDownload, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentType } from '@qadiya/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime, formatNumber } from '../../format/format';
import { CASE_DOCUMENTS } from './documents-messages';
import { isSealable } from './documents-seal';
import { SealDocumentModal } from './documents-seal-modal';
import { NewVersionModal, UploadDocumentModal } from './documents-upload';
import { Section } from './sections';
import type { CasePage } from './types';

export interface DocumentVersion {
  id: string;
  version: number;
  sha256: string;
  sizeBytes: number;
  contentType: string;
  fileName: string;
  origin: 'upload' | 'generated';
  template: string | null;
  createdAt: string;
  isDisposed: boolean;
  isPreviewable: boolean;
}

export interface CaseDocument {
  id: string;
  caseId: string;
  documentType: DocumentType;
  title: string;
  documentDate: string | null;
  author: string | null;
  language: 'ar' | 'en' | 'fr' | 'other';
  isSealed: boolean;
  createdAt: string;
  disposedAt: string | null;
  versions: DocumentVersion[];
}

interface DocumentList {
  items: CaseDocument[];
  withheldSealed: number;
  /** Whether the reader may seal these documents: the server's rule, not guessed here. */
  maySeal: boolean;
}

interface Verification {
  checked: number;
  isIntact: boolean;
  items: { documentId: string; version: number; status: 'ok' | 'mismatch' | 'missing' }[];
}

export const documentsQueryKey = (caseId: string) => ['case', caseId, 'documents'] as const;

export const contentUrl = (documentId: string, version: number, inline: boolean) =>
  `/api/v1/documents/${documentId}/versions/${version}/content${inline ? '?disposition=inline' : ''}`;

export function DocumentsSection({ page, actions }: { page: CasePage; actions?: ReactNode }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [versionOf, setVersionOf] = useState<CaseDocument | null>(null);
  const [sealing, setSealing] = useState<CaseDocument | null>(null);
  const documents = useQuery({
    queryKey: documentsQueryKey(page.id),
    queryFn: () => api.get<DocumentList>(`/cases/${page.id}/documents`),
  });
  const verify = useMutation({
    mutationFn: () => api.post<Verification>(`/cases/${page.id}/documents/verify`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsQueryKey(page.id) });

  return (
    <Section
      id="section-documents"
      title={t('documents.title')}
      count={documents.data?.items.length}
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Button variant="light" onClick={() => setUploading(true)} data-testid="document-upload">
            {t('documents.upload')}
          </Button>
          {actions}
          <Button
            variant="subtle"
            leftSection={<IconShieldCheck size={16} />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('documents.verify')}
          </Button>
        </Group>
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        {verify.data ? (
          <Alert color={verify.data.isIntact ? 'green' : 'red'} role="status">
            {verify.data.isIntact
              ? t('documents.intact', { count: verify.data.checked })
              : t('documents.broken', {
                  count: verify.data.items.filter((i) => i.status !== 'ok').length,
                })}
          </Alert>
        ) : null}
        <QueryState query={documents}>
          {(data) => (
            <DocumentCards
              data={data}
              onNewVersion={(doc) => setVersionOf(doc)}
              onSeal={data.maySeal ? (doc) => setSealing(doc) : null}
            />
          )}
        </QueryState>
      </Stack>
      {uploading ? (
        <UploadDocumentModal
          caseId={page.id}
          onClose={() => setUploading(false)}
          onDone={() => {
            setUploading(false);
            void refresh();
          }}
        />
      ) : null}
      {versionOf ? (
        <NewVersionModal
          documentId={versionOf.id}
          title={versionOf.title}
          onClose={() => setVersionOf(null)}
          onDone={() => {
            setVersionOf(null);
            void refresh();
          }}
        />
      ) : null}
      {sealing ? (
        <SealDocumentModal
          document={sealing}
          onClose={() => setSealing(null)}
          onDone={() => {
            setSealing(null);
            void refresh();
          }}
        />
      ) : null}
    </Section>
  );
}

function DocumentCards({
  data,
  onNewVersion,
  onSeal,
}: {
  data: DocumentList;
  onNewVersion: (doc: CaseDocument) => void;
  /** Null when the user may not seal documents of this file. */
  onSeal: ((doc: CaseDocument) => void) | null;
}) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const language = useLanguage();
  return (
    <Stack gap="sm">
      {data.items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('documents.none')}
        </Text>
      ) : null}
      {data.items.map((doc) => (
        <Paper key={doc.id} withBorder p="sm" data-testid="document-card" data-document-id={doc.id}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} data-testid="document-title">
                  <bdi>{doc.title}</bdi>
                </Text>
                <Badge variant="light" color="gray">
                  {t(`types.${doc.documentType}`)}
                </Badge>
                {doc.isSealed ? (
                  <Badge
                    color="red.9"
                    leftSection={<IconLock size={12} aria-hidden />}
                    data-testid="document-sealed"
                  >
                    {t('documents.sealed')}
                  </Badge>
                ) : null}
                {doc.disposedAt ? (
                  <Badge color="gray.7" data-testid="document-disposed">
                    {t('documents.disposedBadge')}
                  </Badge>
                ) : null}
              </Group>
              <Group gap="xs">
                {onSeal && isSealable(doc) ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconLock size={14} aria-hidden />}
                    onClick={() => onSeal(doc)}
                    aria-label={t('seal.actionLabel', { title: doc.title })}
                    data-testid="document-seal"
                  >
                    {t('seal.action')}
                  </Button>
                ) : null}
                {doc.disposedAt === null ? (
                  <Button size="compact-sm" variant="default" onClick={() => onNewVersion(doc)}>
                    {t('documents.newVersion')}
                  </Button>
                ) : null}
              </Group>
            </Group>
            <Text size="sm" c="gray.7">
              {[
                doc.documentDate ? formatDate(doc.documentDate, language) : null,
                doc.author,
                t(`languages.${doc.language}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {doc.disposedAt ? (
              <Text size="sm" c="gray.7">
                {t('documents.disposed')} ({formatDate(doc.disposedAt, language)})
              </Text>
            ) : null}
            <Stack gap={4} aria-label={t('documents.versions')} component="ul" m={0} p={0}>
              {doc.versions.map((v) => (
                <VersionRow key={v.id} documentId={doc.id} version={v} />
              ))}
            </Stack>
          </Stack>
        </Paper>
      ))}
      {data.withheldSealed > 0 ? (
        <Text size="sm" c="gray.7" data-testid="documents-withheld">
          {t('documents.withheldSealed', { count: data.withheldSealed })}
        </Text>
      ) : null}
    </Stack>
  );
}

function VersionRow({ documentId, version: v }: { documentId: string; version: DocumentVersion }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const language = useLanguage();
  return (
    <Group
      component="li"
      gap="sm"
      wrap="wrap"
      style={{ listStyle: 'none' }}
      data-testid="document-version"
    >
      <Text size="sm" fw={500}>
        {t('documents.version', { number: formatNumber(v.version, language) })}
      </Text>
      <Text size="sm" c="gray.7">
        {formatDateTime(v.createdAt, language)} ·{' '}
        {t('documents.size', {
          size: formatNumber(Math.max(1, Math.round(v.sizeBytes / 1024)), language),
        })}
      </Text>
      {v.origin === 'generated' ? (
        <Badge size="sm" variant="outline">
          {t('documents.generated')}
        </Badge>
      ) : null}
      <Text
        size="xs"
        c="gray.7"
        ff="monospace"
        dir="ltr"
        title={`${t('documents.sha256')}: ${v.sha256}`}
      >
        {v.sha256.slice(0, 12)}…
      </Text>
      {v.isDisposed ? null : (
        <Group gap="xs">
          {v.isPreviewable ? (
            <Anchor
              size="sm"
              href={contentUrl(documentId, v.version, true)}
              target="_blank"
              rel="noopener"
              data-testid="document-preview"
            >
              <Group gap={4} component="span">
                <IconEye size={14} aria-hidden />
                {t('documents.preview')}
              </Group>
            </Anchor>
          ) : null}
          <Anchor
            size="sm"
            href={contentUrl(documentId, v.version, false)}
            download={v.fileName}
            data-testid="document-download"
          >
            <Group gap={4} component="span">
              <IconDownload size={14} aria-hidden />
              {t('documents.download')}
            </Group>
          </Anchor>
        </Group>
      )}
    </Group>
  );
}
