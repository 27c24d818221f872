/**
 * A data table that scrolls sideways on narrow screens: named by a caption above it (shown, or for
 * screen readers only where a heading already shows it) or by a label, with one column header per
 * column and, when there are no rows, one row that says so.
 */
import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column header: its text, or its text and a class (a print width, say). */
export type DataTableColumn = string | { label: string; className?: string };

/** The header row of a table: one `<th scope="col">` per column. */
export function DataTableHead({ columns }: { columns: readonly DataTableColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, index) => {
          const { label, className } = typeof column === 'string' ? { label: column } : column;
          return (
            <Table.Th key={index} scope="col" className={className}>
              {label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}

/** The one row of a table without rows, across every column. */
export function DataTableEmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>{children}</Table.Td>
    </Table.Tr>
  );
}

export interface DataTableProps<T> extends Omit<TableProps, 'children' | 'captionSide'> {
  /** Names the table; shown above it unless `captionHidden`. */
  caption?: string;
  /** The caption is for screen readers only (a heading already shows it on screen). */
  captionHidden?: boolean;
  columns: readonly DataTableColumn[];
  items: readonly T[];
  /** One `<Table.Tr>` (with its key) for an item. */
  children: (item: T, index: number) => ReactNode;
  /** Said in one row when there are no items; without it an empty table has no rows. */
  empty?: ReactNode;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  /**
   * The table is likely to scroll (a narrow column, many columns): its scrolling area takes
   * keyboard focus, named by the caption, so that it can be scrolled without a mouse (WCAG
   * 2.1.1; axe: scrollable-region-focusable).
   */
  keyboardScroll?: boolean;
}

export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  items,
  children,
  empty,
  minWidth,
  keyboardScroll = false,
  ...tableProps
}: DataTableProps<T>) {
  const viewport = keyboardScroll
    ? { viewportProps: { tabIndex: 0, role: 'region', 'aria-label': caption } }
    : undefined;
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={viewport}>
      <Table captionSide={caption && !captionHidden ? 'top' : undefined} {...tableProps}>
        {caption ? (
          captionHidden ? (
            <caption style={VISUALLY_HIDDEN}>{caption}</caption>
          ) : (
            <Table.Caption ta="start" c="gray.7">
              {caption}
            </Table.Caption>
          )
        ) : null}
        <DataTableHead columns={columns} />
        <Table.Tbody>
          {items.length === 0 && empty !== undefined ? (
            <DataTableEmptyRow columns={columns.length}>{empty}</DataTableEmptyRow>
          ) : null}
          {items.map((item, index) => children(item, index))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Hidden on screen, read by screen readers. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
