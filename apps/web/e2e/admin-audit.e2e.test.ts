/**
 * Administration and the audit viewer in a real browser: the administrator creates a user, grants
 * a role and adds a holiday through the screens (and is refused a grant to himself); the auditor
 * finds the grant in the log and verifies the chain; a prosecutor is refused both screens. Every
 * screen is checked with axe-core and saved in Arabic and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
  signInWithForm,
  switchLanguage,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

const suffix = Date.now().toString(36);
const newUsername = `e2e.user.${suffix}`;
const holidayNameEn = `E2E day ${suffix}`;
const holidayNameAr = `يوم تجريبي ${suffix}`;

/** Picks an option of a Mantine Select found by its test id. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe.skipIf(browserSuiteSkipReason() !== null)('administration and audit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets the administrator create a user, grant a role and add a holiday', async () => {
    const { context, page } = await newUserPage(browser);
    await signInWithForm(page, 'admin');
    await page.goto('/admin');
    await expect.poll(() => page.url()).toContain('/admin/institutions');
    await page.getByTestId('institutions-table').waitFor();
    await expect
      .poll(() => page.getByTestId('institutions-table').locator('tbody tr').count())
      .toBeGreaterThan(3);
    await expectAccessible(page, 'admin institutions (ar)');
    await saveScreenshot(page, 'admin-institutions-ar');

    // Create a user at the Ramallah prosecution.
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('users-table').waitFor();
    await expectAccessible(page, 'admin users (ar)');
    await saveScreenshot(page, 'admin-users-ar');
    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-create-form');
    await form.locator('input[name="username"]').fill(newUsername);
    await form.locator('input[name="displayNameAr"]').fill('ليلى منصور');
    await form.locator('input[name="displayNameEn"]').fill('Layla Mansour');
    await choose(page, 'user-institution', /RAM-PRO/);
    await form.locator('input[name="password"]').fill('a-long-initial-passphrase');
    await expectAccessible(page, 'create user dialog (ar)');
    await form.locator('button[type="submit"]').click();

    // Its page opens; grant it the prosecutor role at its institution.
    await page.getByTestId('assignments-table').waitFor();
    await expect.poll(() => page.url()).toMatch(/\/admin\/users\/[0-9a-f-]{36}$/);
    await page.getByTestId('role-grant').click();
    await choose(page, 'grant-role', 'وكيل نيابة');
    await expectAccessible(page, 'grant role dialog (ar)');
    await saveScreenshot(page, 'admin-grant-ar');
    await page.getByTestId('role-grant-form').locator('button[type="submit"]').click();
    await page.getByTestId('role-grant-form').waitFor({ state: 'detached' });
    const row = page.getByTestId('assignments-table').locator('tbody tr', {
      hasText: 'وكيل نيابة',
    });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('سارٍ');
    await expectAccessible(page, 'user page (ar)');
    await saveScreenshot(page, 'admin-user-ar');

    // The administrator may not grant himself a role: the server's refusal is shown.
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('users-search').fill('admin');
    await page.getByRole('link', { name: 'admin', exact: true }).click();
    await page.getByTestId('role-grant').click();
    await choose(page, 'grant-role', 'مدقق');
    await page.getByTestId('role-grant-form').locator('button[type="submit"]').click();
    const refusal = page.getByTestId('role-grant-form').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('SELF_GRANT_FORBIDDEN');
    await saveScreenshot(page, 'admin-self-grant-refused-ar');
    await page.keyboard.press('Escape');

    // A holiday.
    const year = new Date().getFullYear();
    await page.getByTestId('admin-tab-holidays').click();
    await page.getByTestId('holidays-table').waitFor();
    await page.getByTestId('holiday-add').click();
    const holidayForm = page.getByTestId('holiday-form');
    await holidayForm.locator('input[name="date"]').fill(`${year}-12-10`);
    await holidayForm.locator('input[name="nameAr"]').fill(holidayNameAr);
    await holidayForm.locator('input[name="nameEn"]').fill(holidayNameEn);
    await holidayForm.locator('button[type="submit"]').click();
    await holidayForm.waitFor({ state: 'detached' });
    await page
      .getByTestId('holidays-table')
      .locator('tbody tr', { hasText: holidayNameAr })
      .waitFor();
    await expectAccessible(page, 'holidays (ar)');
    await saveScreenshot(page, 'admin-holidays-ar');

    // The same screens in English, left to right.
    await switchLanguage(page, 'en');
    await page
      .getByTestId('holidays-table')
      .locator('tbody tr', { hasText: holidayNameEn })
      .waitFor();
    await expectAccessible(page, 'holidays (en)');
    await saveScreenshot(page, 'admin-holidays-en');
    await page.getByTestId('admin-tab-institutions').click();
    await page.getByTestId('institutions-table').waitFor();
    await expectAccessible(page, 'admin institutions (en)');
    await saveScreenshot(page, 'admin-institutions-en');
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('users-search').fill(newUsername);
    await page.getByRole('link', { name: newUsername }).click();
    await page
      .getByTestId('assignments-table')
      .locator('tbody tr', { hasText: 'Prosecutor' })
      .waitFor();
    await expectAccessible(page, 'user page (en)');
    await saveScreenshot(page, 'admin-user-en');
    await page.getByTestId('admin-tab-roles').click();
    await page.getByTestId('role-settings-table').waitFor();
    await expectAccessible(page, 'role settings (en)');
    await saveScreenshot(page, 'admin-roles-en');
    await context.close();
  });

  it('shows the auditor the grant in the log and an intact chain', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'auditor');
    await page.goto('/audit');
    await page.getByTestId('audit-table').waitFor();
    await expectAccessible(page, 'audit log (ar)');
    await saveScreenshot(page, 'audit-ar');

    await choose(page, 'audit-filter-action', 'منح دور');
    await page.getByRole('button', { name: 'تطبيق' }).click();
    const table = page.getByTestId('audit-table');
    const grant = table.locator('tr[data-action="role.granted"]');
    // Only grants remain once the filter applies; the newest is the one just made.
    await expect
      .poll(() => table.locator('tr[data-action]:not([data-action="role.granted"])').count())
      .toBe(0);
    await expect.poll(() => grant.count()).toBeGreaterThan(0);
    // The newest grant is the one the administrator just made.
    await grant.first().getByRole('button', { name: 'عرض التفاصيل' }).click();
    const details = page.getByTestId('audit-table').locator('pre').first();
    await details.waitFor();
    expect(await details.innerText()).toContain('"role": "prosecutor"');

    await page.getByTestId('audit-verify').click();
    const intact = page.getByTestId('audit-verify-result').locator('[data-state="intact"]');
    await intact.waitFor();
    expect(await intact.innerText()).toContain('السلسلة سليمة');
    await expectAccessible(page, 'audit log verified (ar)');
    await saveScreenshot(page, 'audit-verified-ar');

    await switchLanguage(page, 'en');
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-result').getByText('Chain intact').waitFor();
    await expectAccessible(page, 'audit log (en)');
    await saveScreenshot(page, 'audit-en');
    await context.close();
  });

  it('refuses a prosecutor the administration and audit screens', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto('/admin');
    await page.getByTestId('admin-refused').waitFor();
    expect(await page.getByTestId('institutions-table').count()).toBe(0);
    expect(await page.getByTestId('admin-tab-users').count()).toBe(0);
    await expectAccessible(page, 'admin refused (ar)');
    await saveScreenshot(page, 'admin-refused-ar');
    // The server refuses too, whatever the screen shows.
    const response = await page.request.get('/api/v1/admin/users');
    expect(response.status()).toBe(403);

    await page.goto('/audit');
    await page.getByTestId('audit-refused').waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    expect((await page.request.get('/api/v1/audit-log')).status()).toBe(403);
    await context.close();
  });
});
