/**
 * Person search in a real browser: a person registered with hamza and ta marbuta forms
 * (أسامة الخطيب…) is found by the prosecutor typing another spelling (اسامه خطيب…) in the header's
 * search box; the result says why it matched and leads to the person page, whose prior-record
 * panel lists the file. Then the investigator registering the same name in the register screen's
 * new-person dialog is shown the registered person first, and uses them instead of a duplicate.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, fireEvent, institutionByCode, type Json } from './support/api';
import {
  checkInBothLanguages,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

describe.skipIf(browserSuiteSkipReason() !== null)('person search', () => {
  let browser: Browser;
  const suffix = randomBytes(3).toString('hex');
  const family = `الخطيب${suffix}`;
  let personId = '';
  let fileId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const prosecutor = await apiLogin('prosecutor');
    const person = await apiRequest(prosecutor, 'POST', '/persons', {
      firstNameAr: 'أسامة',
      fatherNameAr: 'عبد الله',
      familyNameAr: family,
      nameLatin: `Osama Abdallah al-Khatib ${suffix}`,
      sex: 'male',
      dateOfBirth: '1991-06-23',
    });
    personId = person.id as string;
    const office = await institutionByCode(prosecutor, 'RAM-PRO');
    const file = await apiRequest(prosecutor, 'POST', '/cases', {
      caseType: 'prosecution_file',
      institutionId: office.id,
      unitId: (office.units as Json[]).find((u) => u.kind === 'general')?.id ?? null,
      summary: `احتيال بشيكات مرتجعة ${suffix}`,
      incidentDate: '2026-01-10',
    });
    fileId = file.id as string;
    await fireEvent(prosecutor, file, 'add_party', { personId, role: 'accused' });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('finds a person by another spelling from the header, and shows the prior record', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');

    // A query of one letter is refused, clearly, next to the box.
    await page.goto('/persons?q=' + encodeURIComponent('س'));
    await page.getByTestId('person-search-problem').waitFor();
    expect(await page.getByTestId('person-search-problem').textContent()).toContain('قصير');

    const query = `اسامه خطيب${suffix}`;
    await page.getByTestId('global-search').fill(query);
    await page.getByTestId('global-search').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
    expect(new URL(page.url()).pathname).toBe('/persons');
    const result = page.locator(
      `[data-testid="person-search-result"][data-person-id="${personId}"]`,
    );
    await result.waitFor();
    expect(await page.getByTestId('person-search-result').count()).toBe(1);
    expect(await result.getByTestId('match-reason').textContent()).toContain('تطابق الاسم');
    expect(await result.textContent()).toContain(family);
    expect(await page.getByTestId('person-search-query').inputValue()).toBe(query);
    await checkInBothLanguages(page, 'person-search');

    // Nobody: the empty state.
    await page.getByTestId('person-search-query').fill('ثظغضذ ضغثظ');
    await page.getByTestId('person-search-submit').click();
    await page.getByTestId('person-search-empty').waitFor();
    await expectAccessible(page, 'person search: empty');
    await page.goBack();
    await result.waitFor();

    await result.getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`/persons/${personId}`);
    const panel = page.getByTestId('prior-record');
    await panel.waitFor();
    const row = panel.locator(`[data-testid="person-file"][data-case-id="${fileId}"]`);
    await row.waitFor();
    expect(await panel.textContent()).toContain('السوابق');
    expect(await row.textContent()).toContain('نيابة');
    expect(await row.getByTestId('person-file-outcome').textContent()).toContain('لم يُفصل');
    await checkInBothLanguages(page, 'person-prior-record');
    await context.close();
  });

  it('offers the registered person first when the same name is registered again', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'investigator');
    await page.goto('/cases/new');
    await page.getByTestId('register-case-type').waitFor();
    await page.getByTestId('party-add-suspect').click();
    await page.getByTestId('person-first-name').fill('اسامه');
    await page.getByTestId('person-family-name').fill(`خطيب${suffix}`);
    await page.getByTestId('person-date-of-birth').fill('1991-06-23');
    await page.getByTestId('person-save').click();

    const prompt = page.getByTestId('duplicate-prompt');
    await prompt.waitFor();
    expect(await prompt.getByTestId('duplicate-candidate').count()).toBe(1);
    expect(await prompt.textContent()).toContain(family);
    expect(await page.getByTestId('person-save').count()).toBe(0);
    await page.getByTestId('person-register-new').waitFor();
    await expectAccessible(page, 'register: duplicate prompt');
    await saveScreenshot(page, 'person-duplicate-prompt-ar');

    await page.getByTestId(`duplicate-use-${personId}`).click();
    await page.getByTestId('duplicate-prompt').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('register-party').count()).toBe(1);
    expect(await page.getByTestId('register-party').textContent()).toContain(family);
    await context.close();
  });
});
