/**
 * One performance measure: its name, definition and source, its table (the total, then each
 * category of the split, or each person for workload), a bar chart of its counts drawn in the
 * reading direction (ADR 0013), links to download the table as CSV or Excel, and, for the figures
 * that have files behind them, a button that lists those files (only those the reader may open).
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { chartDirectionProps } from '../../components/statistics/chart-direction';
import { formatNumber, formatPercent } from '../../format/format';
import { directionOf, pick } from '../../i18n/i18n';
import { chartOf, exportHref, type PerformanceFilters } from './figures';
import { PERFORMANCE } from './messages';
import type { DrillFigure, MeasureColumn, MeasureTable } from './types';

const SERIES_COLOURS = ['qadiya.7', 'grape.8', 'teal.8'];

export interface DrillRequest {
  figure: DrillFigure;
  category: string | null;
  label: string;
}

export function FigureValue({ column, value }: { column: MeasureColumn; value: number | null }) {
  const { t } = useTranslation(PERFORMANCE);
  const language = useLanguage();
  if (value === null) {
    return (
      <Text span size="sm" c="gray.7">
        {t('measure.none')}
      </Text>
    );
  }
  return (
    <span data-figure={value}>
      {column.unit === 'percent'
        ? formatPercent(value, language)
        : formatNumber(value, language, { maximumFractionDigits: 2 })}
    </span>
  );
}

export function MeasureCard({
  table,
  filters,
  onDrill,
  printable = false,
}: {
  table: MeasureTable;
  filters: PerformanceFilters;
  /** Absent: no drill-down (the printed report). */
  onDrill?: (request: DrillRequest) => void;
  printable?: boolean;
}) {
  const { t } = useTranslation(PERFORMANCE);
  const language = useLanguage();
  const name = pick(table.labels, language);
  const chart = chartOf(table, (row) => pick(row.labels, language));
  const axes = chartDirectionProps(directionOf(language), { allowDecimals: false });
  return (
    <Paper withBorder p="md" data-testid={`measure-${table.code}`} className="performance-measure">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {name}
            </Title>
            <Text size="sm">{pick(table.definition, language)}</Text>
            <Text size="xs" c="gray.7">
              {t('measure.source', { source: table.source })}
            </Text>
          </Stack>
          {printable ? null : (
            <Group gap="xs" className="no-print">
              {(['csv', 'xlsx'] as const).map((format) => (
                <Anchor
                  key={format}
                  href={exportHref(filters, table.code, format, language)}
                  size="sm"
                  download
                  data-testid={`export-${table.code}-${format}`}
                >
                  <Group gap={4} wrap="nowrap">
                    <IconDownload size={16} aria-hidden />
                    {t(format === 'csv' ? 'measure.csv' : 'measure.xlsx')}
                  </Group>
                </Anchor>
              ))}
            </Group>
          )}
        </Group>
        <DataTable
          caption={name}
          captionHidden
          columns={[t('measure.category'), ...table.columns.map((c) => pick(c.labels, language))]}
          items={table.rows}
          minWidth={Math.max(480, 140 * (table.columns.length + 1))}
          keyboardScroll
          striped
          withTableBorder
        >
          {(row) => (
            <Table.Tr key={row.key} data-row={row.key}>
              <Table.Th scope="row">{pick(row.labels, language)}</Table.Th>
              {table.columns.map((column) => {
                const value = row.values[column.code] ?? null;
                const drill = column.drill;
                return (
                  <Table.Td key={column.code} data-column={column.code}>
                    {onDrill &&
                    drill &&
                    value !== null &&
                    value > 0 &&
                    table.code !== 'workload' ? (
                      <UnstyledButton
                        onClick={() =>
                          onDrill({
                            figure: drill,
                            category: row.key === 'all' ? null : row.key,
                            label: `${name}: ${pick(column.labels, language)} (${pick(row.labels, language)})`,
                          })
                        }
                        aria-label={t('measure.drill', {
                          value: formatNumber(value, language),
                        })}
                        style={{
                          textDecoration: 'underline',
                          color: 'var(--mantine-color-qadiya-8)',
                        }}
                        data-testid={`drill-${table.code}-${column.code}-${row.key}`}
                      >
                        <FigureValue column={column} value={value} />
                      </UnstyledButton>
                    ) : (
                      <FigureValue column={column} value={value} />
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          )}
        </DataTable>
        {chart.hasBars ? (
          <figure style={{ margin: 0 }} aria-label={t('measure.chart', { measure: name })}>
            <BarChart
              h={220}
              data={chart.data}
              dataKey="label"
              series={chart.series.map((s, i) => ({
                name: s.code,
                label: pick(s.labels, language),
                color: SERIES_COLOURS[i] ?? 'gray.7',
              }))}
              valueFormatter={(value) => formatNumber(value, language)}
              withLegend
              tickLine="y"
              accessibilityLayer={false}
              aria-hidden
              {...axes}
            />
          </figure>
        ) : null}
      </Stack>
    </Paper>
  );
}
