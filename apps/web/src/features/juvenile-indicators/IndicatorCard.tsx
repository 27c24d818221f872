/**
 * One indicator: its value in its unit, the rate per 100,000 children or the numerator and
 * denominator of a percentage, the time standard where it has one, and the breakdown by sex and
 * age band as a table and as a bar chart.
 */
import { Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { formatNumber, formatPercent } from '../../format/format';
import { pick } from '../../i18n/i18n';
import { BreakdownChart } from './BreakdownChart';
import {
  breakdownGrid,
  chartRows,
  formatRate,
  formatRatio,
  formatValue,
  standardRows,
  type NumberText,
  type StandardOutcome,
} from './figures';
import { JUVENILE_INDICATORS } from './messages';
import type { ChildAgeBand, Indicator } from './types';

// Filled with white text: shades with WCAG AA contrast (the audit screen's green).
const OUTCOME_COLOURS: Record<StandardOutcome, string> = {
  met: '#1b5e20',
  notMet: 'red.9',
  noData: 'gray.7',
};

export function useNumberText(): NumberText {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const language = useLanguage();
  return {
    number: (value, fractionDigits = 0) =>
      formatNumber(value, language, { maximumFractionDigits: fractionDigits }),
    percent: (value) => formatPercent(value, language),
    days: (value) => t('indicator.days', { value }),
    ratio: (numerator, denominator) => t('indicator.ratioValue', { numerator, denominator }),
  };
}

/** "١٢–١٣" in the user's digits, or the words for an unknown age. */
export function useAgeBandLabel() {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const language = useLanguage();
  return (band: ChildAgeBand) => {
    if (band === 'unknown') return t('ageBand.unknown');
    const [low = 0, high = 0] = band.split('_').map(Number);
    return `${formatNumber(low, language)}–${formatNumber(high, language)}`;
  };
}

export function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const language = useLanguage();
  const text = useNumberText();
  const bandLabel = useAgeBandLabel();
  const name = pick(indicator.labels, language);
  const titleId = `indicator-${indicator.code}-title`;
  const value = formatValue(indicator.unit, indicator.value, text);
  const ratio = formatRatio(indicator.numerator, indicator.denominator, text);
  const grid = breakdownGrid(indicator.breakdown);
  const cellText = (v: number | null) => formatValue(indicator.unit, v, text) ?? '—';
  const chartFormat = (v: number) => cellText(v);

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={titleId}
      data-testid={`indicator-${indicator.code}`}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {name}
        </Title>
        <Group gap="xl" wrap="wrap" align="flex-end">
          <Figure
            label={indicator.unit === 'days' ? t('indicator.mean') : t('indicator.value')}
            value={value}
            testId="indicator-value"
            large
          />
          {indicator.median !== null ? (
            <Figure
              label={t('indicator.median')}
              value={formatValue('days', indicator.median, text)}
            />
          ) : null}
          {indicator.ratePer100k !== null ? (
            <Figure label={t('indicator.rate')} value={formatRate(indicator.ratePer100k, text)} />
          ) : null}
          {ratio !== null ? <Figure label={t('indicator.ratio')} value={ratio} /> : null}
        </Group>

        {indicator.standard && indicator.standard.length > 0 ? (
          <DataTable
            minWidth={320}
            caption={t('standard.caption')}
            columns={[
              t('standard.within'),
              t('standard.target'),
              t('standard.actual'),
              t('standard.outcome'),
            ]}
            items={standardRows(indicator.standard)}
            data-testid="indicator-standard"
          >
            {(row) => (
              <Table.Tr key={row.days}>
                <Table.Td>{t('standard.withinDays', { days: text.number(row.days) })}</Table.Td>
                <Table.Td>{text.percent(row.targetPercent)}</Table.Td>
                <Table.Td>
                  {row.actualPercent === null ? '—' : text.percent(row.actualPercent)}
                </Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[row.outcome]} variant="filled">
                    {t(`standard.${row.outcome}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            )}
          </DataTable>
        ) : null}

        <Grid gap="md" align="center">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <DataTable
              minWidth={300}
              caption={t('breakdown.caption', { indicator: name })}
              columns={[t('breakdown.ageBand'), ...grid.sexes.map((sex) => t(`sex.${sex}`))]}
              items={grid.ageBands}
              striped
              data-testid="indicator-breakdown"
            >
              {(band) => (
                <Table.Tr key={band}>
                  <Table.Th scope="row" fw={500}>
                    {bandLabel(band)}
                  </Table.Th>
                  {grid.sexes.map((sex) => {
                    const cell = grid.cell(sex, band);
                    // A percentage's cases, when there were any: "50% (1 of 2)".
                    const cellRatio =
                      indicator.unit === 'percent' && cell && cell.value !== null
                        ? formatRatio(cell.numerator, cell.denominator, text)
                        : null;
                    return (
                      <Table.Td key={sex}>
                        {cellText(cell?.value ?? null)}
                        {cellRatio !== null ? (
                          <Text span size="xs" c="gray.7" ms={6}>
                            ({cellRatio})
                          </Text>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              )}
            </DataTable>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <BreakdownChart
              grid={grid}
              rows={chartRows(grid, bandLabel)}
              unit={indicator.unit}
              format={chartFormat}
              indicatorName={name}
            />
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}

function Figure({
  label,
  value,
  large = false,
  testId,
}: {
  label: string;
  value: string | null;
  large?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size={large ? 'xl' : 'md'} data-testid={testId}>
        {value ?? t('indicator.noValue')}
      </Text>
    </div>
  );
}
