/**
 * The juvenile sections of the case page (issue 5): the mediation path of Art. 23 as a stepper,
 * with the mediator and the agreement, and the social research report. Every state is said in
 * words, never by colour alone.
 */
import { Badge, Group, List, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { LegalDate } from '../../components/LegalDate';
import { formatNumber } from '../../format/format';
import type { Language } from '../../i18n/i18n';
import { CASE_JUVENILE } from './juvenile-messages';
import { MEDIATION_STEPS, mediationPath, type MediationStep } from './mediation-path';
import { CASE_PAYLOAD } from './payload-messages';
import { Section } from './sections';
import type { CasePage, PersonRef, SocialReport } from './types';

/** A dark green with AA contrast on white, for what is done (as the audit screen's success). */
const DONE = '#1b5e20';

const nameOf = (person: PersonRef, language: Language) =>
  language === 'en' ? person.nameEn : person.nameAr;

export function MediationSection({ page }: { page: CasePage }) {
  const { t } = useTranslation([CASE_JUVENILE, CASE_PAYLOAD]);
  const language = useLanguage();
  const mediation = page.mediation;
  if (!mediation) return null;
  const path = mediationPath(mediation.status, mediation.steps);
  // The step is drawn inside a <button> by Mantine: its description holds phrasing content only.
  const stepState = (index: number): ReactNode => {
    if (path.stop?.index === index) {
      return (
        <>
          <Line strong>
            {t('mediation.stoppedHere')}: {t(`mediation.statuses.${path.stop.status}`)}
          </Line>
          {path.stop.at ? (
            <Line>
              <LegalDate value={path.stop.at} />
            </Line>
          ) : null}
          {path.stop.note ? (
            <Line>
              <bdi>{path.stop.note}</bdi>
            </Line>
          ) : null}
        </>
      );
    }
    const at = path.reachedAt[index];
    const note = path.notes[index];
    if (index < path.active) {
      return (
        <>
          <Line>
            {t('mediation.stepDone')}
            {at ? (
              <>
                : <LegalDate value={at} />
              </>
            ) : null}
          </Line>
          {note ? (
            <Line>
              <bdi>{note}</bdi>
            </Line>
          ) : null}
        </>
      );
    }
    if (index === path.active && path.stop === null)
      return <Line>{t('mediation.stepCurrent')}</Line>;
    return <Line>{path.stop ? t('mediation.stepNotReached') : t('mediation.stepPending')}</Line>;
  };

  return (
    <Section id="section-mediation" title={t('mediation.title')}>
      <Stack gap="md">
        <Group gap="xs">
          <Text size="sm" c="gray.7">
            {t('mediation.status')}:
          </Text>
          <Badge
            color={path.stop ? 'red.9' : mediation.status === 'fulfilled' ? DONE : 'qadiya.8'}
            variant="outline"
            data-testid="mediation-status"
          >
            {t(`mediation.statuses.${mediation.status}`)}
          </Badge>
        </Group>
        <Stepper
          active={path.active}
          orientation="vertical"
          size="sm"
          role="group"
          aria-label={t('mediation.path')}
          data-testid="mediation-stepper"
        >
          {MEDIATION_STEPS.map((key, index) => (
            <Stepper.Step
              key={key}
              label={t(`mediation.steps.${key}`)}
              // The step's number in the user's digits, as every other number on the page.
              icon={formatNumber(index + 1, language)}
              description={stepState(index)}
              data-testid={`mediation-step-${key}`}
              data-state={
                path.stop?.index === index
                  ? 'stopped'
                  : index < path.active
                    ? 'done'
                    : index === path.active
                      ? 'current'
                      : 'pending'
              }
              {...(path.stop?.index === index
                ? { color: 'red.9', progressIcon: <IconX size={16} aria-hidden /> }
                : {})}
            />
          ))}
        </Stepper>

        <Text size="sm">
          <Text span c="gray.7" size="sm">
            {t('mediation.mediator')}:
          </Text>{' '}
          {mediation.mediator ? nameOf(mediation.mediator, language) : t('mediation.noMediator')}
        </Text>

        {mediation.agreement ? (
          <Paper withBorder p="sm" bg="gray.0" data-testid="mediation-agreement">
            <Title order={3} size="h5" mb="xs">
              {t('mediation.agreement')}
            </Title>
            <Stack gap={4}>
              <Text size="sm">
                {t('mediation.signedAt')}: <LegalDate value={mediation.agreement.signedAt} />
              </Text>
              <Text size="sm">
                {t('mediation.complianceDue')}:{' '}
                <LegalDate value={mediation.agreement.complianceDueDate} />
              </Text>
              <Text size="sm">{t('mediation.obligations')}:</Text>
              <List size="sm" withPadding>
                {mediation.agreement.obligations.map((o, index) => (
                  <List.Item key={index}>
                    {t(`${CASE_PAYLOAD}:values.kind.${o.kind}`, { defaultValue: o.kind })}:{' '}
                    <bdi>{o.detail}</bdi>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Paper>
        ) : null}

        {path.earlierRounds.length > 0 ? (
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('mediation.history')}
            </Title>
            <Stack gap="xs">
              {path.earlierRounds.map((round, index) => (
                <EarlierRound key={index} round={round} />
              ))}
            </Stack>
          </div>
        ) : null}
      </Stack>
    </Section>
  );
}

/** One line of a step's description: a block-level span, as a button may hold no paragraph. */
function Line({ children, strong = false }: { children: ReactNode; strong?: boolean }) {
  return (
    <Text
      span
      display="block"
      size="sm"
      fw={strong ? 700 : undefined}
      c={strong ? 'red.9' : undefined}
    >
      {children}
    </Text>
  );
}

function EarlierRound({ round }: { round: MediationStep[] }) {
  const { t } = useTranslation(CASE_JUVENILE);
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="gray.7" mb={4}>
        {t('mediation.earlierRound')}
      </Text>
      <List size="sm">
        {round.map((step, index) => (
          <List.Item key={index}>
            {t(`mediation.statuses.${step.status}`)}: <LegalDate value={step.at} />
            {step.note ? (
              <>
                {' · '}
                <bdi>{step.note}</bdi>
              </>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

export function SocialReportSection({ page, now }: { page: CasePage; now: Date }) {
  const { t } = useTranslation(CASE_JUVENILE);
  const juvenile = page.juvenile;
  if (!juvenile) return null;
  const { status, override, reports } = juvenile.socialReport;
  return (
    <Section id="section-social-report" title={t('socialReport.title')} count={reports.length}>
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="gray.7">
            {t('socialReport.status')}:
          </Text>
          <Badge
            variant="outline"
            color={status === 'submitted' ? DONE : status === 'overridden' ? 'gray.7' : '#8a3c00'}
            data-testid="social-report-status"
          >
            {t(`socialReport.statuses.${status}`)}
          </Badge>
        </Group>
        {override ? (
          <Text size="sm">
            {t('socialReport.override')} <LegalDate value={override.at} withTime />:{' '}
            <bdi>{override.justification}</bdi>
          </Text>
        ) : null}
        {reports.map((report) => (
          <ReportCard key={report.id} report={report} now={now} />
        ))}
      </Stack>
    </Section>
  );
}

function ReportCard({ report, now }: { report: SocialReport; now: Date }) {
  const { t } = useTranslation([CASE_JUVENILE, CASE_PAYLOAD]);
  const language = useLanguage();
  const overdue = report.submittedAt === null && new Date(report.dueAt).getTime() < now.getTime();
  const fields = ['familySituation', 'education', 'health', 'circumstances'] as const;
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid={`social-report-${report.id}`}>
      <Stack gap={4}>
        <Text fw={600}>
          {t('socialReport.counsellor')}: {nameOf(report.counsellor, language)}
        </Text>
        <Text size="sm">
          {t('socialReport.instructedAt')}: <LegalDate value={report.instructedAt} />
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('socialReport.dueAt')}: <LegalDate value={report.dueAt} />
          </Text>
          {overdue ? <Badge color="red">{t('socialReport.overdue')}</Badge> : null}
        </Group>
        <Text size="sm">
          {t('socialReport.submittedAt')}:{' '}
          {report.submittedAt ? (
            <LegalDate value={report.submittedAt} withTime />
          ) : (
            t('socialReport.notSubmitted')
          )}
        </Text>
        {report.submittedAt ? (
          <Stack gap={6} mt="xs">
            {fields.map((field) =>
              report[field] ? (
                <div key={field}>
                  <Text size="xs" c="gray.7">
                    {t(`socialReport.${field}`)}
                  </Text>
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {report[field]}
                  </Text>
                </div>
              ) : null,
            )}
            {report.recommendation ? (
              <div>
                <Text size="xs" c="gray.7">
                  {t('socialReport.recommendation')}
                </Text>
                <Text size="sm" fw={700} data-testid="social-report-recommendation">
                  {t(`${CASE_PAYLOAD}:values.recommendation.${report.recommendation}`, {
                    defaultValue: report.recommendation,
                  })}
                </Text>
                {report.recommendationNote ? (
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {report.recommendationNote}
                  </Text>
                ) : null}
              </div>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
