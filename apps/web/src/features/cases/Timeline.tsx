/** The file's events, newest first: who, when, the state change and what the payload said. */
import { Badge, Group, Stack, Text, Timeline as MantineTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { LegalDate } from '../../components/LegalDate';
import { fieldsOf } from '../../components/forms/schema-fields';
import { formatDate, formatDateTime, formatNumber } from '../../format/format';
import { pick, type Language } from '../../i18n/i18n';
import { CASES } from './messages';
import { CASE_PAYLOAD } from './payload-messages';
import { fileChoices, partyName } from './pickers';
import { summarisePayload, type SummaryText } from './payload-summary';
import { Section } from './sections';
import type { CasePage, CaseTypeInfo, TimelineEvent } from './types';

interface CaseTypeWithEvents extends CaseTypeInfo {
  events?: { name: string; payloadSchema: Parameters<typeof fieldsOf>[0] }[];
}

function referenceName(
  page: CasePage,
  language: Language,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  return (kind: string | undefined, id: string): string | null => {
    for (const k of [kind, 'party', 'charge', 'hearing', 'detention']) {
      if (!k) continue;
      const found = fileChoices(k, page, language, t)?.find((c) => c.value === id);
      if (found) return found.label;
    }
    const person = page.parties?.find((p) => p.personId === id);
    if (person) return partyName(person, language);
    // The mediator and the counsellors join the team, but may have left it since.
    const member =
      page.team.find((m) => m.userId === id) ??
      (page.mediation?.mediator?.userId === id ? page.mediation.mediator : undefined) ??
      page.juvenile?.socialReport.reports.find((r) => r.counsellor.userId === id)?.counsellor;
    if (member) return language === 'en' ? member.nameEn : member.nameAr;
    for (const h of page.hearings ?? []) {
      const judge = h.judges.find((j) => j.userId === id);
      if (judge) return (language === 'en' ? judge.nameEn : judge.nameAr) ?? null;
    }
    if (page.institution.id === id) {
      return language === 'en' ? page.institution.nameEn : page.institution.nameAr;
    }
    const linked = page.linkedFiles.find((f) => f.institution.id === id);
    if (linked) return language === 'en' ? linked.institution.nameEn : linked.institution.nameAr;
    return null;
  };
}

export function TimelineSection({
  page,
  events,
  caseType,
}: {
  page: CasePage;
  events: readonly TimelineEvent[];
  caseType: CaseTypeWithEvents | undefined;
}) {
  const { t } = useTranslation([CASES, CASE_PAYLOAD]);
  const language = useLanguage();
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);
  const text: SummaryText = {
    label: (name) => t(`${CASE_PAYLOAD}:fields.${name}`, { defaultValue: name }),
    option: (name, value) => t(`${CASE_PAYLOAD}:values.${name}.${value}`, { defaultValue: value }),
    reference: referenceName(page, language, t),
    date: (value) => formatDate(value, language),
    dateTime: (value) => formatDateTime(value, language),
    number: (value) => formatNumber(value, language),
  };
  const stateLabel = (state: string | null) =>
    state ? pick(caseType?.states[state]?.labels ?? { ar: state, en: state }, language) : '';
  return (
    <Section id="section-timeline" title={t('sections.timeline')} count={events.length}>
      {events.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('empty.timeline')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="gray.7" mb="sm">
            {t('timeline.newestFirst')}
          </Text>
          <MantineTimeline bulletSize={14} lineWidth={2} active={-1}>
            {newestFirst.map((event) => {
              const schema = caseType?.events?.find((e) => e.name === event.eventType);
              const lines = summarisePayload(
                event.payload,
                schema ? fieldsOf(schema.payloadSchema) : null,
                text,
              );
              const actor = event.actor
                ? ((language === 'en' ? event.actor.nameEn : event.actor.nameAr) ??
                  event.actor.nameAr ??
                  '')
                : t('timeline.system');
              return (
                <MantineTimeline.Item
                  key={event.id}
                  title={
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} size="sm" component="span">
                        {pick(event.labels, language)}
                      </Text>
                      {event.stateBefore !== event.stateAfter ? (
                        <Badge variant="light" size="sm">
                          {t('timeline.stateChange', {
                            from: stateLabel(event.stateBefore) || '—',
                            to: stateLabel(event.stateAfter),
                          })}
                        </Badge>
                      ) : null}
                    </Group>
                  }
                  data-testid={`timeline-event-${event.eventType}`}
                >
                  <Stack gap={2}>
                    <Text size="xs" c="gray.7">
                      <LegalDate value={event.occurredAt} withTime /> ·{' '}
                      {t('timeline.by', { name: actor })}
                    </Text>
                    {lines.map((line) => (
                      <Text size="sm" key={line.label} style={{ whiteSpace: 'pre-wrap' }}>
                        <Text span fw={500} size="sm">
                          {line.label}:
                        </Text>{' '}
                        {line.value}
                      </Text>
                    ))}
                  </Stack>
                </MantineTimeline.Item>
              );
            })}
          </MantineTimeline>
        </>
      )}
    </Section>
  );
}
