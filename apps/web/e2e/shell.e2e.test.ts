/**
 * The application shell in a real browser: Arabic and right-to-left by default, the English switch
 * turns the layout left-to-right, the sign-in screen is accessible, and the app can be used with
 * the keyboard alone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signInWithForm,
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

    await signInWithForm(page, 'prosecutor');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('can be used with the keyboard alone: sign in, skip to the content, follow the menu', async () => {
    const { context, page } = await newUserPage(browser);
    await page.goto('/login');
    await page.locator('input[name="username"]').waitFor();
    // The username field is the first stop; Enter in the password field submits the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'username',
    );
    await page.keyboard.type('prosecutor');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();

    // The first Tab on a screen reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Menu links are reachable by Tab and open their screen with Enter.
    const inboxLink = page.getByRole('link', { name: 'الوارد' });
    await inboxLink.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/inbox$/);
    await context.close();
  });
});
