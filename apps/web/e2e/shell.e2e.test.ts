/**
 * The application shell in a real browser: Arabic and right-to-left by default, the English switch
 * turns the layout left-to-right, and the sign-in screen is accessible.
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
import { browserSuiteSkipReason } from './support/environment';

describe.skipIf(browserSuiteSkipReason() !== null)('application shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens in Arabic, right to left, and switches to English left to right', async () => {
    const { context, page } = await newUserPage(browser);
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/login');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expectAccessible(page, 'login');
    await saveScreenshot(page, 'login-ar');

    await signIn(page, 'prosecutor');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
