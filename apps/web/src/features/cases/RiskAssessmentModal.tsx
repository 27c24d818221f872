/**
 * The risk assessment form (event `assess_risk`, issue 6). Its questions are the deployment's
 * questionnaire (`GET /risk-questionnaire`), so the form is drawn from it rather than from the
 * event's payload schema, which only says "an answer per question". Every question is answered,
 * "don't know" included; the server scores the answers and sets the level. What is typed is kept
 * in sessionStorage until the assessment is recorded, and sending goes the way of every event
 * (useEventSubmission): a stale version, a broken rule or a refusal is said in the user's words.
 */
import { Alert, NativeSelect, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { FormActions, FormModal } from '../../components/FormModal';
import { QueryState } from '../../components/QueryState';
import { formatNumber } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { clearDraft, draftKey, loadDraft, saveDraft, sessionStore } from './drafts';
import { SubmissionProblems, useEventSubmission } from './event-submission';
import { CASE_FAMILY } from './family-messages';
import { CASES } from './messages';
import { partyName } from './pickers';
import { restoreDraft, unanswered, type RiskDraft, type RiskQuestionnaire } from './risk';
import type { AccessEnded, CasePage, EventOption } from './types';

interface Props {
  page: CasePage;
  event: EventOption;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onDone: (page: CasePage) => void;
  onAccessEnded: (header: AccessEnded) => void;
}

export function RiskAssessmentModal(props: Props) {
  const language = useLanguage();
  const questionnaire = useQuery({
    queryKey: ['risk-questionnaire'],
    queryFn: () => api.get<RiskQuestionnaire>('/risk-questionnaire'),
    staleTime: 30 * 60_000,
  });
  return (
    <FormModal opened onClose={props.onClose} title={pick(props.event.labels, language)} size="lg">
      <QueryState query={questionnaire}>
        {(data) => <RiskForm {...props} questionnaire={data} />}
      </QueryState>
    </FormModal>
  );
}

function RiskForm({
  page,
  event,
  onClose,
  onReload,
  onDone,
  onAccessEnded,
  questionnaire,
}: Props & { questionnaire: RiskQuestionnaire }) {
  const { t } = useTranslation([CASE_FAMILY, CASES]);
  const language = useLanguage();
  const victims = (page.parties ?? []).filter(
    (p) => p.role === 'victim' || p.role === 'complainant',
  );
  const key = draftKey(page.id, event.name);
  const [draft, setDraft] = useState<RiskDraft>(() =>
    restoreDraft(
      loadDraft(sessionStore(), key),
      questionnaire,
      victims.map((v) => v.id),
    ),
  );
  const [tried, setTried] = useState(false);
  const submission = useEventSubmission({
    page,
    eventName: event.name,
    title: pick(event.labels, language),
    onReload,
    onDone,
    onAccessEnded,
  });
  const missing = unanswered(questionnaire, draft.answers);
  const missingIds = new Set(missing.map((q) => q.id));

  function change(next: RiskDraft) {
    setDraft(next);
    saveDraft(sessionStore(), key, next);
  }

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setTried(true);
    if (draft.victimPartyId === '' || missing.length > 0) return;
    await submission.send(
      { victimPartyId: draft.victimPartyId, answers: draft.answers },
      { onRecorded: () => clearDraft(sessionStore(), key) },
    );
  }

  if (victims.length === 0) {
    return (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {t('riskForm.noVictim')}
      </Alert>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="event-form" noValidate>
      <Stack gap="md">
        <Text size="sm" fw={500}>
          {pick(questionnaire.labels, language)}
        </Text>
        <Text size="sm" c="gray.7">
          {t('riskForm.intro')}
        </Text>
        <NativeSelect
          label={t('riskForm.victim')}
          required
          value={draft.victimPartyId}
          onChange={(e) => change({ ...draft, victimPartyId: e.currentTarget.value })}
          error={tried && draft.victimPartyId === '' ? t(`${CASES}:form.choose`) : undefined}
          data={[
            { value: '', label: t(`${CASES}:form.choose`), disabled: true },
            ...victims.map((v) => ({ value: v.id, label: partyName(v, language) })),
          ]}
          data-testid="field-victimPartyId"
        />
        <Stack gap="sm" role="group" aria-label={t('riskForm.questions')}>
          {questionnaire.questions.map((question, index) => (
            <Paper key={question.id} withBorder p="sm">
              <Radio.Group
                label={`${formatNumber(index + 1, language)}. ${pick(question.labels, language)}`}
                required
                value={draft.answers[question.id] ?? null}
                onChange={(answer) =>
                  change({ ...draft, answers: { ...draft.answers, [question.id]: answer } })
                }
                error={
                  tried && missingIds.has(question.id) ? t('riskForm.answerRequired') : undefined
                }
                data-testid={`risk-question-${question.id}`}
              >
                <Stack gap={6} mt={6}>
                  {question.options.map((option) => (
                    <Radio
                      key={option.id}
                      value={option.id}
                      label={pick(option.labels, language)}
                      data-testid={`risk-answer-${question.id}-${option.id}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            </Paper>
          ))}
        </Stack>
        {tried && missing.length > 0 ? (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            data-testid="risk-unanswered"
          >
            {t('riskForm.unanswered', { count: formatNumber(missing.length, language) })}
          </Alert>
        ) : null}
        <SubmissionProblems submission={submission} />
        <FormActions
          onCancel={onClose}
          submitLabel={t('riskForm.submit')}
          loading={submission.busy}
          gap="sm"
          submitTestId="event-submit"
        />
      </Stack>
    </form>
  );
}
