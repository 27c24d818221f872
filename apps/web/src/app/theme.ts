/**
 * One calm palette: a deep "justice blue" for actions, red only for what is overdue or refused.
 * Colours were checked for WCAG AA contrast on white (axe-core runs on every screen in CI).
 */
import {
  createTheme,
  Drawer,
  mergeThemeOverrides,
  Modal,
  MultiSelect,
  Notification,
  Select,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

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

/**
 * Mantine's "dimmed" grey (gray.6) is about 3.3:1 on white, below WCAG AA for small text such as
 * the Hijri date and input descriptions; gray.7 passes. Its error red (red.6, for field errors) is
 * below AA too; red.9 passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/**
 * Component defaults that need words: the close button of every dialog gets an accessible name in
 * the current language (Mantine's has none), and so does the clear button of every select.
 */
export function themeFor(closeLabel: string, clearLabel: string) {
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
        Notification: Notification.extend({
          defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
        }),
        Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': clearLabel } } }),
        MultiSelect: MultiSelect.extend({
          defaultProps: { clearButtonProps: { 'aria-label': clearLabel } },
        }),
      },
    }),
  );
}
