/**
 * The forms of the evidence register: entering a seized item, a custody transfer, a digital file
 * with the hash recorded at seizure, and disposal or return on a decision. Each one sends one
 * request; the server checks the rules (a transfer from the current holder, in order; a file that
 * matches its recorded hash) and the form shows its answer.
 */
import { NativeSelect, Radio, Stack, Group, Textarea, TextInput, FileInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { fromLocalInputValue, toLocalInputValue } from '../../format/format';
import { CASE_DOCUMENTS } from './documents-messages';
import { UploadProblem, useUpload } from './documents-upload';

export interface EvidenceItem {
  id: string;
  caseId: string;
  itemNumber: number;
  kind: 'physical' | 'digital';
  item: string;
  description: string;
  seizedBy: string;
  seizedAt: string;
  seizedPlace: string;
  storageLocation: string;
  currentHolder: string;
  status: 'held' | 'disposed' | 'returned';
  disposition: {
    at: string | null;
    decisionReference: string | null;
    note: string | null;
    returnedTo: string | null;
  } | null;
  files: {
    id: string;
    sha256: string;
    sizeBytes: number;
    contentType: string;
    fileName: string;
    addedAt: string;
  }[];
  custody: {
    seq: number;
    fromHolder: string | null;
    toHolder: string;
    occurredAt: string;
    purpose: string;
    recordedBy: string;
    recordedAt: string;
  }[];
}

interface FormProps {
  onClose: () => void;
  onDone: () => void;
}

function useSend<B>(path: string, onDone: () => void) {
  return useMutation({
    mutationFn: (body: B) => api.post<EvidenceItem>(path, body),
    onSuccess: onDone,
  });
}

export function RegisterEvidenceModal({ caseId, onClose, onDone }: FormProps & { caseId: string }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [kind, setKind] = useState<'physical' | 'digital'>('physical');
  const [values, setValues] = useState({
    item: '',
    description: '',
    seizedBy: '',
    seizedAt: toLocalInputValue(new Date()),
    seizedPlace: '',
    storageLocation: '',
  });
  const send = useSend<object>(`/cases/${caseId}/evidence`, onDone);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setValues({ ...values, [name]: e.currentTarget.value }),
    required: true,
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    send.mutate({
      ...values,
      kind,
      seizedAt: fromLocalInputValue(values.seizedAt) ?? values.seizedAt,
    });
  }

  return (
    <FormModal opened onClose={onClose} title={t('evidenceForm.registerTitle')} size="lg">
      <form onSubmit={submit} data-testid="evidence-register-form">
        <Stack gap="sm">
          {send.isError ? <ErrorAlert error={send.error} /> : null}
          <NativeSelect
            label={t('evidence.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'physical' | 'digital')}
            data={(['physical', 'digital'] as const).map((k) => ({
              value: k,
              label: t(`evidence.kinds.${k}`),
            }))}
          />
          <TextInput label={t('evidence.item')} maxLength={200} {...field('item')} />
          <Textarea
            label={t('evidence.description')}
            maxLength={4000}
            autosize
            minRows={2}
            {...field('description')}
          />
          <TextInput label={t('evidence.seizedBy')} maxLength={200} {...field('seizedBy')} />
          <TextInput type="datetime-local" label={t('evidence.seizedAt')} {...field('seizedAt')} />
          <TextInput label={t('evidence.seizedPlace')} maxLength={300} {...field('seizedPlace')} />
          <TextInput
            label={t('evidence.storageLocation')}
            maxLength={300}
            {...field('storageLocation')}
          />
          <FormActions onCancel={onClose} loading={send.isPending} />
        </Stack>
      </form>
    </FormModal>
  );
}

export function TransferModal({ item, onClose, onDone }: FormProps & { item: EvidenceItem }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [toHolder, setToHolder] = useState('');
  const [occurredAt, setOccurredAt] = useState(toLocalInputValue(new Date()));
  const [purpose, setPurpose] = useState('');
  const [storageLocation, setStorageLocation] = useState('');
  const send = useSend<object>(`/evidence/${item.id}/custody`, onDone);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    send.mutate({
      fromHolder: item.currentHolder,
      toHolder,
      occurredAt: fromLocalInputValue(occurredAt) ?? occurredAt,
      purpose,
      ...(storageLocation.trim() ? { storageLocation } : {}),
    });
  }

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('evidenceForm.transferTitle', { number: item.itemNumber })}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {send.isError ? <ErrorAlert error={send.error} /> : null}
          <TextInput label={t('evidence.from')} value={item.currentHolder} readOnly />
          <TextInput
            label={t('evidenceForm.toHolder')}
            value={toHolder}
            onChange={(e) => setToHolder(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <TextInput
            type="datetime-local"
            label={t('evidenceForm.occurredAt')}
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('evidenceForm.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            required
            maxLength={500}
          />
          <TextInput
            label={t('evidenceForm.newLocation')}
            value={storageLocation}
            onChange={(e) => setStorageLocation(e.currentTarget.value)}
            maxLength={300}
          />
          <FormActions onCancel={onClose} loading={send.isPending} />
        </Stack>
      </form>
    </FormModal>
  );
}

export function EvidenceFileModal({ item, onClose, onDone }: FormProps & { item: EvidenceItem }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [file, setFile] = useState<File | null>(null);
  const [declared, setDeclared] = useState('');
  const upload = useUpload(onDone);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    if (declared.trim()) form.append('declaredSha256', declared.trim());
    form.append('file', file, file.name);
    void upload.send(`/evidence/${item.id}/files`, form);
  }

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('evidenceForm.fileTitle', { number: item.itemNumber })}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <UploadProblem error={upload.error} />
          <FileInput label={t('form.file')} value={file} onChange={setFile} required clearable />
          <TextInput
            label={t('evidenceForm.declaredSha256')}
            value={declared}
            onChange={(e) => setDeclared(e.currentTarget.value)}
            dir="ltr"
            ff="monospace"
            pattern="[0-9a-fA-F]{64}"
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('form.submit')}
            loading={upload.pending}
            disabled={!file}
          />
        </Stack>
      </form>
    </FormModal>
  );
}

export function DispositionModal({ item, onClose, onDone }: FormProps & { item: EvidenceItem }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [disposition, setDisposition] = useState<'disposed' | 'returned'>('returned');
  const [decisionReference, setDecisionReference] = useState('');
  const [returnedTo, setReturnedTo] = useState('');
  const [note, setNote] = useState('');
  const send = useSend<object>(`/evidence/${item.id}/disposition`, onDone);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    send.mutate({
      disposition,
      decisionReference,
      ...(disposition === 'returned' ? { returnedTo } : {}),
      ...(note.trim() ? { note } : {}),
    });
  }

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('evidenceForm.dispositionTitle', { number: item.itemNumber })}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {send.isError ? <ErrorAlert error={send.error} /> : null}
          <Radio.Group
            label={t('evidenceForm.disposition')}
            value={disposition}
            onChange={(value) => setDisposition(value)}
          >
            <Group gap="md" mt={4}>
              <Radio value="returned" label={t('evidenceForm.returned')} />
              <Radio value="disposed" label={t('evidenceForm.disposed')} />
            </Group>
          </Radio.Group>
          <TextInput
            label={t('evidenceForm.decisionReference')}
            value={decisionReference}
            onChange={(e) => setDecisionReference(e.currentTarget.value)}
            required
            maxLength={200}
          />
          {disposition === 'returned' ? (
            <TextInput
              label={t('evidenceForm.returnedTo')}
              value={returnedTo}
              onChange={(e) => setReturnedTo(e.currentTarget.value)}
              required
              maxLength={200}
            />
          ) : null}
          <Textarea
            label={t('evidenceForm.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            autosize
          />
          <FormActions onCancel={onClose} loading={send.isPending} />
        </Stack>
      </form>
    </FormModal>
  );
}
