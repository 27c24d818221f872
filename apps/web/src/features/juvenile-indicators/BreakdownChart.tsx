/**
 * The breakdown of one indicator as grouped bars: one group per age band, one bar per sex, drawn
 * in the reading direction (chart-direction.ts). Tick labels and values use the user's digits.
 * The chart repeats the table beside it, which is what screen readers get. With no value above
 * zero there is no bar to draw, and a sentence takes the chart's place.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { chartDirectionProps } from '../../components/statistics/chart-direction';
import { directionOf } from '../../i18n/i18n';
import { hasBars, type BreakdownGrid, type ChartRow } from './figures';
import { JUVENILE_INDICATORS } from './messages';
import type { IndicatorUnit, Sex } from './types';

/** Distinct hues that keep 3:1 contrast on white (WCAG 1.4.11 for graphics). */
const SEX_COLOURS: Record<Sex, string> = {
  female: 'grape.8',
  male: 'qadiya.6',
  unknown: 'gray.7',
};

export function BreakdownChart({
  grid,
  rows,
  unit,
  format,
  indicatorName,
}: {
  grid: BreakdownGrid;
  rows: ChartRow[];
  unit: IndicatorUnit;
  format: (value: number) => string;
  indicatorName: string;
}) {
  const { t } = useTranslation(JUVENILE_INDICATORS);
  const axes = chartDirectionProps(directionOf(useLanguage()), { allowDecimals: unit !== 'count' });
  if (!hasBars(rows)) {
    return (
      <Center mih={120} data-testid="indicator-no-chart">
        <Text size="sm" c="gray.7">
          {t('breakdown.noBars')}
        </Text>
      </Center>
    );
  }
  return (
    <figure style={{ margin: 0 }} aria-label={t('breakdown.chart', { indicator: indicatorName })}>
      <BarChart
        h={240}
        data={rows}
        dataKey="band"
        series={grid.sexes.map((sex) => ({
          name: sex,
          label: t(`sex.${sex}`),
          color: SEX_COLOURS[sex],
        }))}
        valueFormatter={format}
        withLegend
        tickLine="y"
        // The table beside the chart carries the same figures to screen readers and keyboards.
        accessibilityLayer={false}
        aria-hidden
        {...axes}
        yAxisProps={{
          ...axes.yAxisProps,
          ...(unit === 'percent' ? { domain: [0, 100] } : {}),
        }}
      />
    </figure>
  );
}
