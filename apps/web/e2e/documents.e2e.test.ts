/**
 * Documents and evidence on the case page (issue 10), in a real browser: the prosecutor uploads a
 * PDF through the upload form and sees it listed with its version, preview and download links;
 * the preview serves the PDF inline. The evidence register, filled through the API (a seizure and
 * a custody transfer), shows the item and its chain of custody. The file's prosecutor seals an
 * open document with a reason. The chief prosecutor finds the documents due for disposal in the
 * menu (the suite's server makes "other" documents due as soon as their file is closed,
 * QADIYA_DOCUMENT_RETENTION with `other:0`), disposes of the test's document there on a recorded
 * decision, and the file shows it disposed, without a download. Axe and screenshots in Arabic and
 * English.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, fireEvent, institutionByCode, type Json } from './support/api';
import {
  baseUrl,
  checkInBothLanguages,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
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

/** Uploads a PDF through the API as the upload form would: the fields first, then the file. */
async function uploadPdf(
  token: string,
  caseId: string,
  fields: { documentType: string; title: string },
  content: Buffer,
): Promise<Json> {
  const form = new FormData();
  form.append('documentType', fields.documentType);
  form.append('title', fields.title);
  form.append('language', 'ar');
  form.append(
    'file',
    new Blob([new Uint8Array(content)], { type: 'application/pdf' }),
    'document.pdf',
  );
  const response = await fetch(`${baseUrl()}/api/v1/cases/${caseId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as Json;
  if (response.status !== 201)
    throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

describe.skipIf(browserSuiteSkipReason() !== null)(
  'documents and evidence on the case page',
  () => {
    let browser: Browser;
    let prosecutor: string;
    let office: Json;
    let caseId: string;
    const suffix = randomBytes(3).toString('hex');
    const title = `محضر ضبط ${suffix}`;

    beforeAll(async () => {
      browser = await launchBrowser();
      prosecutor = await apiLogin('prosecutor');
      office = await institutionByCode(prosecutor, 'RAM-PRO');
      const file = await registerFile('احتيال إلكتروني');
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

    /** A prosecution file of the general unit, which the demo prosecutor leads. */
    function registerFile(summary: string): Promise<Json> {
      return apiRequest(prosecutor, 'POST', '/cases', {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: (office.units as Json[]).find((u) => u.kind === 'general')?.id ?? null,
        summary,
        incidentDate: '2026-01-10',
      });
    }

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

    it('lets the file team seal an open document, with a reason', async () => {
      const sealTitle = `إفادة شاهد ${suffix}`;
      const doc = await uploadPdf(
        prosecutor,
        caseId,
        { documentType: 'statement', title: sealTitle },
        samplePdf(`statement ${suffix}`),
      );
      const { context, page } = await newUserPage(browser);
      try {
        await signIn(page, 'prosecutor');
        await page.goto(`/cases/${caseId}`);
        const card = page.locator(`[data-testid="document-card"][data-document-id="${doc.id}"]`);
        await card.waitFor();
        expect(await card.getByTestId('document-sealed').count()).toBe(0);
        await card.getByTestId('document-seal').click();
        const form = page.getByTestId('document-seal-form');
        await form.waitFor();
        // No reason, no seal: the form says so and stays open.
        await form.getByTestId('document-seal-submit').click();
        await form.getByText('اكتب سبب الختم.').waitFor();
        await form.getByTestId('document-seal-reason').fill('حماية هوية الشاهد');
        await expectAccessible(page, 'document-seal-form');
        await saveScreenshot(page, 'document-seal-form-ar');
        await form.getByTestId('document-seal-submit').click();
        await form.waitFor({ state: 'detached' });

        await card.getByTestId('document-sealed').waitFor();
        expect(await card.getByTestId('document-sealed').textContent()).toContain('مختوم');
        expect(await card.getByTestId('document-seal').count()).toBe(0);
        // The team still opens it.
        expect(await card.getByTestId('document-download').count()).toBe(1);
        const stored = await apiRequest(prosecutor, 'GET', `/cases/${caseId}/documents`);
        const sealed = (stored.items as Json[]).find((d) => d.id === doc.id);
        expect(sealed?.isSealed).toBe(true);
        await card.scrollIntoViewIfNeeded();
        await saveScreenshot(page, 'case-document-sealed-ar');
      } finally {
        await context.close();
      }
    });

    it('gives the chief prosecutor the documents due for disposal', async () => {
      const chief = await apiLogin('chief');
      const closedTitle = `مرفق ملف محفوظ ${suffix}`;
      let closed = await registerFile('سرقة بسيطة');
      const doc = await uploadPdf(
        prosecutor,
        closed.id as string,
        { documentType: 'other', title: closedTitle },
        samplePdf(`closed ${suffix}`),
      );
      closed = await fireEvent(prosecutor, closed, 'close_file', {
        reasonCode: 'unknown_perpetrator',
      });
      expect(closed.isDisposed).toBe(true);
      // The browser suite's server makes "other" documents due as soon as their file is closed
      // (QADIYA_DOCUMENT_RETENTION in support/global-setup.ts).
      const listed = await apiRequest(chief, 'GET', '/documents/retention-due?limit=500');
      expect((listed.items as Json[]).some((item) => item.documentId === doc.id)).toBe(true);

      const { context, page } = await newUserPage(browser);
      try {
        await signIn(page, 'chief');
        await page.getByRole('link', { name: 'مستندات مستحقة الإتلاف' }).click();
        await page.waitForURL('**/documents/retention');
        await page.getByRole('heading', { level: 1, name: 'مستندات مستحقة الإتلاف' }).waitFor();
        const row = page.locator(`[data-testid="retention-row"][data-document-id="${doc.id}"]`);
        await row.waitFor();
        expect(await row.textContent()).toContain(closedTitle);
        expect(await row.textContent()).toContain('أخرى');
        expect(await row.getByRole('link').getAttribute('href')).toBe(`/cases/${closed.id}`);
        await checkInBothLanguages(page, 'documents-retention');
        await row.getByTestId('retention-dispose').click();
        const form = page.getByTestId('dispose-form');
        await form.waitFor();
        expect(await form.textContent()).toContain('تبقى في الملف بيانات المستند');
        await form.getByTestId('dispose-decision').fill(`قرار إتلاف ${suffix}`);
        await form.getByTestId('dispose-reason').fill('انقضاء مدة الحفظ');
        await expectAccessible(page, 'dispose-form');
        await saveScreenshot(page, 'document-dispose-form-ar');
        await form.getByTestId('dispose-submit').click();
        await form.waitFor({ state: 'detached' });
        await row.waitFor({ state: 'detached' });

        // The file shows the document; the chief is not on its team, so is offered no seal.
        await page.goto(`/cases/${closed.id as string}`);
        const card = page.locator(`[data-testid="document-card"][data-document-id="${doc.id}"]`);
        await card.waitFor();
        expect(await card.getByTestId('document-seal').count()).toBe(0);
        await card.getByTestId('document-disposed').waitFor();
        expect(await card.getByTestId('document-download').count()).toBe(0);
        expect(await card.getByTestId('document-preview').count()).toBe(0);
        await card.scrollIntoViewIfNeeded();
        await saveScreenshot(page, 'case-document-disposed-ar');
      } finally {
        await context.close();
      }
    });
  },
);
