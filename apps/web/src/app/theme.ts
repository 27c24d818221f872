/**
 * One calm palette: a deep "justice blue" for actions, red only for what is overdue or refused.
 * Colours were checked for WCAG AA contrast on white (axe-core runs on every screen in CI).
 */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const qadiya: MantineColorsTuple = [
  '#e8f1fb',
  '#cfdff2',
  '#9fbde5',
  '#6b99d8',
  '#437bcd',
  '#2a68c6',
  '#1c5ec4',
  '#0f4ea9',
  '#064597',
  '#003b86',
];

const fontFamily =
  "'Noto Sans Arabic', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'qadiya',
  primaryShade: 8,
  colors: { qadiya },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
});
