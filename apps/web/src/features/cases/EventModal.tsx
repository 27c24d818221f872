/**
 * The modal of one event: a form generated from the event's payload schema, with pickers for the
 * references. Checks the schema's constraints before sending; maps the server's 400 onto fields;
 * shows a broken rule (409 with the rule's code) in the user's language; on a stale version offers
 * to reload the file while keeping everything typed (the new version is used when sending again).
 * What is typed is also kept in sessionStorage until the event is recorded. An event that ends
 * the user's own part in the file (a mediator recording a failed mediation) is recorded like any
 * other, but the file is not shown again: the user is told, and `onAccessEnded` takes them away.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { FormActions, FormModal } from '../../components/FormModal';
import { SchemaForm, type SchemaFormText } from '../../components/forms/SchemaForm';
import {
  emptyValues,
  fieldsOf,
  mergeValues,
  toPayload,
  type FieldSpec,
  type FormValues,
} from '../../components/forms/schema-fields';
import { serverProblems, validateValues, type Problems } from '../../components/forms/validate';
import { pick } from '../../i18n/i18n';
import { clearDraft, draftKey, loadDraft, saveDraft, sessionStore } from './drafts';
import { SubmissionProblems, useEventSubmission } from './event-submission';
import { CASES } from './messages';
import { CASE_PAYLOAD } from './payload-messages';
import { RefPicker } from './pickers';
import type { AccessEnded, CasePage, EventOption } from './types';

/** Sensible starting values: a judgment gets one row per charge before the court. */
export function initialValues(fields: readonly FieldSpec[], page: CasePage): FormValues {
  const values = emptyValues(fields);
  const judgments = fields.find((f) => f.name === 'judgments' && f.kind === 'objectList');
  if (judgments) {
    const indicted = page.charges.filter((c) => c.disposition === 'indicted');
    if (indicted.length > 0) {
      values.judgments = indicted.map((c) => ({
        ...emptyValues(judgments.itemFields ?? []),
        chargeId: c.id,
      }));
    }
  }
  return values;
}

export function EventModal({
  page,
  event,
  onClose,
  onReload,
  onDone,
  onAccessEnded,
}: {
  page: CasePage;
  event: EventOption;
  onClose: () => void;
  /** Refetch the file; resolves when the new version is in `page`. */
  onReload: () => Promise<unknown>;
  onDone: (page: CasePage) => void;
  /** The event was recorded, and the user may no longer open the file. */
  onAccessEnded: (header: AccessEnded) => void;
}) {
  const { t } = useTranslation([CASES, CASE_PAYLOAD, 'common']);
  const language = useLanguage();
  const fields = useMemo(() => fieldsOf(event.payloadSchema), [event.payloadSchema]);
  const key = draftKey(page.id, event.name);
  const [restored] = useState(() => loadDraft(sessionStore(), key));
  const [values, setValues] = useState<FormValues>(() =>
    restored ? mergeValues(fields, restored) : initialValues(fields, page),
  );
  const [problems, setProblems] = useState<Problems>({});
  const [showRestored, setShowRestored] = useState(restored !== null);
  const title = pick(event.labels, language);
  const submission = useEventSubmission({
    page,
    eventName: event.name,
    title,
    onReload,
    onDone,
    onAccessEnded,
  });

  function change(next: FormValues) {
    setValues(next);
    saveDraft(sessionStore(), key, next);
    if (Object.keys(problems).length > 0) setProblems(validateValues(fields, next));
  }

  function discardDraft() {
    clearDraft(sessionStore(), key);
    setValues(initialValues(fields, page));
    setProblems({});
    setShowRestored(false);
  }

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    const found = validateValues(fields, values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await submission.send(toPayload(fields, values), {
      onRecorded: () => clearDraft(sessionStore(), key),
      onInvalid: (error) => {
        const mapped = serverProblems(error.fieldProblemTexts, fields);
        setProblems(mapped);
        // Problems the fields cannot show (or none at all) are shown as the error itself.
        return Object.keys(mapped).length > 0 && !mapped[''];
      },
    });
  }

  const text: SchemaFormText = {
    label: (field) => t(`${CASE_PAYLOAD}:fields.${field.name}`, { defaultValue: field.name }),
    option: (field, value) =>
      t(`${CASE_PAYLOAD}:values.${field.name}.${value}`, { defaultValue: value }),
    optional: t('form.optional'),
    choose: t('form.choose'),
    addRow: t('form.addRow'),
    removeRow: (index) => t('form.removeRow', { index }),
    row: (index) => t('form.row', { index }),
  };

  return (
    <FormModal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(e) => void submit(e)} data-testid="event-form" noValidate>
        <Stack gap="md">
          {showRestored ? (
            <Alert color="blue" variant="light">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">{t('form.draftRestored')}</Text>
                <Button size="compact-xs" variant="subtle" onClick={discardDraft}>
                  {t('form.discardDraft')}
                </Button>
              </Group>
            </Alert>
          ) : null}
          {fields.length === 0 ? <Text size="sm">{t('form.noFields')}</Text> : null}
          <SchemaForm
            fields={fields}
            values={values}
            onChange={change}
            problems={problems}
            text={text}
            renderRef={(props) => <RefPicker key={props.path} page={page} {...props} />}
          />
          {problems[''] ? (
            <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {problems['']?.text}
            </Alert>
          ) : null}
          <SubmissionProblems submission={submission} />
          <FormActions
            onCancel={onClose}
            submitLabel={t('form.submit')}
            loading={submission.busy}
            gap="sm"
            submitTestId="event-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
