/**
 * Uploading to the documents and evidence sections: the forms, and the one multipart request
 * they send. Fields go before the file, as the server reads them while the file still streams.
 * An upload the server refuses (empty, too large, a type not accepted, content unlike its type)
 * is said in the user's words, and the form keeps what was chosen.
 */
import { Alert, Checkbox, FileInput, NativeSelect, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LANGUAGES as LANGUAGES, DOCUMENT_TYPES, type DocumentType } from '@qadiya/domain';
import { ApiError, NetworkError, type ApiErrorBody } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { CASE_DOCUMENTS } from './documents-messages';

/** Sends a multipart form to the API (JSON answer, the API's error shape on failure). */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error =
      parsed && typeof parsed === 'object' && 'error' in parsed
        ? (parsed as { error: ApiErrorBody }).error
        : { code: 'UNKNOWN', message: response.statusText, details: {} };
    throw new ApiError(response.status, error);
  }
  return parsed as T;
}

const UPLOAD_CODES = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TYPE_MISMATCH',
  'HASH_MISMATCH',
  'BLOB_MISSING',
] as const;

/** A refused upload in words; anything else the way every screen shows errors. */
export function UploadProblem({ error }: { error: unknown }) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  const known = UPLOAD_CODES.find((c) => c === code);
  if (known) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {t(`errors.${known}`)}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Sends a form, tracking the pending state and the error. */
export function useUpload(onDone: () => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function send(path: string, form: FormData) {
    setPending(true);
    setError(null);
    try {
      await postForm<unknown>(path, form);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }
  return { pending, error, send };
}

export function UploadDocumentModal({
  caseId,
  onClose,
  onDone,
}: {
  caseId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [file, setFile] = useState<File | null>(null);
  const [documentType, setDocumentType] = useState<DocumentType>('police_report');
  const [title, setTitle] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [author, setAuthor] = useState('');
  const [language, setLanguage] = useState<(typeof LANGUAGES)[number]>('ar');
  const [sealed, setSealed] = useState(false);
  const upload = useUpload(onDone);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('documentType', documentType);
    form.append('title', title);
    form.append('language', language);
    if (documentDate) form.append('documentDate', documentDate);
    if (author.trim()) form.append('author', author);
    form.append('sealed', String(sealed));
    form.append('file', file, file.name);
    void upload.send(`/cases/${caseId}/documents`, form);
  }

  return (
    <FormModal opened onClose={onClose} title={t('form.uploadTitle')} size="lg">
      <form onSubmit={submit} data-testid="document-upload-form">
        <Stack gap="sm">
          <UploadProblem error={upload.error} />
          <FileInput
            label={t('form.file')}
            description={t('form.fileHint')}
            value={file}
            onChange={setFile}
            required
            clearable
            leftSection={<IconUpload size={16} />}
            accept="application/pdf,image/*,.doc,.docx,.xls,.xlsx,.odt,.ods,.rtf"
            data-testid="document-file"
          />
          <NativeSelect
            label={t('form.documentType')}
            value={documentType}
            onChange={(e) => setDocumentType(e.currentTarget.value as DocumentType)}
            data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
            data-testid="document-type"
          />
          <TextInput
            label={t('form.docTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={300}
            data-testid="document-title"
          />
          <TextInput
            type="date"
            label={t('form.documentDate')}
            value={documentDate}
            onChange={(e) => setDocumentDate(e.currentTarget.value)}
          />
          <TextInput
            label={t('form.author')}
            value={author}
            onChange={(e) => setAuthor(e.currentTarget.value)}
            maxLength={200}
          />
          <NativeSelect
            label={t('form.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as (typeof LANGUAGES)[number])}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
          <Checkbox
            label={t('form.sealed')}
            checked={sealed}
            onChange={(e) => setSealed(e.currentTarget.checked)}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={upload.pending ? t('form.uploading') : t('form.submit')}
            loading={upload.pending}
            disabled={!file || title.trim() === ''}
            submitTestId="document-upload-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}

export function NewVersionModal({
  documentId,
  title,
  onClose,
  onDone,
}: {
  documentId: string;
  title: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(CASE_DOCUMENTS);
  const [file, setFile] = useState<File | null>(null);
  const upload = useUpload(onDone);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    void upload.send(`/documents/${documentId}/versions`, form);
  }

  return (
    <FormModal opened onClose={onClose} title={t('form.versionTitle', { title })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <UploadProblem error={upload.error} />
          <FileInput
            label={t('form.file')}
            description={t('form.fileHint')}
            value={file}
            onChange={setFile}
            required
            clearable
            leftSection={<IconUpload size={16} />}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={upload.pending ? t('form.uploading') : t('form.submit')}
            loading={upload.pending}
            disabled={!file}
          />
        </Stack>
      </form>
    </FormModal>
  );
}
