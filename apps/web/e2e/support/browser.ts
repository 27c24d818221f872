/**
 * Drives Debian's Chromium through playwright-core (no browser download). One browser per test
 * file; one context per user, so sessions never mix. Every screen a test visits can be checked
 * with axe-core and saved as a screenshot under test-artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { apiLogin } from './api';
import { CHROMIUM_PATH } from './environment';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SCREENSHOT_DIR = path.join(root, 'test-artifacts/screenshots');
export const DEMO_PASSWORD = 'qadiya-demo';
// The server's session cookie (apps/server/src/auth/session-token.ts).
const SESSION_COOKIE = 'qadiya_session';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export async function newUserPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1366, height: 900 },
    locale: 'ar-PS',
    timezoneId: 'Asia/Hebron',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the login screen, as a person would, and waits for the home screen. */
export async function signInWithForm(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('current-user').waitFor();
}

// One session per user and test file: the server hashes the password with scrypt, deliberately
// slow, at every sign-in. The sessions live longer than a file takes.
const sessionTokens = new Map<string, Promise<string>>();

function sessionToken(username: string): Promise<string> {
  let token = sessionTokens.get(username);
  if (!token) {
    token = apiLogin(username);
    sessionTokens.set(username, token);
    // A failed sign-in is not kept: the next test tries again and reports its own error.
    token.catch(() => sessionTokens.delete(username));
  }
  return token;
}

/**
 * Signs in as the login screen leaves the browser (the session cookie the server sets at sign-in),
 * then opens the home screen and waits for it. The login screen itself is driven by
 * `signInWithForm` in the tests whose subject it is (shell, administration).
 */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.context().addCookies([
    {
      name: SESSION_COOKIE,
      value: await sessionToken(username),
      url: baseUrl(),
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  await page.goto('/');
  await page.getByTestId('current-user').waitFor();
}

/** axe-core on the current screen: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Scrolled content under the fixed header would be measured against the header's background.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  // Legacy mode runs axe in the page itself instead of aggregating the results in a new blank page
  // (more than twice as fast, the same violations); it only skips cross-origin frames, and the app
  // has no frame at all.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(serious, `accessibility violations on ${screen}`).toEqual([]);
}

/** Switches the language with the header's switch; `lang` and `dir` follow. */
export async function switchLanguage(page: Page, to: 'ar' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(to);
  expect(await page.locator('html').getAttribute('dir')).toBe(to === 'ar' ? 'rtl' : 'ltr');
}

/**
 * Closes the "done" notifications that float over the header, with their close buttons, rather
 * than waiting the seconds until they close by themselves.
 */
export async function dismissNotifications(page: Page): Promise<void> {
  const notifications = page.locator('.mantine-Notification-root');
  for (const close of await notifications.locator('.mantine-Notification-closeButton').all()) {
    // One may close by itself meanwhile: then there is nothing left to click.
    await close.click({ timeout: 2_000 }).catch(() => undefined);
  }
  await expect.poll(() => notifications.count(), { timeout: 15_000 }).toBe(0);
}

/**
 * axe-core and a screenshot in Arabic (right to left), then the same in English (left to right),
 * and back to Arabic. The screen is checked without the notifications over its header.
 */
export async function checkInBothLanguages(page: Page, name: string): Promise<void> {
  await dismissNotifications(page);
  expect(await page.locator('html').getAttribute('lang')).toBe('ar');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await expectAccessible(page, `${name} (ar)`);
  await saveScreenshot(page, `${name}-ar`);
  await switchLanguage(page, 'en');
  await expectAccessible(page, `${name} (en)`);
  await saveScreenshot(page, `${name}-en`);
  await switchLanguage(page, 'ar');
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
