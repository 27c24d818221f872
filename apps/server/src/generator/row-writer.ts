/**
 * Writing generated rows inside the generation's one transaction. On a PostgreSQL server rows go
 * through `COPY … FROM STDIN` (pg-copy-streams), the fastest way in. Embedded PGlite cannot take
 * COPY FROM STDIN through a client, so there rows go in as multi-row INSERTs with parameters;
 * PostgreSQL casts each text parameter to its column's type exactly as COPY does.
 */
import type { Transaction } from 'kysely';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/schema';
import { columnsOf, type Row, type TableName } from './rows';

export interface RowWriter {
  write(table: TableName, rows: readonly Row[]): Promise<void>;
}

const SPECIAL = /[\\\n\r\t]/;

function escapeCell(cell: string): string {
  if (!SPECIAL.test(cell)) return cell;
  return cell.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/** COPY text format: tab-separated cells, `\N` for NULL, backslash escapes. */
export function copyText(rows: readonly Row[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i += 1) {
      const cell = row[i];
      line +=
        (i === 0 ? '' : '\t') + (cell === null || cell === undefined ? '\\N' : escapeCell(cell));
    }
    text += `${line}\n`;
  }
  return text;
}

/** One COPY per call, on the transaction's connection. */
export class CopyWriter implements RowWriter {
  constructor(private readonly client: pg.Client) {}

  async write(table: TableName, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = columnsOf(table).join(', ');
    const stream = this.client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => {
        resolve();
      });
      stream.on('error', reject);
    });
    // Large batches go in slices, so a slow server applies backpressure instead of the generator
    // building one enormous string.
    const SLICE = 20_000;
    for (let i = 0; i < rows.length; i += SLICE) {
      const chunk = copyText(rows.slice(i, i + SLICE));
      if (!stream.write(chunk)) {
        await new Promise<void>((resolve) => {
          stream.once('drain', () => {
            resolve();
          });
        });
      }
    }
    stream.end();
    await done;
  }
}

const BOOLEAN_COLUMNS = new Set([
  'is_disposed',
  'is_juvenile',
  'is_lead',
  'is_family_protection',
  'links_cybercrime',
  'gbv_intimate_partner',
  'gbv_child_victim',
  'gbv_early_marriage',
]);

/** Multi-row INSERTs with text parameters (PGlite), well within PostgreSQL's 65,535 parameters. */
export class InsertWriter implements RowWriter {
  constructor(private readonly trx: Transaction<Database>) {}

  async write(table: TableName, rows: readonly Row[]): Promise<void> {
    const columns = columnsOf(table);
    const flags = new Set(columns.flatMap((column, i) => (BOOLEAN_COLUMNS.has(column) ? [i] : [])));
    const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const slice = rows.slice(start, start + perStatement);
      const params: (string | boolean | null)[] = [];
      const tuples = slice.map((row) => {
        const marks = row.map((text, i) => {
          // PGlite serialises a boolean parameter from a JS boolean only; every other type
          // from its text form, as COPY reads it.
          const cell = flags.has(i) && text !== null ? text === 't' : text;
          params.push(cell);
          return `$${params.length}`;
        });
        return `(${marks.join(', ')})`;
      });
      await this.trx.executeQuery(
        CompiledQuery.raw(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          params,
        ),
      );
    }
  }
}
