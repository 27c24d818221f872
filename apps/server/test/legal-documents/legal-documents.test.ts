/**
 * Generated legal documents (issue 10, part 3; ADR 0019): each template rendered from a demo-like
 * file through the API, stored as a document version with its SHA-256, downloaded again and read
 * back with pdf.js: the Arabic names come out in logical order, juvenile parties and protected
 * victims other than the document's subject by initials, markup in a name printed literally.
 */
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import type { ApiResponse } from '../support/cases';
import { buildSession, bearer, buildInstitution, buildUser } from '../support/factories';
import { fire } from '../cases/lifecycle-fixtures';
import {
  ACCUSED,
  buildCourtFile,
  buildProsecutionFile,
  fullName,
  holdHearing,
  JUVENILE_WITNESS,
  recordJudgment,
  VICTIM,
} from './legal-documents-fixtures';
import { pdfText } from './pdf-text';

let t: TestApp;
type Headers = Record<string, string>;

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qadiya-legal-docs-'));
  t = await buildTestApp({ env: { QADIYA_DATA_DIR: dataDir } });
});
afterAll(async () => {
  await t.app.close();
});

const headersOf = async (userId: string): Promise<Headers> =>
  bearer(await buildSession(t.handle.db, userId));

async function generate(
  headers: Headers,
  caseId: string,
  body: Record<string, unknown>,
): Promise<ApiResponse> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/generated-documents`,
    headers,
    payload: body,
  });
  return { status: response.statusCode, body: response.json() };
}

/** Downloads the stored version and checks it against the hash the API reported. */
async function download(
  headers: Headers,
  stored: { documentId: string; version: number; sha256: string },
) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/documents/${stored.documentId}/versions/${stored.version}/content`,
    headers,
  });
  expect(response.statusCode).toBe(200);
  const bytes = response.rawPayload;
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
  return pdfText(bytes);
}

describe('prosecution documents', () => {
  it('renders the indictment: accused in full, the protected victim and the juvenile witness by initials', async () => {
    const f = await buildProsecutionFile(t.handle.db);
    const headers = await headersOf(f.prosecutor.id);
    const result = await generate(headers, f.file.id, { template: 'indictment' });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      template: 'indictment',
      documentType: 'indictment',
      version: 1,
      contentType: 'application/pdf',
      maskedParties: 2,
    });
    const text = await download(headers, result.body);
    expect(text).toContain('لائحة اتهام');
    expect(text).toContain('نيابة رام الله');
    expect(text).toContain(fullName(ACCUSED));
    expect(text).toContain(f.accused.national_id!);
    expect(text).toContain(`${f.file.serial}/${f.file.year}`);
    expect(text).toContain('لأحكام المادة 334 من قانون العقوبات رقم 16 لسنة 1960');
    // Initials only, and neither full name anywhere.
    expect(text).toContain('س. ش.');
    expect(text).toContain('ي. ن.');
    expect(text).not.toContain(VICTIM.first);
    expect(text).not.toContain(JUVENILE_WITNESS.first);
    expect(text).not.toContain(f.victim.national_id!);
    // The facts, as the prosecutor wrote them.
    expect(text).toContain('ثبت بالتقرير الطبي رقم 77/2026');
  });

  it('renders the detention order and the extension request naming the detainee in full', async () => {
    const f = await buildProsecutionFile(t.handle.db);
    const headers = await headersOf(f.prosecutor.id);
    const order = await generate(headers, f.file.id, {
      template: 'detention_order',
      detentionId: f.detention.id,
    });
    expect(order.status).toBe(201);
    expect(order.body.documentType).toBe('detention_order');
    const orderText = await download(headers, order.body);
    expect(orderText).toContain('مذكرة توقيف');
    expect(orderText).toContain(fullName(ACCUSED));
    expect(orderText).toContain(f.accused.national_id!);
    expect(orderText).toMatch(/15 يوم/);
    expect(orderText).toContain('مركز الإصلاح والتأهيل');

    const request = await generate(headers, f.file.id, {
      template: 'detention_extension_request',
      detentionId: f.detention.id,
      requestedDays: 10,
      grounds: 'لم تصل نتيجة فحص المختبر الجنائي بعد.',
    });
    expect(request.status).toBe(201);
    const requestText = await download(headers, request.body);
    expect(requestText).toContain('طلب تمديد توقيف');
    expect(requestText).toContain(fullName(ACCUSED));
    expect(requestText).toContain('10 أيام');
    expect(requestText).toContain('لم تصل نتيجة فحص المختبر الجنائي بعد.');
    expect(requestText).not.toContain(VICTIM.first);

    const tooLong = await generate(headers, f.file.id, {
      template: 'detention_extension_request',
      detentionId: f.detention.id,
      requestedDays: 16,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.issues[0].field).toBe('requestedDays');
  });

  it('prints markup in a name literally instead of running it', async () => {
    const injected = {
      ...ACCUSED,
      first: '#panic("boom")',
      family: '[*عريض*] $x$ #set page(width: 1cm)',
    };
    const f = await buildProsecutionFile(t.handle.db, injected);
    const headers = await headersOf(f.prosecutor.id);
    const result = await generate(headers, f.file.id, { template: 'indictment' });
    expect(result.status).toBe(201);
    const text = await download(headers, result.body);
    expect(text).toContain('panic("boom")');
    expect(text).toContain('*عريض*');
    expect(text).toContain('#set page(width: 1cm)');
    expect(text).toContain('لائحة اتهام');
  });

  it('answers 400 naming what is missing, and 409 when the state makes no sense', async () => {
    const f = await buildProsecutionFile(t.handle.db);
    const headers = await headersOf(f.prosecutor.id);
    const noField = await generate(headers, f.file.id, { template: 'detention_order' });
    expect(noField.status).toBe(400);
    expect(noField.body.error.details.issues[0].field).toBe('detentionId');

    // A file with no charge has nothing to indict.
    const bare = await buildProsecutionFile(t.handle.db);
    await t.handle.db.deleteFrom('charges').where('case_id', '=', bare.file.id).execute();
    const bareHeaders = await headersOf(bare.prosecutor.id);
    const missing = await generate(bareHeaders, bare.file.id, { template: 'indictment' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: 'DOCUMENT_DATA_MISSING',
      details: { missing: 'charges' },
    });

    await fire(t.handle.db, f.prosecutor.id, f.file.id, 'release', {
      detentionId: f.detention.id,
      releasedAt: new Date().toISOString(),
      reason: 'كفالة',
    });
    const released = await generate(headers, f.file.id, {
      template: 'detention_order',
      detentionId: f.detention.id,
    });
    expect(released.status).toBe(409);
    expect(released.body.error.code).toBe('DETENTION_ENDED');
  });

  it('refuses a user outside the file (403, audited) and writes no document', async () => {
    const f = await buildProsecutionFile(t.handle.db);
    const other = await buildInstitution(t.handle.db, { kind: 'prosecution_office' });
    const outsider = await buildUser(t.handle.db, {
      institutionId: other.id,
      grants: [{ role: 'prosecutor', institutionId: other.id }],
    });
    const result = await generate(await headersOf(outsider.id), f.file.id, {
      template: 'indictment',
    });
    expect(result.status).toBe(403);
    const denied = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_user_id', '=', outsider.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied).toHaveLength(1);
    const documents = await t.handle.db
      .selectFrom('documents')
      .select('id')
      .where('case_id', '=', f.file.id)
      .execute();
    expect(documents).toHaveLength(0);
  });
});

describe('court documents', () => {
  it('renders the summons, the minutes and the judgment, each with its masking', async () => {
    const c = await buildCourtFile(t.handle.db);
    const clerk = await headersOf(c.clerk.id);
    const judge = await headersOf(c.judge.id);

    // The summons to the accused names him; the juvenile victim is not named at all.
    const summons = await generate(clerk, c.file.id, {
      template: 'summons',
      hearingId: c.first.id,
      partyId: c.accusedParty,
    });
    expect(summons.status).toBe(201);
    expect(summons.body.documentType).toBe('summons');
    const summonsText = await download(clerk, summons.body);
    expect(summonsText).toContain('مذكرة حضور');
    expect(summonsText).toContain(fullName(ACCUSED));
    expect(summonsText).toContain('محكمة بداية رام الله');
    expect(summonsText).toContain('قاعة 2');
    expect(summonsText).toContain('09:00');
    // A summons to the juvenile victim names her (it is served on her); the accused stays named.
    const toVictim = await generate(clerk, c.file.id, {
      template: 'summons',
      hearingId: c.first.id,
      partyId: c.victimParty,
    });
    const toVictimText = await download(clerk, toVictim.body);
    expect(toVictimText).toContain('ريم خالد سليم النجار');

    // The clerk is offered the court's templates only.
    const offered = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.file.id}/generated-documents/templates`,
      headers: clerk,
    });
    expect(offered.json<{ template: string }[]>().map((o) => o.template)).toEqual([
      'summons',
      'hearing_minutes',
      'judgment',
    ]);
    // A clerk may not sign a detention order: 403, audited.
    const wrongRole = await generate(clerk, c.file.id, {
      template: 'detention_order',
      detentionId: c.first.id,
    });
    expect(wrongRole.status).toBe(403);

    // Minutes only once the hearing took place.
    const early = await generate(clerk, c.file.id, {
      template: 'hearing_minutes',
      hearingId: c.first.id,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('HEARING_NOT_HELD');
    await holdHearing(t.handle.db, c.judge.id, c.file.id, c.first.id);
    const minutes = await generate(clerk, c.file.id, {
      template: 'hearing_minutes',
      hearingId: c.first.id,
    });
    expect(minutes.status).toBe(201);
    expect(minutes.body).toMatchObject({ documentType: 'minutes', maskedParties: 1 });
    const minutesText = await download(clerk, minutes.body);
    expect(minutesText).toContain('محضر جلسة');
    expect(minutesText).toContain(fullName(ACCUSED));
    expect(minutesText).toContain('ر. ن.');
    expect(minutesText).not.toContain('ريم');
    expect(minutesText).toContain('تليت لائحة الاتهام على المتهم');
    expect(minutesText).toContain('القاضي عمر يوسف حماد');
    expect(minutesText).toContain('ليلى محمود داود');

    // Regenerated minutes are the next version of the same document.
    const again = await generate(clerk, c.file.id, {
      template: 'hearing_minutes',
      hearingId: c.first.id,
      documentId: minutes.body.documentId,
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ documentId: minutes.body.documentId, version: 2 });

    // The summons to a hearing that has been held makes no sense.
    const late = await generate(clerk, c.file.id, {
      template: 'summons',
      hearingId: c.first.id,
      partyId: c.accusedParty,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('HEARING_NOT_SCHEDULED');

    const noJudgment = await generate(judge, c.file.id, { template: 'judgment' });
    expect(noJudgment.status).toBe(400);
    expect(noJudgment.body.error.details.missing).toBe('judgment');
    await recordJudgment(t.handle.db, c.judge.id, c.file.id, c.chargeId);
    const judgment = await generate(judge, c.file.id, { template: 'judgment' });
    expect(judgment.status).toBe(201);
    const judgmentText = await download(judge, judgment.body);
    expect(judgmentText).toContain('الحكم صادر باسم الشعب العربي الفلسطيني');
    expect(judgmentText).toContain(fullName(ACCUSED));
    expect(judgmentText).toContain('الإدانة');
    expect(judgmentText).toContain('الحبس مدة 6 أشهر');
    expect(judgmentText).toContain('200 دينار أردني');
    expect(judgmentText).toContain('ر. ن.');
    expect(judgmentText).not.toContain('ريم');

    const audited = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'document.version_added')
      .where('object_id', '=', judgment.body.documentId)
      .executeTakeFirstOrThrow();
    expect(audited.details).toMatchObject({
      origin: 'generated',
      template: 'judgment',
      sha256: judgment.body.sha256,
    });
  });
});
