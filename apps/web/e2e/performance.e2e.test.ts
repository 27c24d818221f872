/**
 * The performance measures through the screens (issue 8). The chief prosecutor of RAM-PRO opens
 * the dashboard from the menu, asks for the last year of the demo's files, reads the clearance
 * rate and the other measures with their charts, splits them by accused sex and opens the files
 * behind the number of incoming units (only files the chief may open). The analyst reads the same
 * screen without any name (workload unnamed) and, behind a number, no file at all. The printable
 * monthly report renders every measure. Every screen passes axe-core in Arabic and English;
 * screenshots land in test-artifacts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hebronDate } from './support/api';
import {
  checkInBothLanguages,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

const DAY_MS = 86_400_000;

describe.skipIf(browserSuiteSkipReason() !== null)('the performance measures', () => {
  let browser: Browser;
  const from = hebronDate(new Date(Date.now() - 360 * DAY_MS));
  const to = hebronDate(new Date());

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the chief prosecutor reads the measures, splits them and opens the files behind a number', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'chief');
    await page.getByRole('link', { name: 'مؤشرات الأداء' }).click();
    await page.getByTestId('performance-from').waitFor();
    await page.getByTestId('performance-from').fill(from);
    await page.getByTestId('performance-to').fill(to);
    await page.getByRole('button', { name: 'عرض المؤشرات' }).click();
    const clearance = page.getByTestId('measure-clearance_rate');
    await clearance.waitFor();
    for (const code of [
      'time_to_disposition',
      'pending_age',
      'trial_date_certainty',
      'disposition_time',
      'workload',
      'detention',
      'attrition',
    ]) {
      await page.getByTestId(`measure-${code}`).waitFor();
    }
    // The demo's files of the office are counted.
    const incoming = clearance.locator('[data-row="all"] [data-column="incoming"] [data-figure]');
    expect(Number(await incoming.getAttribute('data-figure'))).toBeGreaterThan(0);
    await expect
      .poll(() => clearance.locator('.recharts-bar-rectangle path').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // The chief sees the names of the office's prosecutors in the workload.
    expect(await page.getByTestId('performance-names-hidden').count()).toBe(0);
    // Export links carry the filters.
    const csv = await page.getByTestId('export-clearance_rate-csv').getAttribute('href');
    expect(csv).toContain(`from=${from}`);
    expect(csv).toContain('format=csv');
    await checkInBothLanguages(page, 'performance-1-chief');

    // Drill down: the files behind the incoming units, each a link to its page.
    await page.getByTestId('drill-clearance_rate-incoming-all').click();
    const files = page.getByTestId('performance-files');
    await files.waitFor();
    expect(await files.locator('a[href^="/cases/"]').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'performance-2-files-ar');
    await page.keyboard.press('Escape');
    await files.waitFor({ state: 'detached' });

    // Split by accused sex: a row per sex under the total.
    await page.getByTestId('performance-split').click();
    await page.getByRole('option', { name: 'جنس المشتكى عليه' }).click();
    await page.getByRole('button', { name: 'عرض المؤشرات' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('splitBy')).toBe('accusedSex');
    await expect
      .poll(() => clearance.locator('[data-row="male"]').count(), { timeout: 15_000 })
      .toBe(1);
    await saveScreenshot(page, 'performance-3-split-ar');
    await context.close();
  });

  it('the analyst reads them without a name, and no file behind a number', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'analyst');
    await page.goto(`/statistics/performance?from=${from}&to=${to}`);
    const clearance = page.getByTestId('measure-clearance_rate');
    await clearance.waitFor();
    await page.getByTestId('performance-names-hidden').waitFor();
    const workload = page.getByTestId('measure-workload');
    expect(await workload.textContent()).not.toContain('محمود الشريف');
    await page.getByTestId('drill-clearance_rate-incoming-all').click();
    const files = page.getByTestId('performance-files');
    await files.waitFor();
    expect(await files.locator('a[href^="/cases/"]').count()).toBe(0);
    await page.getByTestId('performance-files-hidden').waitFor();
    await page.keyboard.press('Escape');
    await files.waitFor({ state: 'detached' });
    await checkInBothLanguages(page, 'performance-4-analyst');
    await context.close();
  });

  it('the monthly report renders every measure, ready to print', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'chief');
    const month = to.slice(0, 7);
    await page.goto(`/statistics/performance/report?month=${month}`);
    await page.getByTestId('performance-report').waitFor();
    expect(await page.locator('[data-testid^="measure-"]').count()).toBe(8);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('performance-report-print').isVisible()).toBe(false);
    await saveScreenshot(page, 'performance-5-report-print');
    await page.emulateMedia({ media: 'screen' });
    await checkInBothLanguages(page, 'performance-6-report');
    await context.close();
  });
});
