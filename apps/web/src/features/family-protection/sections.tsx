/**
 * The parts of the family protection dashboard (issue 6, item 7): attrition from complaint to
 * conviction by stage, files by GBVIMS type and context flag, referrals by service and outcome,
 * protection measures and their violations, and the time to decide protection orders against the
 * standard.
 */
import { Badge, Grid, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { formatNumber, formatPercent } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { cellState, chartRows } from './figures';
import { FAMILY_DASHBOARD } from './messages';
import { CountChart, CountTable, DashboardSection, Figure, FigureCell } from './parts';
import type { FamilyProtectionReport } from './types';

type Report = FamilyProtectionReport;

// A table and its chart side by side; split by a dimension, the table has a column per category
// and the chart a series each: both take the full width, the chart below the table.
const tableSpan = (report: Report) => ({ base: 12, md: report.categories.length > 0 ? 12 : 7 });
const chartSpan = (report: Report) => ({ base: 12, md: report.categories.length > 0 ? 12 : 5 });

// Filled with white text: shades with WCAG AA contrast (as the juvenile indicators' standard).
const OUTCOME_COLOURS = { met: '#1b5e20', notMet: 'red.9', noData: 'gray.7' } as const;

export function AttritionSection({ report }: { report: Report }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const { stages, outcomes } = report.attrition;
  const stageName = (code: string) =>
    pick(stages.find((s) => s.code === code)?.labels ?? { ar: code, en: code }, language);
  return (
    <DashboardSection
      id="dashboard-attrition"
      title={t('attrition.title')}
      hint={t('attrition.hint')}
    >
      <Grid gap="md" align="center">
        <Grid.Col span={tableSpan(report)}>
          <CountTable
            caption={t('attrition.title')}
            captionHidden
            firstColumn={t('attrition.stage')}
            extraColumns={[t('attrition.ofComplaints'), t('attrition.ofPrevious')]}
            categories={report.categories}
            testId="dashboard-attrition-table"
            rows={stages.map((stage) => ({
              key: stage.code,
              label: pick(stage.labels, language),
              cell: stage.count,
              extra: [
                <FigureCell key="all" state={cellState(stage.percentOfComplaints)} percent />,
                <FigureCell
                  key="previous"
                  state={cellState(stage.percentOfPreviousStage)}
                  percent
                />,
              ],
            }))}
          />
        </Grid.Col>
        <Grid.Col span={chartSpan(report)}>
          <CountChart
            what={t('attrition.title')}
            categories={report.categories}
            rows={chartRows(
              stages,
              (s) => pick(s.labels, language),
              (s) => s.count,
              report.categories,
            )}
          />
        </Grid.Col>
      </Grid>
      <CountTable
        caption={t('attrition.outcomes')}
        firstColumn={t('attrition.outcome')}
        extraColumns={[t('attrition.lastStage')]}
        categories={report.categories}
        testId="dashboard-outcomes-table"
        rows={outcomes.map((outcome) => ({
          key: outcome.code,
          label: pick(outcome.labels, language),
          cell: outcome.count,
          extra: [stageName(outcome.stage)],
        }))}
      />
    </DashboardSection>
  );
}

export function GbvSection({ report }: { report: Report }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const { types, contextFlags, total } = report.gbvTypes;
  return (
    <DashboardSection id="dashboard-gbv" title={t('gbv.title')}>
      <Grid gap="md" align="center">
        <Grid.Col span={tableSpan(report)}>
          <CountTable
            caption={t('gbv.title')}
            captionHidden
            firstColumn={t('gbv.type')}
            categories={report.categories}
            testId="dashboard-gbv-table"
            rows={[
              ...types.map((type) => ({
                key: type.code,
                label: pick(type.labels, language),
                cell: type.count,
              })),
              { key: 'total', label: <Text fw={700}>{t('total')}</Text>, cell: total },
            ]}
          />
        </Grid.Col>
        <Grid.Col span={chartSpan(report)}>
          <CountChart
            what={t('gbv.title')}
            categories={report.categories}
            rows={chartRows(
              types,
              (x) => pick(x.labels, language),
              (x) => x.count,
              report.categories,
            )}
          />
        </Grid.Col>
      </Grid>
      <CountTable
        caption={t('gbv.flags')}
        firstColumn={t('gbv.flag')}
        categories={report.categories}
        testId="dashboard-flags-table"
        rows={contextFlags.map((flag) => ({
          key: flag.code,
          label: pick(flag.labels, language),
          cell: flag.count,
        }))}
      />
    </DashboardSection>
  );
}

export function ReferralsSection({ report }: { report: Report }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const referrals = report.referrals;
  const statuses = referrals.byStatus;
  const statusCell = (service: (typeof referrals.byService)[number], status: string) =>
    service.byStatus.find((s) => s.status === status)?.count ?? null;
  // Without a split the chart stacks each service's referrals by outcome; split, by category.
  const split = report.categories.length > 0;
  const rows = split
    ? chartRows(
        referrals.byService,
        (s) => pick(s.labels, language),
        (s) => s.count,
        report.categories,
      )
    : referrals.byService.map((service) => {
        const row: Record<string, number | string | null> = {
          label: pick(service.labels, language),
        };
        for (const status of statuses) {
          const state = cellState(statusCell(service, status.status));
          row[status.status] = state.kind === 'value' ? state.value : null;
        }
        return row as { label: string } & Record<string, number | string | null>;
      });
  return (
    <DashboardSection id="dashboard-referrals" title={t('referrals.title')}>
      <Group gap="xl" wrap="wrap">
        <Figure
          label={t('referrals.total')}
          cell={referrals.total}
          testId="dashboard-referrals-total"
        />
        <Figure label={t('referrals.overrides')} cell={referrals.consentOverrides} />
      </Group>
      <Grid gap="md" align="center">
        <Grid.Col span={12}>
          <CountTable
            caption={t('referrals.byStatus')}
            firstColumn={t('referrals.service')}
            extraColumns={statuses.map((s) => pick(s.labels, language))}
            categories={report.categories}
            testId="dashboard-referrals-table"
            rows={referrals.byService.map((service) => ({
              key: service.service,
              label: pick(service.labels, language),
              cell: service.count,
              extra: statuses.map((status) => (
                <FigureCell
                  key={status.status}
                  state={cellState(statusCell(service, status.status))}
                />
              )),
            }))}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <CountChart
            what={t('referrals.byStatus')}
            categories={report.categories}
            rows={rows}
            series={
              split
                ? undefined
                : statuses.map((s) => ({ key: s.status, label: pick(s.labels, language) }))
            }
          />
        </Grid.Col>
      </Grid>
    </DashboardSection>
  );
}

const FIGURES = ['issued', 'violated', 'violations'] as const;

export function MeasuresSection({ report }: { report: Report }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const measures = report.protectionMeasures;
  return (
    <DashboardSection id="dashboard-measures" title={t('measures.title')}>
      <Group gap="xl" wrap="wrap">
        <Figure label={t('measures.issued')} cell={measures.issued} />
        <Figure label={t('measures.violated')} cell={measures.violated} />
        <Figure label={t('measures.violations')} cell={measures.violations} />
      </Group>
      {report.categories.length === 0 ? (
        <DataTable
          minWidth={420}
          caption={t('measures.title')}
          captionHidden
          keyboardScroll
          striped
          columns={[
            t('measures.kind'),
            t('measures.issued'),
            t('measures.violated'),
            t('measures.violations'),
          ]}
          items={measures.byKind}
          data-testid="dashboard-measures-table"
        >
          {(kind) => (
            <Table.Tr key={kind.kind} data-row={kind.kind}>
              <Table.Th scope="row" fw={500}>
                {pick(kind.labels, language)}
              </Table.Th>
              {FIGURES.map((figure) => (
                <Table.Td key={figure}>
                  <FigureCell state={cellState(kind[figure])} />
                </Table.Td>
              ))}
            </Table.Tr>
          )}
        </DataTable>
      ) : (
        // Split: a table per figure, a column per category.
        FIGURES.map((figure) => (
          <CountTable
            key={figure}
            caption={`${t('measures.title')}: ${t(`measures.${figure}`)}`}
            firstColumn={t('measures.kind')}
            categories={report.categories}
            testId={`dashboard-measures-${figure}`}
            rows={measures.byKind.map((kind) => ({
              key: kind.kind,
              label: pick(kind.labels, language),
              cell: kind[figure],
            }))}
          />
        ))
      )}
    </DashboardSection>
  );
}

export function TimeSection({ report }: { report: Report }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const time = report.timeToDisposition;
  return (
    <DashboardSection id="dashboard-time" title={t('time.title')} hint={t('time.hint')}>
      <Figure label={t('time.measured')} cell={time.measured} />
      <DataTable
        minWidth={520}
        caption={t('time.title')}
        captionHidden
        keyboardScroll
        columns={[
          t('time.within'),
          t('time.target'),
          t('time.count'),
          t('time.actual'),
          t('time.outcome'),
        ]}
        items={time.standard}
        data-testid="dashboard-time-table"
      >
        {(step) => {
          const outcome =
            step.meetsTarget === null ? 'noData' : step.meetsTarget ? 'met' : 'notMet';
          return (
            <Table.Tr key={step.days}>
              <Table.Td>
                {t('time.withinDays', { days: formatNumber(step.days, language) })}
              </Table.Td>
              <Table.Td>{formatPercent(step.targetPercent, language)}</Table.Td>
              <Table.Td>
                <FigureCell state={cellState(step.within)} />
              </Table.Td>
              <Table.Td>
                <FigureCell state={cellState(step.actualPercent)} percent />
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOURS[outcome]}>{t(`time.${outcome}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          );
        }}
      </DataTable>
    </DashboardSection>
  );
}
