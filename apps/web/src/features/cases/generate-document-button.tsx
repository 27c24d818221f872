/**
 * "Generate a document" in the toolbar of the case page's documents section: the legal documents
 * the user may generate on this file (asked of the server by role), and what each one is about
 * (a hearing, a party, a detention) chosen from the page already loaded. The PDF is made and
 * stored on the server (POST /cases/:id/generated-documents); the documents list is then reloaded.
 */
import { Alert, Button, NativeSelect, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../format/format';
import { documentsQueryKey, type CaseDocument } from './documents-section';
import { GENERATE_DOCUMENT } from './generate-document-messages';
import {
  buildRequest,
  hearingsFor,
  openDetentions,
  type GeneratedTemplate,
  type TemplateField,
  type TemplateOffer,
} from './generate-document-options';
import { CASE_PAYLOAD } from './payload-messages';
import { partyName, partyRoleLabel } from './pickers';
import type { CasePage } from './types';

interface Generated {
  documentId: string;
  version: number;
  title: string;
  sha256: string;
}

export function GenerateDocumentButton({ page }: { page: CasePage }) {
  const { t } = useTranslation(GENERATE_DOCUMENT);
  const [opened, setOpened] = useState(false);
  const offers = useQuery({
    queryKey: ['case', page.id, 'generated-document-templates'],
    queryFn: () => api.get<TemplateOffer[]>(`/cases/${page.id}/generated-documents/templates`),
    staleTime: 5 * 60_000,
  });
  if (!offers.data || offers.data.length === 0) return null;
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconFileText size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        data-testid="generate-document"
      >
        {t('button')}
      </Button>
      {opened ? (
        <GenerateDocumentModal page={page} offers={offers.data} onClose={() => setOpened(false)} />
      ) : null}
    </>
  );
}

const EMPTY = {
  hearingId: '',
  partyId: '',
  detentionId: '',
  requestedDays: '',
  grounds: '',
  documentId: '',
};

function GenerateDocumentModal({
  page,
  offers,
  onClose,
}: {
  page: CasePage;
  offers: TemplateOffer[];
  onClose: () => void;
}) {
  const { t } = useTranslation([GENERATE_DOCUMENT, CASE_PAYLOAD]);
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [template, setTemplate] = useState<GeneratedTemplate | undefined>(offers[0]?.template);
  const [values, setValues] = useState(EMPTY);
  const [missing, setMissing] = useState<TemplateField | null>(null);
  const offer = offers.find((o) => o.template === template);
  // The same query as the documents section: an earlier document of the type may get a new version.
  const documents = useQuery({
    queryKey: documentsQueryKey(page.id),
    queryFn: () => api.get<{ items: CaseDocument[] }>(`/cases/${page.id}/documents`),
  });
  const generate = useMutation({
    mutationFn: (body: object) =>
      api.post<Generated>(`/cases/${page.id}/generated-documents`, body),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        message: t('created', { title: result.title, version: result.version }),
      });
      await queryClient.invalidateQueries({ queryKey: documentsQueryKey(page.id) });
      onClose();
    },
  });

  const set = (field: keyof typeof EMPTY) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field === missing) setMissing(null);
  };
  const choose = { value: '', label: t('choose'), disabled: true };
  const errorFor = (field: TemplateField) => (missing === field ? t('choose') : undefined);
  if (!offer) return null;
  const earlier = (documents.data?.items ?? []).filter(
    (d) => d.documentType === offer.documentType && d.disposedAt === null,
  );
  const hearings = hearingsFor(offer.template, page);
  const detentions = openDetentions(page);
  const parties = page.parties ?? [];
  const partyLabel = (partyId: string) => {
    const party = parties.find((p) => p.id === partyId);
    return party ? partyName(party, language) : '';
  };
  const hasChoices =
    (!offer.requires.includes('hearingId') || hearings.length > 0) &&
    (!offer.requires.includes('detentionId') || detentions.length > 0);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const request = buildRequest(offer, values);
    if ('missing' in request) {
      setMissing(request.missing);
      return;
    }
    generate.mutate(request.body);
  };

  return (
    <FormModal opened onClose={onClose} title={t('title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="generate-document-form">
        <Stack gap="md">
          <Text size="sm" c="gray.7">
            {t('intro')}
          </Text>
          <NativeSelect
            label={t('template')}
            value={offer.template}
            onChange={(e) => {
              setTemplate(e.currentTarget.value as GeneratedTemplate);
              setValues(EMPTY);
              setMissing(null);
              generate.reset();
            }}
            data={offers.map((o) => ({ value: o.template, label: t(`templates.${o.template}`) }))}
            data-testid="generate-template"
          />
          {offer.requires.includes('hearingId') && hearings.length > 0 ? (
            <NativeSelect
              label={t('hearing')}
              required
              value={values.hearingId}
              onChange={(e) => set('hearingId')(e.currentTarget.value)}
              error={errorFor('hearingId')}
              data={[
                choose,
                ...hearings.map((h) => ({
                  value: h.id,
                  label: `${formatDateTime(h.startsAt, language)} · ${h.room}`,
                })),
              ]}
              data-testid="generate-hearingId"
            />
          ) : null}
          {offer.requires.includes('partyId') ? (
            <NativeSelect
              label={t('party')}
              required
              value={values.partyId}
              onChange={(e) => set('partyId')(e.currentTarget.value)}
              error={errorFor('partyId')}
              data={[
                choose,
                ...parties.map((p) => ({
                  value: p.id,
                  label: `${partyName(p, language)} (${partyRoleLabel(p, language, (key) => t(key))})`,
                })),
              ]}
              data-testid="generate-partyId"
            />
          ) : null}
          {offer.requires.includes('detentionId') && detentions.length > 0 ? (
            <NativeSelect
              label={t('detention')}
              required
              value={values.detentionId}
              onChange={(e) => set('detentionId')(e.currentTarget.value)}
              error={errorFor('detentionId')}
              data={[
                choose,
                ...detentions.map((d) => ({
                  value: d.id,
                  label: `${partyLabel(d.partyId)} · ${formatDateTime(d.arrestedAt, language)}`,
                })),
              ]}
              data-testid="generate-detentionId"
            />
          ) : null}
          {offer.template === 'detention_extension_request' && detentions.length > 0 ? (
            <>
              <NumberInput
                label={t('requestedDays')}
                min={1}
                max={60}
                allowDecimal={false}
                value={values.requestedDays}
                onChange={(value) => set('requestedDays')(String(value))}
                data-testid="generate-requestedDays"
              />
              <Textarea
                label={t('grounds')}
                description={t('groundsHint')}
                autosize
                minRows={3}
                maxLength={4000}
                value={values.grounds}
                onChange={(e) => set('grounds')(e.currentTarget.value)}
                data-testid="generate-grounds"
              />
            </>
          ) : null}
          {earlier.length > 0 ? (
            <NativeSelect
              label={t('newVersionOf')}
              value={values.documentId}
              onChange={(e) => set('documentId')(e.currentTarget.value)}
              data={[
                { value: '', label: t('newDocument') },
                ...earlier.map((d) => ({ value: d.id, label: d.title })),
              ]}
              data-testid="generate-documentId"
            />
          ) : null}
          {!hasChoices ? (
            <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
              {t('nothingToChoose')}
            </Alert>
          ) : null}
          {generate.error ? <ErrorAlert error={generate.error} /> : null}
          <FormActions
            onCancel={onClose}
            submitLabel={t('submit')}
            loading={generate.isPending}
            disabled={!hasChoices}
            submitTestId="generate-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
