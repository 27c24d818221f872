/**
 * The whole journey of a file in Arabic, through the screens only (no API calls): a police
 * investigator registers a report with a suspect and a victim and refers it; a prosecutor accepts
 * it, records an arrest, a detention order and its extension, charges and indicts; a court clerk
 * accepts the court file and schedules a hearing; the judge adjourns it and then gives judgment.
 * A user of another institution is refused the file, every screen passes axe-core, and the English
 * switch turns the layout left to right. Screenshots of each screen land in test-artifacts.
 */
import type { Browser, Page } from 'playwright-core';
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
  localInput,
  openEvent,
  selectContaining,
  submitEvent,
  workingDayAt10,
} from './support/case-page';
import { browserSuiteSkipReason } from './support/environment';

const CASE_URL = /\/cases\/([0-9a-f-]{36})$/;
const suffix = Date.now().toString(36).slice(-5);
const SUSPECT_FAMILY = `الحلبي${suffix}`;
const VICTIM_FAMILY = `العمري${suffix}`;
const SUMMARY = `اعتداء بالضرب في سوق البيرة (${suffix})`;

async function addNewPerson(page: Page, button: string, names: string[], sex: string) {
  await page.getByTestId(button).click();
  const [first, father, grandfather, family] = names;
  await page.getByTestId('person-first-name').fill(first ?? '');
  await page.getByTestId('person-father-name').fill(father ?? '');
  await page.getByTestId('person-grandfather-name').fill(grandfather ?? '');
  await page.getByTestId('person-family-name').fill(family ?? '');
  await page.getByTestId('person-sex').selectOption(sex);
  await page.getByTestId('person-date-of-birth').fill('1990-05-14');
  await page.getByTestId('person-save').click();
  await page.getByTestId('person-save').waitFor({ state: 'detached' });
}

/** Accepts the file of the matter from the inbox (reloading until the referral arrives). */
async function acceptFromInboxScreen(page: Page, screenshot: string): Promise<string> {
  await page.goto('/inbox');
  const row = page.getByTestId('inbox-row').filter({ hasText: SUMMARY }).first();
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        await page.reload();
        await page
          .getByTestId(/inbox-row|inbox-empty/)
          .first()
          .waitFor();
        return (await row.count()) > 0;
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toBe(true);
  await expectAccessible(page, screenshot);
  await saveScreenshot(page, screenshot);
  const caseId = (await row.getAttribute('data-case-id')) ?? '';
  await page.getByTestId(`inbox-accept-${caseId}`).click();
  await page.getByTestId('inbox-accept-confirm').click();
  await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(CASE_URL);
  await page.getByTestId('case-header').waitFor();
  return caseId;
}

describe.skipIf(browserSuiteSkipReason() !== null)('a file from police report to judgment', () => {
  let browser: Browser;
  let courtCaseId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the investigator registers a report with a suspect and a victim and refers it', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'investigator');
    await page.getByRole('link', { name: 'تسجيل ملف' }).click();
    await page.getByTestId('register-case-type').waitFor();
    await page.getByTestId('register-incident-date').fill(localInput(new Date()).slice(0, 10));
    await page.getByTestId('register-summary').fill(SUMMARY);
    await addNewPerson(page, 'party-add-suspect', ['سامي', 'محمود', 'علي', SUSPECT_FAMILY], 'male');
    await addNewPerson(page, 'party-add-victim', ['ريم', 'خالد', 'يوسف', VICTIM_FAMILY], 'female');
    await expectAccessible(page, 'journey: register');
    await saveScreenshot(page, 'journey-1-register-ar');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(CASE_URL);
    await expectState(page, 'مُبلّغ عنه');
    expect(await page.getByTestId('section-parties').textContent()).toContain(VICTIM_FAMILY);

    await submitEvent(
      page,
      await openEvent(page, 'start_evidence_gathering'),
      'start_evidence_gathering',
    );
    const refer = await openEvent(page, 'refer_to_prosecution');
    await selectContaining(refer.getByTestId('field-prosecutionOfficeId'), 'نيابة رام الله');
    await submitEvent(page, refer, 'refer_to_prosecution');
    await expectState(page, 'محال إلى النيابة');
    await expectAccessible(page, 'journey: police report');
    await saveScreenshot(page, 'journey-2-police-report-ar');
    await context.close();
  });

  it('the prosecutor accepts it, detains the suspect, extends the detention and indicts', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await acceptFromInboxScreen(page, 'journey-3-inbox-ar');
    await expectState(page, 'مسجّل');

    await submitEvent(page, await openEvent(page, 'open_investigation'), 'open_investigation');
    await expectState(page, 'قيد التحقيق');

    const arrest = await openEvent(page, 'arrest');
    await selectContaining(arrest.getByTestId('field-partyId'), SUSPECT_FAMILY);
    await arrest
      .getByTestId('field-arrestedAt')
      .fill(localInput(new Date(Date.now() - 2 * 3_600_000)));
    await arrest.getByTestId('field-place').fill('نظارة شرطة رام الله');
    await submitEvent(page, arrest, 'arrest');

    const order = await openEvent(page, 'order_detention');
    await order.getByTestId('field-detentionId').selectOption({ index: 1 });
    await order.getByTestId('field-duration').fill('48');
    await order.getByTestId('field-reason').fill('خشية التأثير على الشهود');
    await submitEvent(page, order, 'order_detention');

    const extension = await openEvent(page, 'extend_detention');
    await extension.getByTestId('field-detentionId').selectOption({ index: 1 });
    await extension.getByTestId('field-duration').fill('15');
    await extension.getByTestId('field-reason').fill('قرار محكمة الصلح بتمديد التوقيف');
    await submitEvent(page, extension, 'extend_detention');
    await page.getByTestId('detention-expiry').first().waitFor();

    const charge = await openEvent(page, 'add_charge');
    await selectContaining(charge.getByTestId('field-partyId'), SUSPECT_FAMILY);
    await chooseSearchable(page, charge.getByTestId('field-offenceId'), 'الإيذاء البسيط');
    await submitEvent(page, charge, 'add_charge');

    const indict = await openEvent(page, 'indict');
    await selectContaining(indict.getByTestId('field-courtId'), 'محكمة صلح رام الله');
    await indict.getByRole('checkbox').first().check();
    await expectAccessible(page, 'journey: indictment form');
    await saveScreenshot(page, 'journey-4-indictment-form-ar');
    await submitEvent(page, indict, 'indict');
    await expectState(page, 'صدرت لائحة اتهام');
    await expectAccessible(page, 'journey: prosecution file');
    await saveScreenshot(page, 'journey-5-prosecution-file-ar');
    await context.close();
  });

  it('the clerk accepts the court file and schedules a hearing', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'clerk');
    courtCaseId = await acceptFromInboxScreen(page, 'journey-6-court-inbox-ar');

    const schedule = await openEvent(page, 'schedule_hearing');
    await schedule.getByTestId('field-startsAt').fill(workingDayAt10(3));
    await schedule.getByTestId('field-room').fill('قاعة 2');
    await schedule.getByRole('checkbox', { name: 'ليلى حمدان' }).check();
    await submitEvent(page, schedule, 'schedule_hearing');
    await expectState(page, 'محددة للجلسة');
    await page.getByTestId('section-hearings').getByText('ليلى حمدان').waitFor();
    await context.close();
  });

  it('the judge adjourns the hearing, then gives judgment', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'judge');
    await page.goto(`/cases/${courtCaseId}`);
    await page.getByTestId('case-header').waitFor();

    const adjourn = await openEvent(page, 'adjourn_hearing');
    await adjourn.getByTestId('field-hearingId').selectOption({ index: 1 });
    await adjourn.getByTestId('field-reasonCode').selectOption('witness_absent');
    await adjourn.getByTestId('field-nextStartsAt').fill(workingDayAt10(10));
    await submitEvent(page, adjourn, 'adjourn_hearing');
    await expectState(page, 'محددة للجلسة');

    const judgment = await openEvent(page, 'record_judgment');
    await judgment
      .getByTestId('field-pronouncedAt')
      .fill(localInput(new Date(Date.now() - 60_000)));
    await judgment.getByTestId('field-judgments.0.outcome').selectOption('convicted');
    await judgment.getByTestId('field-judgments.0.custodialMonths').fill('3');
    await expectAccessible(page, 'journey: judgment form');
    await saveScreenshot(page, 'journey-7-judgment-form-ar');
    await submitEvent(page, judgment, 'record_judgment');
    await expectState(page, 'صدر الحكم - مدة الاستئناف');
    await expectAccessible(page, 'journey: court case');
    await saveScreenshot(page, 'journey-8-court-case-ar');

    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectState(page, 'Judgment given: appeal window');
    await expectAccessible(page, 'journey: court case (en)');
    await saveScreenshot(page, 'journey-9-court-case-en');
    await context.close();
  });

  it('refuses the file to a user of another institution', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'counsellor');
    await page.goto(`/cases/${courtCaseId}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('case-header').count()).toBe(0);
    expect(await page.content()).not.toContain(SUSPECT_FAMILY);
    await expectAccessible(page, 'journey: refused');
    await saveScreenshot(page, 'journey-10-refused-ar');
    await context.close();
  });
});
