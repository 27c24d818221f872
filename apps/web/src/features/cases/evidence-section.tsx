/**
 * The evidence register of a file on the case page (issue 10): each seized item with its seizure,
 * where it is kept and who holds it, its chain of custody (every transfer, oldest first), its
 * digital files with their SHA-256, and its disposal or return. Verification re-hashes the stored
 * digital evidence and names any file that no longer matches.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTableHead } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatNumber } from '../../format/format';
import { CASE_DOCUMENTS } from './documents-messages';
import {
  DispositionModal,
  EvidenceFileModal,
  RegisterEvidenceModal,
  TransferModal,
  type EvidenceItem,
} from './evidence-forms';
import { Section } from './sections';
import type { CasePage } from './types';

interface Verification {
  checked: number;
  isIntact: boolean;
  items: { fileId: string; status: 'ok' | 'mismatch' | 'missing' }[];
}

type Dialog =
  { kind: 'register' } | { kind: 'transfer' | 'file' | 'disposition'; item: EvidenceItem } | null;

export const evidenceQueryKey = (caseId: string) => ['case', caseId, 'evidence'] as const;

const STATUS_COLOURS = { held: '#1b5e20', disposed: 'gray.7', returned: 'qadiya.8' } as const;

export function EvidenceSection({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const evidence = useQuery({
    queryKey: evidenceQueryKey(page.id),
    queryFn: () => api.get<{ items: EvidenceItem[] }>(`/cases/${page.id}/evidence`),
  });
  const verify = useMutation({
    mutationFn: () => api.post<Verification>(`/cases/${page.id}/evidence/verify`),
  });
  const problems = new Map(
    (verify.data?.items ?? []).filter((i) => i.status !== 'ok').map((i) => [i.fileId, i.status]),
  );
  const done = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: evidenceQueryKey(page.id) });
  };

  return (
    <Section id="section-evidence" title={t('evidence.title')} count={evidence.data?.items.length}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Button
            variant="light"
            onClick={() => setDialog({ kind: 'register' })}
            data-testid="evidence-register"
          >
            {t('evidence.register')}
          </Button>
          <Button
            variant="subtle"
            leftSection={<IconShieldCheck size={16} />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('evidence.verify')}
          </Button>
        </Group>
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        {verify.data ? (
          <Alert color={verify.data.isIntact ? 'green' : 'red'} role="status">
            {verify.data.isIntact
              ? t('evidence.intact', { count: verify.data.checked })
              : t('evidence.broken', { count: problems.size })}
          </Alert>
        ) : null}
        <QueryState query={evidence}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('evidence.none')}
              </Text>
            ) : (
              <Stack gap="sm">
                {data.items.map((item) => (
                  <EvidenceCard
                    key={item.id}
                    item={item}
                    problems={problems}
                    onDialog={(kind) => setDialog({ kind, item })}
                  />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
      {dialog?.kind === 'register' ? (
        <RegisterEvidenceModal caseId={page.id} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'transfer' ? (
        <TransferModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'file' ? (
        <EvidenceFileModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {dialog?.kind === 'disposition' ? (
        <DispositionModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </Section>
  );
}

function EvidenceCard({
  item,
  problems,
  onDialog,
}: {
  item: EvidenceItem;
  problems: Map<string, 'mismatch' | 'missing' | 'ok'>;
  onDialog: (kind: 'transfer' | 'file' | 'disposition') => void;
}) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const language = useLanguage();
  const custodyTitle = `custody-${item.id}`;
  return (
    <Paper withBorder p="sm" data-testid="evidence-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>
              {t('evidence.number')} {formatNumber(item.itemNumber, language)} — {item.item}
            </Text>
            <Badge variant="light" color="gray">
              {t(`evidence.kinds.${item.kind}`)}
            </Badge>
            <Badge color={STATUS_COLOURS[item.status]}>
              {t(`evidence.statuses.${item.status}`)}
            </Badge>
          </Group>
          {item.status === 'held' ? (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={() => onDialog('transfer')}>
                {t('evidence.transfer')}
              </Button>
              {item.kind === 'digital' ? (
                <Button size="compact-sm" variant="default" onClick={() => onDialog('file')}>
                  {t('evidence.addFile')}
                </Button>
              ) : null}
              <Button size="compact-sm" variant="default" onClick={() => onDialog('disposition')}>
                {t('evidence.dispose')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Text size="sm">{item.description}</Text>
        <Text size="sm" c="gray.7">
          {t('evidence.seizedBy')}: <bdi>{item.seizedBy}</bdi> ·{' '}
          <bdi>{formatDateTime(item.seizedAt, language)}</bdi> · <bdi>{item.seizedPlace}</bdi>
        </Text>
        <Text size="sm" c="gray.7">
          {t('evidence.storageLocation')}: <bdi>{item.storageLocation}</bdi> ·{' '}
          {t('evidence.holder')}: <bdi>{item.currentHolder}</bdi>
        </Text>
        {item.disposition ? (
          <Text size="sm" c="gray.7">
            {t('evidence.decision')}: <bdi>{item.disposition.decisionReference}</bdi>
            {item.disposition.returnedTo ? (
              <>
                {' · '}
                <bdi>{item.disposition.returnedTo}</bdi>
              </>
            ) : null}
          </Text>
        ) : null}
        {item.files.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('evidence.files')}
            </Text>
            {item.files.map((f) => (
              <Group key={f.id} gap="sm" wrap="wrap">
                <Anchor
                  size="sm"
                  href={`/api/v1/evidence-files/${f.id}/content`}
                  download={f.fileName}
                >
                  {f.fileName}
                </Anchor>
                <Text size="xs" ff="monospace" dir="ltr" c="gray.7" title={f.sha256}>
                  SHA-256 {f.sha256.slice(0, 16)}…
                </Text>
                {problems.has(f.id) ? (
                  <Badge color="red.9">
                    {t(`evidence.${problems.get(f.id) === 'missing' ? 'missing' : 'mismatch'}`)}
                  </Badge>
                ) : null}
              </Group>
            ))}
          </Stack>
        ) : null}
        <Text size="sm" fw={500} id={custodyTitle}>
          {t('evidence.custody')}
        </Text>
        <Table aria-labelledby={custodyTitle} verticalSpacing={4} fz="sm" striped>
          <DataTableHead
            columns={[
              t('evidence.when'),
              t('evidence.from'),
              t('evidence.to'),
              t('evidence.purpose'),
            ]}
          />
          <Table.Tbody>
            {item.custody.map((c) => (
              <Table.Tr key={c.seq}>
                <Table.Td>{formatDateTime(c.occurredAt, language)}</Table.Td>
                <Table.Td>{c.fromHolder ?? '—'}</Table.Td>
                <Table.Td>{c.toHolder}</Table.Td>
                <Table.Td>{c.purpose === 'seizure' ? t('evidence.seizure') : c.purpose}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
