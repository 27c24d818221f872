/**
 * Sending one event of the case page and saying how it went, shared by the generated event form
 * (EventModal) and the forms built for one event (the risk assessment): the notice when it is
 * recorded, or, when it is not, why: a stale version (with a reload that keeps what was typed), a
 * broken rule in the user's language with its code, or any other error. A 400 goes to the caller
 * first, which puts the problems next to its fields.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CASES } from './messages';
import type { AccessEnded, CasePage, EventAnswer } from './types';

function isAccessEnded(answer: EventAnswer): answer is AccessEnded {
  return 'accessEnded' in answer && answer.accessEnded;
}

export type Failure =
  | { kind: 'stale' }
  | { kind: 'rule'; message: string; code: string }
  | { kind: 'other'; error: unknown };

export interface EventSubmissionOptions {
  page: CasePage;
  eventName: string;
  /** The event's name in the user's language, for the notices. */
  title: string;
  /** Refetch the file; resolves when the new version is in `page`. */
  onReload: () => Promise<unknown>;
  onDone: (page: CasePage) => void;
  /** The event was recorded, and the user may no longer open the file. */
  onAccessEnded: (header: AccessEnded) => void;
}

export interface EventSubmission {
  busy: boolean;
  failure: Failure | null;
  reloading: boolean;
  reloaded: boolean;
  /**
   * Sends the payload at the page's version. `onInvalid` gets a 400 and says whether it showed
   * the problems by the fields (true), or the error should be shown as it is (false).
   * `onRecorded` runs once the server recorded the event, before the page moves on.
   */
  send: (
    payload: object,
    handlers?: { onInvalid?: (error: ApiError) => boolean; onRecorded?: () => void },
  ) => Promise<void>;
  reload: () => Promise<void>;
}

export function useEventSubmission(options: EventSubmissionOptions): EventSubmission {
  const { page, eventName, title, onReload, onDone, onAccessEnded } = options;
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);

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

  const send: EventSubmission['send'] = async (payload, handlers = {}) => {
    setBusy(true);
    setFailure(null);
    setReloaded(false);
    try {
      const next = await api.post<EventAnswer>(`/cases/${page.id}/events`, {
        event: eventName,
        version: page.version,
        payload,
      });
      handlers.onRecorded?.();
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
      notifications.show({ color: 'green', message: t('form.done', { event: title }) });
      onDone(next);
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        setFailure({ kind: 'stale' });
      } else if (error instanceof ApiError && error.status === 400) {
        if (!handlers.onInvalid?.(error)) setFailure({ kind: 'other', error });
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
  };

  return { busy, failure, reloading, reloaded, send, reload };
}

/** What went wrong with the last attempt, and the way out of a stale version. */
export function SubmissionProblems({ submission }: { submission: EventSubmission }) {
  const { t } = useTranslation([CASES, 'common']);
  const { failure, reloaded, reloading } = submission;
  return (
    <>
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
              onClick={() => void submission.reload()}
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
    </>
  );
}
