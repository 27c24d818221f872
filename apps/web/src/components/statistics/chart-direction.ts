/**
 * Mantine Charts (recharts underneath) draws in SVG, which does not mirror itself: in Arabic the
 * categories run from the right (x axis reversed), the value axis stands on the right, and the
 * legend and tooltip (HTML) take the reading direction. These are the props that do it, for every
 * bar chart of the statistics screens.
 */
export function chartDirectionProps(direction: 'rtl' | 'ltr', options: { allowDecimals: boolean }) {
  const isRtl = direction === 'rtl';
  return {
    legendProps: { verticalAlign: 'bottom' as const, wrapperStyle: { direction } },
    tooltipProps: { wrapperStyle: { direction } },
    xAxisProps: { reversed: isRtl },
    yAxisProps: {
      orientation: isRtl ? ('right' as const) : ('left' as const),
      tick: {
        transform: `translate(${isRtl ? 10 : -10}, 0)`,
        fontSize: 12,
        fill: 'currentColor',
      },
      allowDecimals: options.allowDecimals,
      // Every tick gets its grid line: left to itself, the grid measures the Arabic digits as
      // taller than they are and drops a line (the label stays, the line goes).
      interval: 0,
    },
  };
}
