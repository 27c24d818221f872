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
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
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
import { CASES } from './messages';
import { CASE_PAYLOAD } from './payload-messages';
import { RefPicker } from './pickers';
import type { AccessEnded, CasePage, EventAnswer, EventOption } from './types';

function isAccessEnded(answer: EventAnswer): answer is AccessEnded {
  return 'accessEnded' in answer && answer.accessEnded;
}

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

type Failure =
  | { kind: 'stale' }
  | { kind: 'rule'; message: string; code: string }
  | { kind: 'other'; error: unknown };

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
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const title = pick(event.labels, language);

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

  async function reload() {
    setReloading(true);
    try {
      await onReload();
      setFailure(null);
      setReloaded(true);
    } catch (error) {
      setFailure({ kind: 'other', error });
    } finally {
      setReloading(false);
    }
  }

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    const found = validateValues(fields, values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    setReloaded(false);
    try {
      const next = await api.post<EventAnswer>(`/cases/${page.id}/events`, {
        event: event.name,
        version: page.version,
        payload: toPayload(fields, values),
      });
      clearDraft(sessionStore(), key);
      if (isAccessEnded(next)) {
        // Said at length and kept on screen longer: the file disappears from under the user.
        notifications.show({
          color: 'blue',
          title: t('form.accessEndedTitle'),
          message: t('form.accessEnded', { event: title }),
          autoClose: 10_000,
          'data-testid': 'event-access-ended',
        });
        onAccessEnded(next);
        return;
      }
      notifications.show({
        color: 'green',
        message: t('form.done', { event: title }),
      });
      onDone(next);
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        setFailure({ kind: 'stale' });
      } else if (error instanceof ApiError && error.status === 400) {
        const mapped = serverProblems(error.fieldProblems, fields);
        setProblems(mapped);
        setFailure(mapped[''] ? { kind: 'other', error } : null);
        if (Object.keys(mapped).length === 0) setFailure({ kind: 'other', error });
      } else if (
        error instanceof ApiError &&
        error.status === 409 &&
        typeof error.details.rule === 'string'
      ) {
        const ar = error.details.messageAr;
        setFailure({
          kind: 'rule',
          code: error.code,
          message: language === 'ar' && typeof ar === 'string' ? ar : error.message,
        });
      } else {
        setFailure({ kind: 'other', error });
      }
    } finally {
      setBusy(false);
    }
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
          {failure?.kind === 'stale' ? (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              data-testid="event-stale"
            >
              <Stack gap="xs">
                <Text size="sm">{t('common:errors.stale')}</Text>
                <Button
                  size="xs"
                  variant="white"
                  color="orange"
                  w="fit-content"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  loading={reloading}
                  onClick={() => void reload()}
                  data-testid="event-reload"
                >
                  {t('common:reload')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          {reloaded ? (
            <Alert color="blue" variant="light" role="status">
              {t('form.staleReloaded')}
            </Alert>
          ) : null}
          {failure?.kind === 'rule' ? (
            <Alert
              color="red"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              data-testid="event-rule"
            >
              <Text size="sm">{t('form.ruleViolation', { message: failure.message })}</Text>
              <Text size="xs" c="gray.7" dir="ltr" ta="start">
                {failure.code}
              </Text>
            </Alert>
          ) : null}
          {failure?.kind === 'other' ? <ErrorAlert error={failure.error} /> : null}
          <FormActions
            onCancel={onClose}
            submitLabel={t('form.submit')}
            loading={busy}
            gap="sm"
            submitTestId="event-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
