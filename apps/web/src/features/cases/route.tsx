/**
 * The case page (/cases/:caseId): the file's header, its family protection part (and the
 * victims' risk assessments, referrals to services and protection measures), parties, charges,
 * mediation, social research report, detention, hearings, deadlines and linked files, the
 * timeline, and one button per event the user may fire now, each opening a form generated from
 * the event's payload schema (the risk assessment's asks the configured questionnaire). An event
 * that ends the user's own part in the file takes them back to their work queue.
 */
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { ConfidentialityBadge } from '../../components/ConfidentialityBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LegalDate } from '../../components/LegalDate';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { EventModal } from './EventModal';
import { FamilyProtectionBadge } from './family-parts';
import { FamilyProtectionSection } from './family-sections';
import { MeasuresSection, ReferralsSection, RiskSection } from './protection-sections';
import { RiskAssessmentModal } from './RiskAssessmentModal';
import { JuvenileAgeNotice, JuvenileBadge } from './juvenile-parts';
import { MediationSection, SocialReportSection } from './juvenile-sections';
import { CASES } from './messages';
import {
  ChargesSection,
  DeadlinesSection,
  DetentionSection,
  HearingsSection,
  LinkedFilesSection,
  PartiesSection,
} from './sections';
import { TimelineSection } from './Timeline';
import { DocumentsSection } from './documents-section';
import { GenerateDocumentButton } from './generate-document-button';
import { EvidenceSection } from './evidence-section';
import type { AccessEnded, CasePage, CaseTypeInfo, EventOption, Timeline } from './types';

type CaseTypeWithEvents = CaseTypeInfo & { events: EventOption[] };

/**
 * The events whose form is drawn from something other than their payload schema: the risk
 * assessment asks the configured questionnaire's questions. Every other event gets the form
 * generated from its schema.
 */
const CUSTOM_FORMS: Partial<Record<string, typeof EventModal>> = {
  assess_risk: RiskAssessmentModal,
};

function EventForm(props: Parameters<typeof EventModal>[0]) {
  const Form = CUSTOM_FORMS[props.event.name] ?? EventModal;
  return <Form {...props} />;
}

export const caseKey = (id: string) => ['case', id] as const;
export const timelineKey = (id: string) => ['case', id, 'events'] as const;

export function Component() {
  const { caseId = '' } = useParams();
  const query = useQuery({
    queryKey: caseKey(caseId),
    queryFn: () => api.get<CasePage>(`/cases/${caseId}`),
    staleTime: 0,
  });
  if (query.error instanceof ApiError && query.error.status === 403) return <CaseRefused />;
  return <QueryState query={query}>{(page) => <CaseScreen page={page} />}</QueryState>;
}

/**
 * A file the user may not open: said in their language, with nothing of the file (not even its
 * number) and no "try again", since the answer would be the same.
 */
function CaseRefused() {
  const { t } = useTranslation(CASES);
  return (
    <Stack gap="md">
      <PageTitle>{t('refused.title')}</PageTitle>
      <Alert
        color="red"
        variant="light"
        role="alert"
        icon={<IconLock aria-hidden />}
        data-testid="case-refused"
      >
        <Stack gap="xs">
          <Text size="sm">{t('refused.body')}</Text>
          <Anchor component={Link} to="/" size="sm" fw={500} c="red.9">
            {t('refused.home')}
          </Anchor>
        </Stack>
      </Alert>
    </Stack>
  );
}

function CaseScreen({ page }: { page: CasePage }) {
  const { t } = useTranslation(CASES);
  const language = useLanguage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState<EventOption | null>(null);
  const [now] = useState(() => new Date());
  const timeline = useQuery({
    queryKey: timelineKey(page.id),
    queryFn: () => api.get<Timeline>(`/cases/${page.id}/events`),
    staleTime: 0,
  });
  const caseTypes = useQuery({
    queryKey: ['case-types'],
    queryFn: () => api.get<CaseTypeWithEvents[]>('/case-types'),
    staleTime: Infinity,
  });
  const caseType = caseTypes.data?.find((c) => c.caseType === page.caseType);
  const heading = page.number
    ? t('title', { number: page.number })
    : t('inInbox', { reference: page.reference ?? '' });
  const memberName = (m: CasePage['team'][number]) => (language === 'en' ? m.nameEn : m.nameAr);

  async function reload() {
    await Promise.all([
      queryClient.refetchQueries({ queryKey: caseKey(page.id), exact: true }),
      queryClient.refetchQueries({ queryKey: timelineKey(page.id), exact: true }),
    ]);
  }

  function done(next: CasePage) {
    queryClient.setQueryData(caseKey(page.id), next);
    void queryClient.invalidateQueries({ queryKey: timelineKey(page.id) });
    void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
    setOpen(null);
  }

  /** The event ended the user's part in the file: home (the work queue), and forget the file. */
  async function left(header: AccessEnded) {
    setOpen(null);
    await navigate('/', { replace: true });
    // Only once the page is gone, or it would fetch the file again and be refused.
    queryClient.removeQueries({ queryKey: ['case', header.id] });
    await queryClient.invalidateQueries({ queryKey: ['work-queue'] });
  }

  return (
    <Stack gap="md">
      <PageTitle>{heading}</PageTitle>
      <Paper withBorder p="md" data-testid="case-header" component="section" aria-label={heading}>
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <Text fw={700} size="lg" data-testid="case-number" dir="ltr">
              {page.number ?? page.reference}
            </Text>
            <Badge variant="light" size="lg">
              {pick(page.caseTypeLabels, language)}
            </Badge>
            <Badge color={page.isDisposed ? 'gray' : 'qadiya'} size="lg" data-testid="case-state">
              {pick(page.stateLabels, language)}
            </Badge>
            <ConfidentialityBadge level={page.confidentiality} />
            <JuvenileBadge page={page} />
            <FamilyProtectionBadge isFamilyProtection={page.isFamilyProtection} />
          </Group>
          <JuvenileAgeNotice page={page} />
          {page.returnReason ? (
            <Text size="sm" c="orange.9">
              {t('header.returned', { reason: page.returnReason })}
            </Text>
          ) : null}
          <Grid gap="xs">
            <Meta label={t('header.institution')}>
              {language === 'en' ? page.institution.nameEn : page.institution.nameAr}
            </Meta>
            <Meta label={t('header.opened')}>
              <LegalDate value={page.openedAt} />
            </Meta>
            {page.reference ? (
              <Meta label={t('header.reference')}>
                <span dir="ltr">{page.reference}</span>
              </Meta>
            ) : null}
            {page.incidentDate ? (
              <Meta label={t('header.incidentDate')}>
                {formatDate(page.incidentDate, language)}
              </Meta>
            ) : null}
            <Meta label={t('header.team')}>
              {page.team.length === 0 ? (
                '—'
              ) : (
                <span data-testid="case-team">
                  {page.team.map((m, i) => (
                    <span key={m.userId}>
                      {i > 0 ? '، ' : ''}
                      {memberName(m)}
                      {m.isLead ? (
                        <Badge size="xs" variant="outline" ms={4}>
                          {t('header.lead')}
                        </Badge>
                      ) : null}
                    </span>
                  ))}
                </span>
              )}
            </Meta>
          </Grid>
          {page.summary ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={500} size="sm">
                {t('header.summary')}:
              </Text>{' '}
              <bdi>{page.summary}</bdi>
            </Text>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="case-actions-title">
        <Text fw={600} mb="xs" id="case-actions-title" component="h2" size="md">
          {t('actions.title')}
        </Text>
        {page.availableEvents.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('actions.none')}
          </Text>
        ) : (
          <Group gap="xs" wrap="wrap">
            {page.availableEvents.map((event) => (
              <Button
                key={event.name}
                variant="light"
                onClick={() => setOpen(event)}
                data-testid={`event-button-${event.name}`}
              >
                {pick(event.labels, language)}
              </Button>
            ))}
          </Group>
        )}
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <FamilyProtectionSection page={page} />
            <PartiesSection page={page} />
            <RiskSection page={page} />
            <ReferralsSection page={page} />
            <MeasuresSection page={page} now={now} />
            <ChargesSection page={page} />
            <MediationSection page={page} />
            <SocialReportSection page={page} now={now} />
            <DetentionSection page={page} now={now} />
            <HearingsSection page={page} />
            <DeadlinesSection page={page} now={now} />
            <LinkedFilesSection page={page} caseTypes={caseTypes.data} />
            <DocumentsSection page={page} actions={<GenerateDocumentButton page={page} />} />
            <EvidenceSection page={page} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {timeline.isError ? (
            <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
          ) : (
            <TimelineSection page={page} events={timeline.data?.events ?? []} caseType={caseType} />
          )}
        </Grid.Col>
      </Grid>

      {open ? (
        <EventForm
          key={open.name}
          page={page}
          event={open}
          onClose={() => setOpen(null)}
          onReload={reload}
          onDone={done}
          onAccessEnded={(header) => void left(header)}
        />
      ) : null}
    </Stack>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Grid.Col>
  );
}
