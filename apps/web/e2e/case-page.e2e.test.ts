/**
 * The case page in a real browser: a prosecution file made through the API is opened by its
 * prosecutor; events are fired through the forms generated from their payload schemas (a party
 * picked from the persons registry, an arrest with the accused picked by name, a detention order
 * sent on a stale version, reloaded and sent again without retyping); client-side validation
 * speaks the user's language; the timeline shows what happened. Then the file goes to court and
 * the clerk schedules a hearing with the judges picker. Axe and screenshots in Arabic and English.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptFromInbox,
  apiLogin,
  apiRequest,
  fireEvent,
  institutionByCode,
  type Json,
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

async function person(token: string, family: string): Promise<Json> {
  return apiRequest(token, 'POST', '/persons', {
    firstNameAr: 'سامر',
    fatherNameAr: 'محمد',
    familyNameAr: family,
    sex: 'male',
    dateOfBirth: '1990-04-17',
  });
}

const local = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

describe.skipIf(browserSuiteSkipReason() !== null)('case page', () => {
  let browser: Browser;
  let prosecutor: string;
  let caseId: string;
  const suffix = randomBytes(3).toString('hex');
  const accusedFamily = `المتهم${suffix}`;
  const victimFamily = `الضحية${suffix}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    prosecutor = await apiLogin('prosecutor');
    const office = await institutionByCode(prosecutor, 'RAM-PRO');
    const file = await apiRequest(prosecutor, 'POST', '/cases', {
      caseType: 'prosecution_file',
      institutionId: office.id,
      unitId: (office.units as Json[]).find((u) => u.kind === 'general')?.id ?? null,
      summary: 'سرقة من محل تجاري',
      incidentDate: '2026-01-10',
    });
    caseId = file.id as string;
    const accused = await person(prosecutor, accusedFamily);
    await person(prosecutor, victimFamily);
    await fireEvent(prosecutor, file, 'add_party', { personId: accused.id, role: 'accused' });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the file and fires events through the generated forms', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('case-header').waitFor();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('مسجّل');
    expect(await page.getByTestId('case-number').textContent()).toMatch(/^\d+\/\d{4}$/);
    expect(await page.getByTestId('section-parties').textContent()).toContain(accusedFamily);

    // Client-side validation in Arabic: an empty charge form names the missing fields.
    await page.getByTestId('event-button-add_charge').click();
    await page.getByTestId('event-form').waitFor();
    await page.getByTestId('event-submit').click();
    await page.getByTestId('event-form').getByText('هذا الحقل مطلوب').first().waitFor();
    await page.keyboard.press('Escape');

    // Add a victim, picked from the persons registry by name.
    await page.getByTestId('event-button-add_party').click();
    const form = page.getByTestId('event-form');
    await form.getByTestId('field-personId').fill(victimFamily);
    await page.getByRole('option', { name: new RegExp(victimFamily) }).click();
    await form.getByTestId('field-role').selectOption('victim');
    await expectAccessible(page, 'case event form (ar)');
    await saveScreenshot(page, 'case-event-form-ar');
    await form.getByTestId('event-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('section-parties').getByText(victimFamily).waitFor();
    await page.getByTestId('timeline-event-add_party').first().waitFor();

    // Arrest the accused, picked by name (the option's text is the name and the role).
    await page.getByTestId('event-button-arrest').click();
    await form.getByTestId('field-partyId').selectOption({
      label: (await form.getByTestId('field-partyId').locator('option').nth(1).textContent()) ?? '',
    });
    expect(
      await form.getByTestId('field-partyId').locator('option').nth(1).textContent(),
    ).toContain(accusedFamily);
    await form.getByTestId('field-arrestedAt').fill(local(new Date(Date.now() - 3_600_000)));
    await form.getByTestId('field-place').fill('مركز شرطة البيرة');
    await form.getByTestId('event-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('section-detention').getByText('مركز شرطة البيرة').waitFor();

    // A detention order sent on a stale version: reload keeps what was typed, then it goes through.
    await page.getByTestId('event-button-order_detention').click();
    await form.getByTestId('field-detentionId').selectOption({ index: 1 });
    await form.getByTestId('field-duration').fill('48');
    await form.getByTestId('field-reason').fill('خشية الفرار');
    // Behind the form's back: the file moves on to a new version.
    const current = await apiRequest(prosecutor, 'GET', `/cases/${caseId}`);
    await fireEvent(prosecutor, current, 'open_investigation', { note: 'بدأ التحقيق' });
    await form.getByTestId('event-submit').click();
    await page.getByTestId('event-stale').waitFor();
    await page.getByTestId('event-reload').click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('قيد التحقيق');
    expect(await form.getByTestId('field-reason').inputValue()).toBe('خشية الفرار');
    await form.getByTestId('event-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('timeline-event-order_detention').waitFor();
    expect(await page.getByTestId('section-detention').textContent()).toContain('النيابة العامة');

    await checkInBothLanguages(page, 'case-page-prosecution');
    await context.close();
  });

  it('keeps a half-typed form over a page reload', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('event-button-close_file').click();
    await page.getByTestId('field-note').fill('أقوال أولية');
    await page.reload();
    await page.getByTestId('event-button-close_file').click();
    expect(await page.getByTestId('field-note').inputValue()).toBe('أقوال أولية');
    await page.getByText('تجاهل المسودة').click();
    expect(await page.getByTestId('field-note').inputValue()).toBe('');
    await context.close();
  });

  it('shows a clear message for a file that does not exist', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto('/cases/00000000-0000-4000-8000-000000000000');
    await page.getByRole('alert').waitFor();
    await context.close();
  });

  it('lets the clerk schedule a hearing with the judges picker after indictment', async () => {
    const court = (await institutionByCode(prosecutor, 'RAM-MAG')).id as string;
    const offences = await apiRequest(prosecutor, 'GET', '/offences?limit=1');
    const offence = (offences.items as Json[])[0];
    let file = await apiRequest(prosecutor, 'GET', `/cases/${caseId}`);
    if (file.state === 'registered') {
      file = await fireEvent(prosecutor, file, 'open_investigation');
    }
    const accused = (file.parties as Json[]).find((p) => p.role === 'accused');
    if (!accused || !offence) throw new Error('no accused or offence');
    const charged = await fireEvent(prosecutor, file, 'add_charge', {
      partyId: accused.id,
      offenceId: offence.id,
    });
    await fireEvent(prosecutor, charged, 'indict', {
      courtId: court,
      chargeIds: (charged.charges as Json[]).map((c) => c.id),
    });
    const clerk = await apiLogin('clerk');
    const courtCase = await acceptFromInbox(clerk, file.matterId as string);

    const { context, page } = await newUserPage(browser);
    await signIn(page, 'clerk');
    await page.goto(`/cases/${courtCase.id as string}`);
    await page.getByTestId('event-button-schedule_hearing').click();
    const form = page.getByTestId('event-form');
    await form.getByTestId('field-startsAt').fill(local(new Date(Date.now() + 7 * 86_400_000)));
    await form.getByTestId('field-room').fill('3');
    await form.getByRole('checkbox', { name: 'ليلى حمدان' }).check();
    await saveScreenshot(page, 'case-schedule-hearing-ar');
    await form.getByTestId('event-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('section-hearings').getByText('ليلى حمدان').waitFor();
    expect(await page.getByTestId('section-linked-files').textContent()).toContain('ملف تحقيق');
    await checkInBothLanguages(page, 'case-page-court');
    await context.close();
  });
});
