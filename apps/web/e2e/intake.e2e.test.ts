/**
 * Intake in a real browser, end to end: the police investigator registers a police report with a
 * new suspect and a new victim through the register screen; the report is referred to the
 * prosecution (through the API: the case page is another screen's work); the prosecutor finds the
 * referred file in the inbox, accepts it and lands on the file; the home work queue and the person
 * page render. Every screen is checked with axe-core and saved in Arabic and in English.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  apiRequest,
  fireEvent,
  hebronDate,
  institutionIdByCode,
  type Json,
  waitForInbox,
} from './support/api';
import {
  checkInBothLanguages,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

const CASE_URL = /\/cases\/([0-9a-f-]{36})$/;

interface NewPerson {
  first: string;
  father: string;
  grandfather: string;
  family: string;
  sex: 'female' | 'male';
  dateOfBirth: string;
}

async function addNewParty(page: Page, button: string, person: NewPerson, screenshot?: string) {
  await page.getByTestId(button).click();
  await page.getByTestId('person-first-name').fill(person.first);
  await page.getByTestId('person-father-name').fill(person.father);
  await page.getByTestId('person-grandfather-name').fill(person.grandfather);
  await page.getByTestId('person-family-name').fill(person.family);
  await page.getByTestId('person-sex').selectOption(person.sex);
  await page.getByTestId('person-date-of-birth').fill(person.dateOfBirth);
  if (screenshot) {
    await expectAccessible(page, screenshot);
    await saveScreenshot(page, screenshot);
  }
  await page.getByTestId('person-save').click();
  await page.getByTestId('person-save').waitFor({ state: 'detached' });
}

describe.skipIf(browserSuiteSkipReason() !== null)('intake: register, refer, accept', () => {
  let browser: Browser;
  const suffix = randomBytes(3).toString('hex');
  const suspect: NewPerson = {
    first: 'سامر',
    father: 'خالد',
    grandfather: 'يوسف',
    family: `العلي${suffix}`,
    sex: 'male',
    dateOfBirth: '1994-03-02',
  };
  const victim: NewPerson = {
    first: 'منى',
    father: 'عادل',
    grandfather: 'حسن',
    family: `النجار${suffix}`,
    sex: 'female',
    dateOfBirth: '1988-11-20',
  };
  let reportId = '';
  let prosecutionFileId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets the investigator register a police report with a new suspect and victim', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'investigator');
    await page.goto('/cases/new');
    await page.getByTestId('register-case-type').waitFor();
    const yesterday = hebronDate(new Date(Date.now() - 86_400_000));
    await page.getByTestId('register-incident-date').fill(yesterday);
    await page.getByTestId('register-summary').fill(`سرقة هاتف محمول من محل في البيرة ${suffix}`);
    await addNewParty(page, 'party-add-suspect', suspect, 'register-person-ar');
    await addNewParty(page, 'party-add-victim', victim);
    await expect.poll(() => page.getByTestId('register-party').count()).toBe(2);
    await checkInBothLanguages(page, 'register');

    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(CASE_URL);
    reportId = CASE_URL.exec(page.url())?.[1] ?? '';

    const token = await apiLogin('investigator');
    const report = await apiRequest(token, 'GET', `/cases/${reportId}`);
    expect(report.caseType).toBe('police_report');
    expect((report.parties as Json[]).map((p) => p.role).sort()).toEqual(['accused', 'victim']);
    await context.close();
  });

  it('lets the prosecutor accept the referred file from the inbox', async () => {
    // The referral itself, through the API (the case page is tested on its own).
    const investigator = await apiLogin('investigator');
    const office = await institutionIdByCode(investigator, 'RAM-PRO');
    const report = await apiRequest(investigator, 'GET', `/cases/${reportId}`);
    const started = await fireEvent(investigator, report, 'start_evidence_gathering');
    await fireEvent(investigator, started, 'refer_to_prosecution', {
      prosecutionOfficeId: office,
    });

    // The outbox worker delivers the referral within about a second.
    const prosecutor = await apiLogin('prosecutor');
    prosecutionFileId = (await waitForInbox(prosecutor, report.matterId as string)).id as string;
    expect(prosecutionFileId).not.toBe('');

    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto('/inbox');
    const row = page.locator(`[data-testid="inbox-row"][data-case-id="${prosecutionFileId}"]`);
    await row.waitFor();
    await checkInBothLanguages(page, 'inbox');

    await page.getByTestId(`inbox-accept-${prosecutionFileId}`).click();
    await page.getByTestId('inbox-accept-confirm').waitFor();
    await expectAccessible(page, 'inbox accept dialog');
    await saveScreenshot(page, 'inbox-accept-ar');
    await page.getByTestId('inbox-accept-confirm').click();
    await expect.poll(() => page.url()).toContain(`/cases/${prosecutionFileId}`);

    const accepted = await apiRequest(prosecutor, 'GET', `/cases/${prosecutionFileId}`);
    expect(accepted.intakeStatus).toBe('accepted');
    expect(accepted.reference).toMatch(/^RAM-PRO\//);

    // Home: the work queue renders (items or the empty state).
    await page.goto('/');
    await page
      .locator('[data-testid="work-item"], [data-testid="work-queue-empty"]')
      .first()
      .waitFor();
    await checkInBothLanguages(page, 'work-queue');
    await context.close();
  });

  it('shows the suspect’s files on the person page, as far as each reader may see', async () => {
    const prosecutor = await apiLogin('prosecutor');
    const found = await apiRequest(
      prosecutor,
      'GET',
      `/persons?q=${encodeURIComponent(suspect.family)}`,
    );
    expect(found.items).toHaveLength(1);
    const personId = (found.items as Json[])[0]?.id as string;

    // The prosecutor sees the prosecution file, not the police report of another institution.
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto(`/persons/${personId}`);
    await page.getByTestId('person-files').waitFor();
    const files = page.locator('[data-testid="person-file"]');
    await expect.poll(() => files.count()).toBe(1);
    expect(await files.first().getAttribute('data-case-id')).toBe(prosecutionFileId);
    await checkInBothLanguages(page, 'person');
    await context.close();

    // The investigator sees the police report they registered.
    const investigatorPage = await newUserPage(browser);
    await signIn(investigatorPage.page, 'investigator');
    await investigatorPage.page.goto(`/persons/${personId}`);
    const theirs = investigatorPage.page.locator('[data-testid="person-file"]');
    await expect.poll(() => theirs.count()).toBe(1);
    expect(await theirs.first().getAttribute('data-case-id')).toBe(reportId);
    await investigatorPage.context.close();
  });
});
