/**
 * The case page in a real browser: a prosecution file made through the API is opened by its
 * prosecutor; events are fired through the forms generated from their payload schemas (a party
 * picked from the persons registry, an arrest with the accused picked by name, a detention order
 * sent on a stale version, reloaded and sent again without retyping); client-side validation
 * speaks the user's language; the timeline shows what happened. Then the file goes to court and
 * the clerk schedules a hearing with the judges picker. Axe and screenshots in Arabic and English.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

async function apiToken(username: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function call<T>(token: string, method: 'GET' | 'POST', path: string, body?: object) {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

interface CaseBody {
  id: string;
  version: number;
  parties: { id: string; role: string }[];
  charges: { id: string; disposition: string }[];
}

async function institution(token: string, code: string) {
  const list = await call<{
    items: { id: string; code: string; units: { id: string; kind: string }[] }[];
  }>(token, 'GET', `/institutions?q=${code}&limit=50`);
  const found = list.items.find((i) => i.code === code);
  if (!found) throw new Error(`no institution ${code}`);
  return found;
}

async function fire(token: string, caseId: string, event: string, payload: object) {
  const file = await call<CaseBody>(token, 'GET', `/cases/${caseId}`);
  return call<CaseBody>(token, 'POST', `/cases/${caseId}/events`, {
    event,
    version: file.version,
    payload,
  });
}

async function person(token: string, family: string) {
  return call<{ id: string }>(token, 'POST', '/persons', {
    firstNameAr: 'سامر',
    fatherNameAr: 'محمد',
    familyNameAr: family,
    sex: 'male',
    dateOfBirth: '1990-04-17',
  });
}

async function checkInBothLanguages(page: Page, name: string): Promise<void> {
  // The "done" notification floats over the header for a few seconds; check the page without it.
  await expect
    .poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 })
    .toBe(0);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.mouse.wheel(0, -100_000);
  await expectAccessible(page, `${name} (ar)`);
  await saveScreenshot(page, `${name}-ar`);
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
  await page.mouse.wheel(0, -100_000);
  await saveScreenshot(page, `${name}-en`);
  await expectAccessible(page, `${name} (en)`);
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
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
    prosecutor = await apiToken('prosecutor');
    const office = await institution(prosecutor, 'RAM-PRO');
    const file = await call<CaseBody>(prosecutor, 'POST', '/cases', {
      caseType: 'prosecution_file',
      institutionId: office.id,
      unitId: office.units.find((u) => u.kind === 'general')?.id ?? null,
      summary: 'سرقة من محل تجاري',
      incidentDate: '2026-01-10',
    });
    caseId = file.id;
    const accused = await person(prosecutor, accusedFamily);
    await person(prosecutor, victimFamily);
    await fire(prosecutor, caseId, 'add_party', { personId: accused.id, role: 'accused' });
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
    await fire(prosecutor, caseId, 'open_investigation', { note: 'بدأ التحقيق' });
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
    const court = (await institution(prosecutor, 'RAM-MAG')).id;
    const offences = await call<{ items: { id: string }[] }>(
      prosecutor,
      'GET',
      '/offences?limit=1',
    );
    const file = await call<CaseBody & { state: string }>(prosecutor, 'GET', `/cases/${caseId}`);
    if (file.state === 'registered') await fire(prosecutor, caseId, 'open_investigation', {});
    const accused = file.parties.find((p) => p.role === 'accused');
    if (!accused || !offences.items[0]) throw new Error('no accused or offence');
    const charged = await fire(prosecutor, caseId, 'add_charge', {
      partyId: accused.id,
      offenceId: offences.items[0].id,
    });
    await fire(prosecutor, caseId, 'indict', {
      courtId: court,
      chargeIds: charged.charges.map((c) => c.id),
    });
    const clerk = await apiToken('clerk');
    let courtCase: { id: string; version: number } | undefined;
    await expect
      .poll(
        async () => {
          const inbox = await call<{ items: { id: string; matterId: string; version: number }[] }>(
            clerk,
            'GET',
            '/inbox?limit=500',
          );
          const mine = await call<{ matterId: string }>(prosecutor, 'GET', `/cases/${caseId}`);
          courtCase = inbox.items.find((i) => i.matterId === mine.matterId);
          return courtCase !== undefined;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    if (!courtCase) throw new Error('not delivered');
    await call(clerk, 'POST', `/cases/${courtCase.id}/accept`, { version: courtCase.version });

    const { context, page } = await newUserPage(browser);
    await signIn(page, 'clerk');
    await page.goto(`/cases/${courtCase.id}`);
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
