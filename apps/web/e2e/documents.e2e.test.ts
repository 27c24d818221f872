/**
 * Documents and evidence on the case page (issue 10), in a real browser: the prosecutor uploads a
 * PDF through the upload form and sees it listed with its version, preview and download links;
 * the preview serves the PDF inline. The evidence register, filled through the API (a seizure and
 * a custody transfer), shows the item and its chain of custody. Axe and screenshots in Arabic and
 * English.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, institutionByCode, type Json } from './support/api';
import {
  baseUrl,
  checkInBothLanguages,
  launchBrowser,
  newUserPage,
  signIn,
} from './support/browser';
import { browserSuiteSkipReason } from './support/environment';

function samplePdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\n` +
      `trailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

describe.skipIf(browserSuiteSkipReason() !== null)(
  'documents and evidence on the case page',
  () => {
    let browser: Browser;
    let prosecutor: string;
    let caseId: string;
    const suffix = randomBytes(3).toString('hex');
    const title = `محضر ضبط ${suffix}`;

    beforeAll(async () => {
      browser = await launchBrowser();
      prosecutor = await apiLogin('prosecutor');
      const office = await institutionByCode(prosecutor, 'RAM-PRO');
      const file = await apiRequest(prosecutor, 'POST', '/cases', {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: (office.units as Json[]).find((u) => u.kind === 'general')?.id ?? null,
        summary: 'احتيال إلكتروني',
        incidentDate: '2026-01-10',
      });
      caseId = file.id as string;
      const item = await apiRequest(prosecutor, 'POST', `/cases/${caseId}/evidence`, {
        kind: 'digital',
        item: 'هاتف محمول',
        description: 'هاتف أسود ضُبط مع المشتبه به',
        seizedBy: 'الملازم سامر خليل',
        seizedAt: '2026-01-11T08:30:00.000Z',
        seizedPlace: 'رام الله',
        storageLocation: 'خزنة المضبوطات 3',
      });
      await apiRequest(prosecutor, 'POST', `/evidence/${item.id as string}/custody`, {
        toHolder: 'مختبر الأدلة الرقمية',
        occurredAt: '2026-01-12T09:00:00.000Z',
        purpose: 'فحص جنائي رقمي',
      });
    });
    afterAll(async () => {
      await browser.close();
    });

    it('uploads a PDF through the form and lists it with preview and download', async () => {
      const { context, page } = await newUserPage(browser);
      try {
        await signIn(page, 'prosecutor');
        await page.goto(`/cases/${caseId}`);
        const section = page.getByTestId('section-documents');
        await section.waitFor();
        await section.getByTestId('document-upload').click();
        const form = page.getByTestId('document-upload-form');
        await form.waitFor();
        await form.locator('input[type="file"]').setInputFiles({
          name: 'محضر-الضبط.pdf',
          mimeType: 'application/pdf',
          buffer: samplePdf(suffix),
        });
        await form.getByTestId('document-title').fill(title);
        await form.getByTestId('document-upload-submit').click();
        await form.waitFor({ state: 'detached' });

        const card = section.getByTestId('document-card').filter({ hasText: title });
        await card.waitFor();
        expect(await card.getByTestId('document-version').count()).toBe(1);
        const preview = await card.getByTestId('document-preview').getAttribute('href');
        expect(preview).toMatch(
          /\/api\/v1\/documents\/[0-9a-f-]+\/versions\/1\/content\?disposition=inline$/,
        );
        const download = await card.getByTestId('document-download').getAttribute('href');
        expect(download).toMatch(/\/versions\/1\/content$/);

        // The preview link serves the PDF inline, with the session cookie of the browser.
        const response = await page.request.get(`${baseUrl()}${preview ?? ''}`);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('application/pdf');
        expect(response.headers()['content-disposition']).toMatch(/^inline;/);
        expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

        const evidence = page.getByTestId('section-evidence');
        const item = evidence.getByTestId('evidence-card').filter({ hasText: 'هاتف محمول' });
        await item.waitFor();
        await expect.poll(() => item.getByRole('row').count()).toBe(3);
        expect(await item.textContent()).toContain('مختبر الأدلة الرقمية');

        await section.scrollIntoViewIfNeeded();
        await checkInBothLanguages(page, 'case-documents');
      } finally {
        await context.close();
      }
    });
  },
);
