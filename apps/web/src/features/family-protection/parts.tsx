/**
 * The pieces of the family protection dashboard: a cell (a number in the user's digits, a
 * withheld small cell said in words to screen readers and shown as a dash explained above the
 * figures, or "n/a"), a table of counts with a column per category of the split, and a bar chart
 * of the same counts drawn in the reading direction. A chart repeats its table, which is what
 * screen readers and keyboards get.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Center, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { chartDirectionProps } from '../../components/statistics/chart-direction';
import { formatNumber, formatPercent } from '../../format/format';
import { directionOf, pick } from '../../i18n/i18n';
import {
  categoryCell,
  categoryName,
  cellState,
  hasBars,
  type CellState,
  type ChartRow,
} from './figures';
import { FAMILY_DASHBOARD } from './messages';
import type { Category, Cell } from './types';

/** Distinct hues that keep 3:1 contrast on white (WCAG 1.4.11 for graphics), one per category. */
const SERIES_COLOURS = [
  'qadiya.7',
  'grape.8',
  'teal.8',
  'orange.9',
  'indigo.7',
  'red.8',
  'cyan.9',
  'lime.9',
  'pink.8',
  'violet.8',
  'gray.7',
];

export function useCategoryName() {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  return (category: Category) =>
    categoryName(category, {
      number: (value) => formatNumber(value, language),
      under: (age) => t('ageBand.under', { age }),
      andOver: (age) => t('ageBand.andOver', { age }),
      server: (c) => pick(c.labels, language),
    });
}

/** One figure: a count, or a percentage with `percent`. */
export function FigureCell({ state, percent = false }: { state: CellState; percent?: boolean }) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  switch (state.kind) {
    case 'value':
      return (
        <span data-figure={state.value}>
          {percent ? formatPercent(state.value, language) : formatNumber(state.value, language)}
        </span>
      );
    case 'suppressed':
      return (
        <span data-suppressed="true">
          <span aria-hidden>—</span>
          <VisuallyHidden>{t('cell.withheld')}</VisuallyHidden>
        </span>
      );
    case 'none':
      return (
        <Text span size="sm" c="gray.7">
          {t('cell.none')}
        </Text>
      );
  }
}

/** A figure in large type, with its label above it. */
export function Figure({ label, cell, testId }: { label: string; cell: Cell; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        <FigureCell state={cellState(cell)} />
      </Text>
    </div>
  );
}

export interface CountRow {
  key: string;
  label: ReactNode;
  cell: Cell;
  /** Cells after the total (percentages, statuses), under `extraColumns`. */
  extra?: ReactNode[];
}

/** Rows of counts: the total, the extra columns, then one column per category of the split. */
export function CountTable({
  caption,
  firstColumn,
  extraColumns = [],
  rows,
  categories,
  testId,
  captionHidden = false,
}: {
  caption: string;
  /** The section's heading already says what the table is. */
  captionHidden?: boolean;
  firstColumn: string;
  extraColumns?: string[];
  rows: CountRow[];
  categories: readonly Category[];
  testId?: string;
}) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const name = useCategoryName();
  const columns = [firstColumn, t('total'), ...extraColumns, ...categories.map(name)];
  return (
    <DataTable
      caption={caption}
      captionHidden={captionHidden}
      keyboardScroll
      columns={columns}
      items={rows}
      striped
      minWidth={Math.max(320, columns.length * 110)}
      data-testid={testId}
    >
      {(row) => (
        <Table.Tr key={row.key} data-row={row.key}>
          <Table.Th scope="row" fw={500}>
            {row.label}
          </Table.Th>
          <Table.Td>
            <FigureCell state={cellState(row.cell)} />
          </Table.Td>
          {(row.extra ?? []).map((cell, index) => (
            <Table.Td key={index}>{cell}</Table.Td>
          ))}
          {categories.map((category) => (
            <Table.Td key={category.code}>
              <FigureCell state={categoryCell(row.cell, category.code)} />
            </Table.Td>
          ))}
        </Table.Tr>
      )}
    </DataTable>
  );
}

/** The counts of a table as bars: one bar per row, or one per category of the split, stacked. */
export function CountChart({
  rows,
  categories,
  what,
  series,
}: {
  rows: ChartRow[];
  categories: readonly Category[];
  /** What the chart shows, for its name. */
  what: string;
  /** Series other than the total or the categories (a status per service, say). */
  series?: { key: string; label: string }[];
}) {
  const { t } = useTranslation(FAMILY_DASHBOARD);
  const language = useLanguage();
  const name = useCategoryName();
  const axes = chartDirectionProps(directionOf(language), { allowDecimals: false });
  if (!hasBars(rows)) {
    return (
      <Center mih={80} data-testid="dashboard-no-chart">
        <Text size="sm" c="gray.7">
          {t('chart.noBars')}
        </Text>
      </Center>
    );
  }
  const drawn =
    series ??
    (categories.length > 0
      ? categories.map((c) => ({ key: c.code, label: name(c) }))
      : [{ key: 'total', label: t('total') }]);
  return (
    <figure style={{ margin: 0 }} aria-label={t('chart.label', { what })}>
      <BarChart
        h={260}
        data={rows}
        dataKey="label"
        type={drawn.length > 1 ? 'stacked' : 'default'}
        series={drawn.map((s, index) => ({
          name: s.key,
          label: s.label,
          color: SERIES_COLOURS[index % SERIES_COLOURS.length] ?? 'gray.7',
        }))}
        valueFormatter={(value) => formatNumber(value, language)}
        withLegend={drawn.length > 1}
        tickLine="y"
        accessibilityLayer={false}
        aria-hidden
        {...axes}
      />
    </figure>
  );
}

/** A part of the dashboard: its heading, a sentence, and its figures. */
export function DashboardSection({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={`${id}-title`}>
            {title}
          </Title>
          {hint ? (
            <Text size="sm" c="gray.7">
              {hint}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
