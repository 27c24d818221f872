/**
 * Case search and the person registry's merge in a real browser. The prosecutor searches files
 * from the header's search box (scope "files") with another form of a word of a file's title; the
 * result says where it matched, with the words marked, and leads to the case page; filters narrow
 * the search and a reversed date range is explained before any request. Then the prosecutor sees
 * "1 restricted file" in a person's prior record (a family protection file of another unit), and
 * the chief prosecutor merges a duplicate record of that person from the person page, finds the
 * duplicate's file there, and reverts the merge from the merged record.
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

/** Latin letters only, so full-text search sees one word of this run. */
function token(): string {
  return `zq${randomBytes(4)
    .toString('hex')
    .replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
}

describe.skipIf(browserSuiteSkipReason() !== null)('case search and person merge', () => {
  let browser: Browser;
  const tag = token();
  const suffix = randomBytes(3).toString('hex');
  let office: Json;
  let theft: Json;
  let survivorId = '';
  let duplicateId = '';
  let duplicateFileId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const prosecutor = await apiLogin('prosecutor');
    const chief = await apiLogin('chief');
    office = await institutionByCode(prosecutor, 'RAM-PRO');
    const unit = (kind: string) =>
      ((office.units as Json[]).find((u) => u.kind === kind)?.id as string | undefined) ?? null;
    const register = (token: string, summary: string, extra: object = {}) =>
      apiRequest(token, 'POST', '/cases', {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: unit('general'),
        summary,
        incidentDate: '2026-01-12',
        ...extra,
      });
    theft = await register(prosecutor, `سرقة مجوهرات من محل في البيرة ${tag}`);
    await register(prosecutor, `احتيال إلكتروني عبر الهاتف ${tag}`);

    // One person registered twice (two spellings); the duplicate is a party of a file, the
    // survivor of another and of a family protection file the prosecutor's unit may not open.
    const survivor = await apiRequest(prosecutor, 'POST', '/persons', {
      firstNameAr: 'سلمى',
      fatherNameAr: 'يوسف',
      familyNameAr: `العلي${suffix}`,
      sex: 'female',
      dateOfBirth: '1988-09-02',
    });
    survivorId = survivor.id as string;
    const duplicate = await apiRequest(prosecutor, 'POST', '/persons', {
      firstNameAr: 'سلمي',
      familyNameAr: `علي${suffix}`,
    });
    duplicateId = duplicate.id as string;
    const own = await register(prosecutor, `ذم وقدح ${tag}`);
    await fireEvent(prosecutor, own, 'add_party', { personId: survivorId, role: 'victim' });
    const other = await register(prosecutor, `إيذاء بسيط ${tag}`);
    duplicateFileId = other.id as string;
    await fireEvent(prosecutor, other, 'add_party', { personId: duplicateId, role: 'complainant' });
    const protection = await register(chief, `تهديد عبر الهاتف ${tag}`, {
      unitId: unit('family_protection'),
      confidentiality: 'restricted',
    });
    await fireEvent(chief, protection, 'add_party', { personId: survivorId, role: 'victim' });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('finds a file by another form of a word from the header, says why, and opens it', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');

    await page.getByTestId('global-search-scope').selectOption('files');
    const query = `المجوهرات ${tag}`;
    await page.getByTestId('global-search').fill(query);
    await page.getByTestId('global-search').press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/cases/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    const result = page.locator(
      `[data-testid="case-search-result"][data-case-id="${theft.id as string}"]`,
    );
    await result.waitFor();
    expect(await page.getByTestId('case-search-result').count()).toBe(1);
    const reason = result.getByTestId('case-match-reason');
    expect(await reason.getAttribute('data-fields')).toBe('title');
    expect(await reason.textContent()).toContain('في عنوان الملف');
    expect(
      await result.getByTestId('case-match-excerpt').locator('mark').first().textContent(),
    ).toBe('مجوهرات');
    expect(await page.getByTestId('case-search-query').inputValue()).toBe(query);
    await checkInBothLanguages(page, 'case-search');

    // Every file of this run, narrowed by its number; a reversed range is explained at once.
    await page.getByTestId('case-search-query').fill(tag);
    await page.getByTestId('case-search-number').fill(theft.number as string);
    await page.getByTestId('case-search-submit').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('number')).toBe(theft.number);
    // The form is rebuilt from the new address in a render that may come after the address changed:
    // typing before it would be lost to the rebuild.
    await page
      .locator(`[data-testid="case-search-form"][data-criteria*="number="]`)
      .waitFor({ state: 'attached' });
    await page.getByTestId('case-search-count').filter({ hasText: 'ملف واحد' }).waitFor();
    expect(await page.getByTestId('case-search-result').getAttribute('data-case-id')).toBe(
      theft.id,
    );
    await page.getByTestId('case-search-from').fill('2026-05-01');
    await page.getByTestId('case-search-to').fill('2026-04-01');
    await page.getByTestId('case-search-submit').click();
    await page.getByText('تاريخ النهاية قبل تاريخ البداية.').waitFor();
    await expectAccessible(page, 'case search: reversed range');

    // A one-letter query is refused by the server, clearly, next to the box.
    await page.goto('/cases/search?q=' + encodeURIComponent('س'));
    await page.getByTestId('case-search-problem').waitFor();
    expect(await page.getByTestId('case-search-problem').textContent()).toContain('قصير');
    // So is a query of Arabic function words only: they are in nearly every file.
    await page.goto('/cases/search?q=' + encodeURIComponent('في من على'));
    await page.getByTestId('case-search-problem').filter({ hasText: 'شائعة جداً' }).waitFor();
    await page.goBack();

    await page.goBack();
    await page.goBack();
    await page.goBack();
    await result.waitFor();
    await result.getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${theft.id as string}`);
    await context.close();
  });

  it('tells the prosecutor of a restricted file, and lets the chief merge and revert', async () => {
    const prosecutorSession = await newUserPage(browser);
    await signIn(prosecutorSession.page, 'prosecutor');
    await prosecutorSession.page.goto(`/persons/${survivorId}`);
    const restricted = prosecutorSession.page.getByTestId('prior-record-restricted');
    await restricted.waitFor();
    expect(await restricted.textContent()).toContain('ملف واحد مقيّد');
    expect(await prosecutorSession.page.getByTestId('person-merge').count()).toBe(0);
    await prosecutorSession.context.close();

    const { context, page } = await newUserPage(browser);
    await signIn(page, 'chief');
    await page.goto(`/persons/${survivorId}`);
    await page.getByTestId('prior-record').waitFor();
    await page.getByTestId('person-merge').click();
    const candidate = page.locator(
      `[data-testid="merge-candidate"][data-person-id="${duplicateId}"]`,
    );
    await candidate.waitFor();
    await expectAccessible(page, 'person merge: find the duplicate');
    await page.getByTestId(`merge-choose-${duplicateId}`).click();
    await page.getByTestId('merge-confirm').waitFor();
    // The reason is required, here before the server.
    await page.getByTestId('merge-submit').click();
    await page.getByText('هذا الحقل مطلوب').first().waitFor();
    await page.getByTestId('merge-reason').fill('الشخص نفسه سُجّل مرتين بكتابتين مختلفتين للاسم');
    await expectAccessible(page, 'person merge: confirm');
    await saveScreenshot(page, 'person-merge-confirm-ar');
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('merge-confirm').waitFor({ state: 'detached' });
    const moved = page.locator(`[data-testid="person-file"][data-case-id="${duplicateFileId}"]`);
    await moved.waitFor();
    await page.getByTestId('merge-history-row').waitFor();
    await checkInBothLanguages(page, 'person-merged-survivor');

    await page.goto(`/persons/${duplicateId}`);
    const notice = page.getByTestId('person-merged');
    await notice.waitFor();
    expect(await page.getByTestId('prior-record').count()).toBe(0);
    expect(await page.getByTestId('person-merged-into').getAttribute('href')).toBe(
      `/persons/${survivorId}`,
    );
    await expectAccessible(page, 'merged record');
    await page.getByTestId('person-revert-merge').click();
    await page.getByTestId('revert-merge-reason').fill('السجلان لشخصين مختلفين');
    await page.getByTestId('revert-merge-submit').click();
    await notice.waitFor({ state: 'detached' });
    await page.locator(`[data-testid="person-file"][data-case-id="${duplicateFileId}"]`).waitFor();
    await context.close();
  });
});
