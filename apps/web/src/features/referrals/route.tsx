/**
 * The services' referrals (`/referrals`, issue 6), for protection service providers: the victims
 * referred to their service by the prosecution, with the minimum the service needs (the victim's
 * name and phone, the risk level, the referring office, the dates, the status) and never the file.
 * The service accepts or declines a new referral and closes an accepted one, each with its answer
 * to the referring office; a referral changed meanwhile (409) keeps the answer typed and offers a
 * reload. The status filter lives in the address.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/types';
import { useLanguage } from '../../app/use-language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormModal';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../format/format';
import { REFERRALS } from './messages';
import {
  ANSWERS_BY_STATUS,
  FEEDBACK_REQUIRED,
  STATUS_FILTERS,
  statusFilterOf,
  type ReferralAnswer,
  type ReferralStatus,
  type RiskLevel,
  type ServiceReferral,
  type StatusFilter,
} from './types';

// Filled badges with white text, WCAG AA; the words carry the meaning (as on the case page).
const RISK_COLOURS: Record<RiskLevel, string> = {
  low: '#1b5e20',
  medium: '#8a3c00',
  high: 'red.9',
  severe: '#5c0a14',
};
const STATUS_COLOURS: Record<ReferralStatus, string> = {
  sent: 'qadiya.8',
  accepted: '#1b5e20',
  declined: 'red.9',
  closed: 'gray.7',
};

const LIMIT = 200;
const REFERRALS_KEY = ['referrals'] as const;

/** The statuses to ask the server for: "open" is two of them, "all" is no filter. */
function statusesOf(filter: StatusFilter): (ReferralStatus | undefined)[] {
  if (filter === 'open') return ['sent', 'accepted'];
  if (filter === 'all') return [undefined];
  return [filter];
}

export function Component() {
  const { t } = useTranslation(REFERRALS);
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const filter = statusFilterOf(params.get('status'));
  const lists = useQueries({
    queries: statusesOf(filter).map((status) => ({
      queryKey: [...REFERRALS_KEY, status ?? 'all'],
      queryFn: () => api.get<Page<ServiceReferral>>('/referrals', { status, limit: LIMIT }),
      placeholderData: keepPreviousData,
    })),
  });
  const error = lists.find((list) => list.isError)?.error ?? null;
  const isPending = lists.some((list) => list.isPending);
  const items = lists
    .flatMap((list) => list.data?.items ?? [])
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  const total = lists.reduce((sum, list) => sum + (list.data?.total ?? 0), 0);

  return (
    <Stack gap="md">
      <PageTitle>{t('title')}</PageTitle>
      <Text c="gray.7" size="sm" maw={800}>
        {t('intro')}
      </Text>
      <SegmentedControl
        aria-label={t('filter.label')}
        value={filter}
        onChange={(value) => setParams(value === 'open' ? {} : { status: value })}
        data={STATUS_FILTERS.map((value) => ({ value, label: t(`filter.${value}`) }))}
        w="fit-content"
        data-testid="referrals-filter"
      />
      <ErrorAlert error={error} onRetry={() => lists.forEach((list) => void list.refetch())} />
      {isPending ? null : items.length === 0 && !error ? (
        <EmptyState
          icon={IconInbox}
          title={t('empty.title')}
          body={t('empty.body')}
          testId="referrals-empty"
        />
      ) : (
        <>
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="referrals-count">
            {t('count', { count: formatNumber(total, language) })}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {items.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span size="sm" c="gray.7">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

function ReferralCard({ referral: r }: { referral: ServiceReferral }) {
  const { t } = useTranslation(REFERRALS);
  const language = useLanguage();
  const [answering, setAnswering] = useState<ReferralAnswer | null>(null);
  const office = language === 'en' ? r.referringOffice.nameEn : r.referringOffice.nameAr;
  const service = t(`services.${r.service}`, { defaultValue: r.service });
  const titleId = `referral-${r.id}-title`;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="referral-card"
      data-referral-id={r.id}
      data-status={r.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {service}
          </Title>
          <Badge color={STATUS_COLOURS[r.status]} data-testid="referral-status">
            {t(`statuses.${r.status}`)}
          </Badge>
        </Group>
        <Line label={t('card.victim')}>
          <Text span fw={700} size="sm" data-testid="referral-victim">
            {r.victim.nameAr}
          </Text>
          {r.victim.nameLatin ? (
            <Text span size="sm" c="gray.7" ms={6} lang="en" dir="ltr">
              {r.victim.nameLatin}
            </Text>
          ) : null}
        </Line>
        <Line label={t('card.phone')}>
          {r.victim.phone ? (
            <a href={`tel:${r.victim.phone}`} className="ltr-value">
              {r.victim.phone}
            </a>
          ) : (
            <Text span size="sm" c="gray.7">
              {t('card.noPhone')}
            </Text>
          )}
        </Line>
        <Group gap="xs">
          <Text size="sm" c="gray.7">
            {t('card.risk')}:
          </Text>
          {r.riskLevel ? (
            <Badge color={RISK_COLOURS[r.riskLevel]} data-testid="referral-risk">
              {t('riskBadge', { level: t(`levels.${r.riskLevel}`) })}
            </Badge>
          ) : (
            <Text size="sm">{t('card.noRisk')}</Text>
          )}
        </Group>
        <Line label={t('card.office')}>{office}</Line>
        <Line label={t('card.sentAt')}>
          <LegalDate value={r.sentAt} withTime />
        </Line>
        {r.consent === 'override' ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
            <Text size="sm">{t('card.consentOverride')}</Text>
          </Alert>
        ) : (
          <Text size="sm">{t('card.consentGiven')}</Text>
        )}
        {r.note ? (
          <Line label={t('card.note')}>
            <bdi style={{ whiteSpace: 'pre-wrap' }}>{r.note}</bdi>
          </Line>
        ) : null}
        {r.respondedAt ? (
          <Line label={t('card.respondedAt')}>
            <LegalDate value={r.respondedAt} withTime />
          </Line>
        ) : null}
        {r.feedback ? (
          <Line label={t('card.feedback')}>
            <bdi style={{ whiteSpace: 'pre-wrap' }}>{r.feedback}</bdi>
          </Line>
        ) : null}
        {r.closedAt ? (
          <Line label={t('card.closedAt')}>
            <LegalDate value={r.closedAt} withTime />
          </Line>
        ) : null}
        {r.closingFeedback ? (
          <Line label={t('card.closingFeedback')}>
            <bdi style={{ whiteSpace: 'pre-wrap' }}>{r.closingFeedback}</bdi>
          </Line>
        ) : null}
        {ANSWERS_BY_STATUS[r.status].length > 0 ? (
          <Group gap="xs" mt="xs">
            {ANSWERS_BY_STATUS[r.status].map((answer) => (
              <Button
                key={answer}
                variant={answer === 'decline' ? 'default' : 'filled'}
                onClick={() => setAnswering(answer)}
                aria-label={`${t(`answers.${answer}`)}: ${t('card.label', { service, office })}`}
                data-testid={`referral-${answer}`}
              >
                {t(`answers.${answer}`)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Stack>
      {answering ? (
        <AnswerDialog referral={r} answer={answering} onClose={() => setAnswering(null)} />
      ) : null}
    </Paper>
  );
}

function AnswerDialog({
  referral,
  answer,
  onClose,
}: {
  referral: ServiceReferral;
  answer: ReferralAnswer;
  onClose: () => void;
}) {
  const { t } = useTranslation([REFERRALS, 'common']);
  const queryClient = useQueryClient();
  const [feedback, setFeedback] = useState('');
  const [version, setVersion] = useState(referral.version);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  const required = FEEDBACK_REQUIRED[answer];
  const missing = required && feedback.trim() === '';
  const isStale = error instanceof ApiError && error.isStale;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/referrals/${referral.id}/${answer}`, {
        version,
        ...(feedback.trim() ? { feedback: feedback.trim() } : {}),
      });
      notifications.show({ color: 'green', message: t(`answerForm.done.${answer}`) });
      await queryClient.invalidateQueries({ queryKey: REFERRALS_KEY });
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  /** The referral as it is now: its new version, the answer kept in the form. */
  async function reload() {
    setReloading(true);
    try {
      const fresh = await api.get<Page<ServiceReferral>>('/referrals', { limit: LIMIT });
      const current = fresh.items.find((item) => item.id === referral.id);
      if (current) setVersion(current.version);
      setError(null);
      await queryClient.invalidateQueries({ queryKey: REFERRALS_KEY });
    } catch (caught) {
      setError(caught);
    } finally {
      setReloading(false);
    }
  }

  return (
    <FormModal opened onClose={onClose} title={t(`answers.${answer}`)}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="referral-answer-form">
        <Stack gap="md">
          <Textarea
            label={t(required ? 'answerForm.feedback' : 'answerForm.feedbackOptional')}
            description={t(`answerForm.feedbackHint.${answer}`)}
            descriptionProps={{ c: 'gray.7' }}
            required={required}
            autosize
            minRows={3}
            maxLength={4000}
            value={feedback}
            onChange={(event) => setFeedback(event.currentTarget.value)}
            error={tried && missing ? t('answerForm.required') : undefined}
            data-autofocus
            data-testid="referral-feedback"
          />
          {isStale ? (
            <Alert color="orange" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              <Stack gap="xs">
                <Text size="sm">{t('answerForm.stale')}</Text>
                <Button
                  size="xs"
                  variant="white"
                  color="orange"
                  w="fit-content"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  loading={reloading}
                  onClick={() => void reload()}
                >
                  {t('common:reload')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t(`answers.${answer}`)}
            loading={busy}
            color={answer === 'decline' ? 'red' : undefined}
            submitTestId="referral-answer-submit"
          />
        </Stack>
      </form>
    </FormModal>
  );
}
