/**
 * What a visitor of `npm start` finds: the demo prosecutor opens the app, finds the seeded
 * referrals in the inbox and takes one to an indictment without touching the API; the judge's
 * calendar shows the seeded hearing. Runs on the same demo server as the other browser tests.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import {
  chooseSearchable,
  expectState,
  openEvent,
  selectContaining,
  submitEvent,
} from './support/case-page';
import { browserSuiteSkipReason } from './support/environment';

// The seeded referral the prosecutor takes (apps/server/src/demo/seed-demo-files.ts).
const SEEDED_SUMMARY = 'هاتف';

describe.skipIf(browserSuiteSkipReason() !== null)('the demo, as `npm start` seeds it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets the demo prosecutor take a seeded file from the inbox to an indictment', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    // Home: the seeded detention deadline comes first.
    await page.getByTestId('work-item').first().waitFor();
    await expectAccessible(page, 'demo: work queue');
    await saveScreenshot(page, 'demo-work-queue-ar');

    await page.getByRole('link', { name: 'الوارد' }).click();
    const row = page.getByTestId('inbox-row').filter({ hasText: SEEDED_SUMMARY }).first();
    await row.waitFor();
    const caseId = (await row.getAttribute('data-case-id')) ?? '';
    await page.getByTestId(`inbox-accept-${caseId}`).click();
    await page.getByTestId('inbox-accept-confirm').click();
    await expect.poll(() => page.url()).toContain(`/cases/${caseId}`);
    await expectState(page, 'مسجّل');

    await submitEvent(page, await openEvent(page, 'open_investigation'), 'open_investigation');
    const accused =
      (await page.getByTestId('section-parties').locator('tbody tr').first().textContent()) ?? '';
    expect(accused.length).toBeGreaterThan(0);
    const charge = await openEvent(page, 'add_charge');
    await charge.getByTestId('field-partyId').selectOption({ index: 1 });
    await chooseSearchable(page, charge.getByTestId('field-offenceId'), 'السرقة البسيطة');
    await submitEvent(page, charge, 'add_charge');

    const indict = await openEvent(page, 'indict');
    await selectContaining(indict.getByTestId('field-courtId'), 'محكمة صلح رام الله');
    await indict.getByRole('checkbox').first().check();
    await submitEvent(page, indict, 'indict');
    await expectState(page, 'صدرت لائحة اتهام');
    await context.close();
  });

  it('shows the judge the seeded hearing on the court calendar', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'judge');
    await page.getByRole('link', { name: 'جدول الجلسات' }).click();
    // The hearing is on the next working day: step forward a day at a time until it shows.
    await page.getByTestId('calendar-court').waitFor();
    let found = false;
    for (let day = 0; day < 10 && !found; day += 1) {
      await page.getByTestId('calendar-next').click();
      await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
      found = (await page.getByTestId('calendar-hearing').count()) > 0;
    }
    expect(found).toBe(true);
    await expectAccessible(page, 'demo: judge calendar');
    await saveScreenshot(page, 'demo-judge-calendar-ar');
    await context.close();
  });
});
