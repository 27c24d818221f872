/**
 * The court calendar in a real browser. A court file with a scheduled hearing is built through the
 * API as the demo users (police report → prosecution file → indictment to the Ramallah Magistrate
 * Court → the clerk accepts and schedules a hearing with the demo judge); then the clerk finds the
 * hearing on its day in the calendar, in the week view, and on the printable cause list. Both
 * screens pass axe and are saved in Arabic and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptFromInbox,
  apiLogin,
  apiRequest,
  fireEvent,
  hebronDate,
  institutionIdByCode,
  type Json,
} from './support/api';
import {
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
  switchLanguage,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

interface ScheduledHearing {
  courtCaseId: string;
  number: string;
  day: string;
  daysAhead: number;
}

async function courtFileWithHearing(): Promise<ScheduledHearing> {
  const investigator = await apiLogin('investigator');
  const prosecutor = await apiLogin('prosecutor');
  const clerk = await apiLogin('clerk');
  const [police, prosecution, court] = await Promise.all([
    institutionIdByCode(investigator, 'RAM-POL'),
    institutionIdByCode(investigator, 'RAM-PRO'),
    institutionIdByCode(investigator, 'RAM-MAG'),
  ]);
  const person = await apiRequest(investigator, 'POST', '/persons', {
    firstNameAr: 'سامر',
    fatherNameAr: 'خالد',
    familyNameAr: 'العلي',
    nameLatin: 'Samer Khaled al-Ali',
    sex: 'male',
    dateOfBirth: '1988-03-02',
  });

  let report = await apiRequest(investigator, 'POST', '/cases', {
    caseType: 'police_report',
    institutionId: police,
    summary: 'سرقة هاتف من محل تجاري',
  });
  report = await fireEvent(investigator, report, 'add_party', {
    personId: person.id,
    role: 'accused',
  });
  report = await fireEvent(investigator, report, 'start_evidence_gathering', {});
  report = await fireEvent(investigator, report, 'refer_to_prosecution', {
    prosecutionOfficeId: prosecution,
  });

  let file = await acceptFromInbox(prosecutor, report.matterId as string);
  file = await fireEvent(prosecutor, file, 'open_investigation', {});
  const offences = await apiRequest(prosecutor, 'GET', '/offences?class=misdemeanour&limit=1');
  const accused = (file.parties as Json[]).find((p) => p.role === 'accused');
  file = await fireEvent(prosecutor, file, 'add_charge', {
    partyId: accused?.id,
    offenceId: (offences.items as Json[])[0]?.id,
  });
  file = await fireEvent(prosecutor, file, 'indict', {
    courtId: court,
    chargeIds: (file.charges as Json[]).map((c) => c.id),
  });

  let courtCase = await acceptFromInbox(clerk, report.matterId as string);
  courtCase = await apiRequest(clerk, 'GET', `/cases/${courtCase.id as string}`);
  const judge = (courtCase.team as Json[]).find((m) => m.role === 'judge');
  const daysAhead = 2;
  const day = hebronDate(new Date(Date.now() + daysAhead * 86_400_000));
  courtCase = await fireEvent(clerk, courtCase, 'schedule_hearing', {
    startsAt: `${day}T07:30:00Z`,
    durationMinutes: 45,
    room: 'قاعة 1',
    judgeIds: [judge?.userId],
  });
  return {
    courtCaseId: courtCase.id as string,
    number: courtCase.number as string,
    day,
    daysAhead,
  };
}

const hearingRow = (page: Page, caseId: string) =>
  page.locator(`[data-testid="calendar-hearing"][data-case-id="${caseId}"]`);

/** Waits for the screen's data (no loader left), then for the hearing's row. */
async function showsHearing(page: Page, caseId: string): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  await hearingRow(page, caseId).waitFor();
}

describe.skipIf(browserSuiteSkipReason() !== null)('court calendar', () => {
  let browser: Browser;
  let hearing: ScheduledHearing;
  beforeAll(async () => {
    browser = await launchBrowser();
    hearing = await courtFileWithHearing();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the clerk the hearing on its day, in the week, and on the cause list', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'clerk');
    await page.goto('/calendar');
    // The clerk's own court is chosen.
    await expect
      .poll(() => page.getByTestId('calendar-court').inputValue())
      .toContain('صلح رام الله');

    for (let i = 0; i < hearing.daysAhead; i++) await page.getByTestId('calendar-next').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe(hearing.day);
    const row = hearingRow(page, hearing.courtCaseId);
    await row.waitFor();
    expect(await row.textContent()).toContain(hearing.number);
    expect(await row.textContent()).toContain('سامر خالد العلي');
    expect(await row.textContent()).toContain('ليلى حمدان');
    expect(await row.textContent()).toContain('مجدولة');
    await expect.poll(() => row.locator(`a[href="/cases/${hearing.courtCaseId}"]`).count()).toBe(1);
    await expectAccessible(page, 'calendar day');
    await saveScreenshot(page, 'calendar-day-ar');

    // Today and back; then the week around the hearing.
    await page.getByTestId('calendar-today').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).not.toBe(hearing.day);
    // Quick clicks: each steps from the day the previous one chose.
    for (let i = 0; i < hearing.daysAhead; i++) await page.getByTestId('calendar-next').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe(hearing.day);
    // The URL changes before the screen renders the day; the view switch builds on the rendered
    // day (react-router's setSearchParams), so wait for the day's hearing first.
    await showsHearing(page, hearing.courtCaseId);
    await page.getByTestId('calendar-view').getByText('أسبوع').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('week');
    expect(new URL(page.url()).searchParams.get('date')).toBe(hearing.day);
    await showsHearing(page, hearing.courtCaseId);
    await expectAccessible(page, 'calendar week');
    await saveScreenshot(page, 'calendar-week-ar');
    await page.getByTestId('calendar-prev').click();
    await page.getByTestId('calendar-next').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe(hearing.day);
    await showsHearing(page, hearing.courtCaseId);

    // The cause list of the day.
    await page.getByTestId('cause-list-open').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/calendar/cause-list');
    const table = page.getByTestId('cause-list-table');
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain(hearing.number);
    expect(text).toContain('قاعة 1');
    expect(text).toContain('سامر خالد العلي');
    await expectAccessible(page, 'cause list');
    await saveScreenshot(page, 'cause-list-ar');

    // The same in English, left to right.
    await switchLanguage(page, 'en');
    expect(await page.getByTestId('cause-list-table').textContent()).toContain(
      'Samer Khaled al-Ali',
    );
    await expectAccessible(page, 'cause list (English)');
    await saveScreenshot(page, 'cause-list-en');
    await page.emulateMedia({ media: 'print' });
    // Let the shell's padding transition settle: paper has no transitions, the screen does.
    await page.waitForTimeout(600);
    await saveScreenshot(page, 'cause-list-print-en');
    await page.emulateMedia({ media: 'screen' });

    await page.goBack();
    await showsHearing(page, hearing.courtCaseId);
    expect(await hearingRow(page, hearing.courtCaseId).textContent()).toContain('Scheduled');
    await expectAccessible(page, 'calendar week (English)');
    await saveScreenshot(page, 'calendar-week-en');
    await page.getByTestId('calendar-view').getByText('Day').click();
    await showsHearing(page, hearing.courtCaseId);
    await page.waitForTimeout(400); // the segmented control's indicator slides
    await saveScreenshot(page, 'calendar-day-en');
    await context.close();
  });
});
