/**
 * One measure's table as a file (issue 8: CSV and XLSX of any table): the same table the API
 * answers (same scope rules, same access, same figures), with its labels in the reader's language.
 * CSV is UTF-8 with a byte-order mark, so that spreadsheet programs read the Arabic; XLSX is
 * written by exceljs, right to left in Arabic, with the measure's definition and source below the
 * table.
 */
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../use-case-context';
import { computeMeasure } from './get-performance-measures';
import { resolvePerformanceScope } from './performance-scope';
import type { MeasureTable, PerformanceExportQuery } from './performance.schemas';

type Lang = 'ar' | 'en';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The table as rows of cells: a header, then one row per table row. */
export function tableCells(table: MeasureTable, lang: Lang): (string | number | null)[][] {
  return [
    [lang === 'ar' ? 'الفئة' : 'Category', ...table.columns.map((c) => c.labels[lang])],
    ...table.rows.map((row) => [
      row.labels[lang],
      ...table.columns.map((c) => row.values[c.code] ?? null),
    ]),
  ];
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what needs it, and neutralise formulas (=, +, -, @ at the start of a text).
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: MeasureTable, lang: Lang): string {
  return (
    '\uFEFF' +
    tableCells(table, lang)
      .map((row) => row.map(csvField).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

export async function toXlsx(table: MeasureTable, lang: Lang, caption: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Qadiya';
  const sheet = workbook.addWorksheet(table.code, {
    views: [{ rightToLeft: lang === 'ar' }],
  });
  sheet.addRow([table.labels[lang]]).font = { bold: true, size: 14 };
  sheet.addRow([caption]);
  sheet.addRow([]);
  const cells = tableCells(table, lang);
  cells.forEach((row, index) => {
    const added = sheet.addRow(row);
    if (index === 0) added.font = { bold: true };
  });
  table.columns.forEach((column, i) => {
    if (column.unit === 'percent' || column.unit === 'days' || column.unit === 'ratio') {
      sheet.getColumn(i + 2).numFmt = '0.00';
    }
  });
  sheet.getColumn(1).width = 36;
  for (let i = 2; i <= table.columns.length + 1; i++) sheet.getColumn(i).width = 18;
  sheet.addRow([]);
  sheet.addRow([table.definition[lang]]);
  sheet.addRow([table.source]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportPerformanceTable(
  ctx: UseCaseContext,
  input: PerformanceExportQuery,
): Promise<ExportedFile> {
  const lang: Lang = input.lang ?? 'ar';
  const resolved = await resolvePerformanceScope(ctx, input);
  const table = await computeMeasure(
    ctx,
    input.measure,
    resolved.scope,
    resolved.days,
    resolved.namesShown,
  );
  const where =
    resolved.institutions.map((i) => (lang === 'ar' ? i.name_ar : i.name_en)).join('، ') ||
    (lang === 'ar' ? 'كل المؤسسات' : 'All institutions');
  const caption = `${where}: ${input.from} – ${input.to}`;
  const baseName = `${input.measure}_${input.from}_${input.to}`;
  if (input.format === 'csv') {
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(toCsv(table, lang), 'utf8'),
    };
  }
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(table, lang, caption),
  };
}
