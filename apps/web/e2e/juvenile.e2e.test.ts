/**
 * A juvenile file in Arabic, through the screens only (issue 5). The demo's juvenile file (a boy
 * of 15 who broke a shop window, at RAM-PRO's juvenile unit): the counsellor finds the social
 * research report in her work queue and submits it through the generated form; the juvenile
 * prosecutor reads it, offers mediation, records the consents and refers to the mediator; the
 * mediator records the agreement; the prosecutor records its fulfilment, which closes the file by
 * diversion. A prosecutor of the general unit is refused the file; the analyst reads the juvenile
 * indicators with their charts. Then a second file, set up through the API, in which the mediator
 * records a failure: the file leaves the mediator's hands, and the app says so and goes home.
 * Every screen passes axe-core; screenshots land in test-artifacts.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  apiRequest,
  fireEvent,
  hebronDate,
  institutionByCode,
  type Json,
} from './support/api';
import {
  checkInBothLanguages,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import {
  chooseSearchable,
  expectState,
  localInput,
  openEvent,
  submitEvent,
} from './support/case-page';
import { browserSuiteSkipReason } from './support/environment';

// The demo's juvenile file (apps/server/src/demo/seed-demo-files.ts, file 5).
const JUVENILE_FAMILY = 'البرغوثي';
const JUVENILE_SUMMARY = 'كسر واجهة زجاجية';
const MEDIATOR = 'خالد عبد الرحمن';
const DAY_MS = 86_400_000;

/** Opens from the home screen's work queue the file of the task with this title. */
async function openFromWorkQueue(page: Page, taskTitle: string): Promise<string> {
  const item = page.getByTestId('work-item').filter({ hasText: taskTitle }).first();
  await item.waitFor();
  const caseId = (await item.getAttribute('data-case-id')) ?? '';
  expect(caseId).not.toBe('');
  await item.getByRole('link').first().click();
  await expect.poll(() => page.url()).toContain(`/cases/${caseId}`);
  await page.getByTestId('case-header').waitFor();
  return caseId;
}

async function openFile(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-header').waitFor();
}

/** The steps of the mediation stepper and their state (done, current, pending, stopped). */
async function stepStates(page: Page): Promise<Record<string, string | null>> {
  const states: Record<string, string | null> = {};
  for (const step of ['offered', 'in_mediation', 'agreed', 'fulfilled']) {
    states[step] = await page.getByTestId(`mediation-step-${step}`).getAttribute('data-state');
  }
  return states;
}

describe.skipIf(browserSuiteSkipReason() !== null)('a juvenile file, mediation to closure', () => {
  let browser: Browser;
  let caseId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the counsellor finds the report in her work queue and submits it through the form', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'counsellor');
    await page.getByTestId('work-item').first().waitFor();
    await saveScreenshot(page, 'juvenile-1-counsellor-queue-ar');
    caseId = await openFromWorkQueue(page, 'إعداد تقرير البحث الاجتماعي');
    expect(await page.getByTestId('juvenile-badge').textContent()).toBe('حدث');
    expect(await page.getByTestId('social-report-status').textContent()).toBe(
      'بانتظار تقرير المرشد',
    );
    expect(await page.getByTestId('section-parties').textContent()).toContain(JUVENILE_FAMILY);
    await expectAccessible(page, 'juvenile: case page (counsellor)');

    const report = await openEvent(page, 'submit_social_report');
    await report
      .getByTestId('field-familySituation')
      .fill('يعيش مع والديه وثلاثة إخوة في حي الماصيون، والأسرة متماسكة ومتعاونة.');
    await report
      .getByTestId('field-education')
      .fill('طالب في الصف التاسع، تحصيله متوسط، ولا غياب متكرر.');
    await report.getByTestId('field-health').fill('سليم، لا أمراض مزمنة.');
    await report
      .getByTestId('field-circumstances')
      .fill(
        'شجار بين طلاب بعد الدوام، دفع فيه الحدث زميله نحو الواجهة دون قصد الإتلاف، وأبدى ندمه.',
      );
    await report.getByTestId('field-recommendation').selectOption('mediation');
    await report
      .getByTestId('field-recommendationNote')
      .fill('الوساطة مع صاحب المحل وإصلاح الضرر بمساعدة الأسرة.');
    await expectAccessible(page, 'juvenile: social research report form');
    await saveScreenshot(page, 'juvenile-2-report-form-ar');
    await submitEvent(page, report, 'submit_social_report');
    await expect
      .poll(() => page.getByTestId('social-report-status').textContent())
      .toBe('التقرير مودع في الملف');

    // The task is done: it has left her work queue.
    await page.getByRole('link', { name: 'مهامي' }).click();
    await page
      .getByTestId(/work-item|work-queue-empty/)
      .first()
      .waitFor();
    // The list shown first may be the one cached before the report; it is fetched again.
    await expect
      .poll(() => page.locator(`[data-testid="work-item"][data-case-id="${caseId}"]`).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await context.close();
  });

  it('the juvenile prosecutor reads the report, offers mediation and refers to the mediator', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'juvenile');
    await openFile(page, caseId);
    expect(await page.getByTestId('social-report-recommendation').textContent()).toBe('الوساطة');
    expect(await page.getByTestId('section-social-report').textContent()).toContain('الصف التاسع');

    const offer = await openEvent(page, 'offer_mediation');
    await offer.getByTestId('field-note').fill('عُرضت الوساطة على الحدث ووالده وعلى صاحب المحل.');
    await submitEvent(page, offer, 'offer_mediation');
    await expectState(page, 'عُرضت الوساطة');
    expect(await page.getByTestId('mediation-status').textContent()).toBe('عُرضت الوساطة');

    const refer = await openEvent(page, 'refer_to_mediation');
    await refer.getByTestId('field-consentGivenBy').selectOption('guardian');
    await refer.getByTestId('field-victimConsent').check();
    await refer.getByTestId('field-admissionOfFacts').check();
    await chooseSearchable(page, refer.getByTestId('field-mediatorUserId'), MEDIATOR);
    await expectAccessible(page, 'juvenile: referral to the mediator');
    await saveScreenshot(page, 'juvenile-3-refer-form-ar');
    await submitEvent(page, refer, 'refer_to_mediation');
    await expectState(page, 'في الوساطة');
    expect(await stepStates(page)).toEqual({
      offered: 'done',
      in_mediation: 'done',
      agreed: 'current',
      fulfilled: 'pending',
    });
    expect(await page.getByTestId('section-mediation').textContent()).toContain(MEDIATOR);
    await expectAccessible(page, 'juvenile: case page with the mediation stepper');
    await saveScreenshot(page, 'juvenile-4-in-mediation-ar');
    await context.close();
  });

  it('the mediator finds the session in the work queue and records the agreement', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'mediator');
    expect(await openFromWorkQueue(page, 'عقد جلسة الوساطة')).toBe(caseId);

    const agreement = await openEvent(page, 'record_mediation_agreement');
    await agreement
      .getByTestId('field-signedAt')
      .fill(localInput(new Date(Date.now() - 3_600_000)));
    await agreement
      .getByTestId('field-minutes')
      .fill('اجتمع الحدث ووالده وصاحب المحل، واعتذر الحدث، واتفق الطرفان على إصلاح الواجهة.');
    await agreement.getByTestId('field-obligations.0.kind').selectOption('repair_damage');
    await agreement
      .getByTestId('field-obligations.0.detail')
      .fill('دفع كلفة إصلاح الواجهة الزجاجية (1200 شيكل) على أربعة أقساط.');
    await agreement
      .getByTestId('field-complianceDueDate')
      .fill(hebronDate(new Date(Date.now() + 60 * DAY_MS)));
    await expectAccessible(page, 'juvenile: mediation agreement form');
    await saveScreenshot(page, 'juvenile-5-agreement-form-ar');
    await submitEvent(page, agreement, 'record_mediation_agreement');
    await expectState(page, 'تنفيذ اتفاق الوساطة');
    const terms = page.getByTestId('mediation-agreement');
    expect(await terms.textContent()).toContain('إصلاح الضرر');
    expect(await terms.textContent()).toContain('1200 شيكل');
    await context.close();
  });

  it('the prosecutor records the fulfilment: the file is closed and the charge diverted', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'juvenile');
    await openFile(page, caseId);
    const fulfilled = await openEvent(page, 'record_mediation_fulfilled');
    await fulfilled.getByTestId('field-note').fill('أصلح الحدث الضرر كاملاً وأكّد صاحب المحل ذلك.');
    await submitEvent(page, fulfilled, 'record_mediation_fulfilled');
    await expectState(page, 'محفوظ');
    expect(await page.getByTestId('mediation-status').textContent()).toBe('نُفذ الاتفاق');
    expect(await stepStates(page)).toEqual({
      offered: 'done',
      in_mediation: 'done',
      agreed: 'done',
      fulfilled: 'done',
    });
    expect(await page.getByTestId('section-charges').textContent()).toContain(
      'انتهت بالوساطة (تحويل)',
    );
    await checkInBothLanguages(page, 'juvenile-6-closed');
    await context.close();
  });

  it('refuses the file to a prosecutor of the general unit, showing none of it', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('case-header').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'لا يحق لك الاطلاع على هذا الملف',
    );
    expect(await page.getByTestId('case-refused').textContent()).toContain('سجل التدقيق');
    const content = await page.content();
    expect(content).not.toContain(JUVENILE_FAMILY);
    expect(content).not.toContain(JUVENILE_SUMMARY);
    await expectAccessible(page, 'juvenile: refused');
    await saveScreenshot(page, 'juvenile-7-refused-ar');
    await context.close();
  });

  it('shows the analyst the juvenile indicators with figures and charts', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'analyst');
    await page.getByRole('link', { name: 'مؤشرات قضاء الأحداث' }).click();
    await page.getByTestId('indicators-from').waitFor();
    await page.getByTestId('indicators-from').fill(hebronDate(new Date(Date.now() - 90 * DAY_MS)));
    await page.getByTestId('indicators-to').fill(hebronDate(new Date()));
    await page.getByRole('button', { name: 'عرض المؤشرات' }).click();

    const children = page.getByTestId('indicator-children_in_conflict');
    // At least the demo's juvenile file, in the user's (Arabic) digits.
    await expect
      .poll(async () => (await children.getByTestId('indicator-value').textContent()) ?? '')
      .toMatch(/[1-9١-٩]/);
    // The diversion rate counts the file closed by mediation above.
    const diversion = page.getByTestId('indicator-pre_sentence_diversion_rate');
    expect(await diversion.getByTestId('indicator-value').textContent()).toMatch(/[1-9١-٩]/);
    // A chart with bars beside the table of every indicator.
    await expect
      .poll(() => children.locator('.recharts-bar-rectangle path').count())
      .toBeGreaterThan(0);
    // Beside every table, its chart, or a sentence saying there is nothing above zero to draw.
    const charts = await page.locator('figure .recharts-surface').count();
    const noCharts = await page.getByTestId('indicator-no-chart').count();
    expect(charts).toBeGreaterThan(0);
    expect(charts + noCharts).toBe(await page.getByTestId('indicator-breakdown').count());
    await checkInBothLanguages(page, 'juvenile-8-indicators');
    await context.close();
  });
});

describe.skipIf(browserSuiteSkipReason() !== null)('a failed mediation', () => {
  let browser: Browser;
  let caseId = '';
  const suffix = randomBytes(3).toString('hex');
  const family = `الحدث${suffix}`;

  // Set up through the API: a juvenile file with its report, referred to the mediator.
  beforeAll(async () => {
    browser = await launchBrowser();
    const prosecutor = await apiLogin('juvenile');
    const counsellor = await apiLogin('counsellor');
    const office = await institutionByCode(prosecutor, 'RAM-PRO');
    const incidentDate = hebronDate(new Date(Date.now() - 2 * DAY_MS));
    let file = await apiRequest(prosecutor, 'POST', '/cases', {
      caseType: 'prosecution_file',
      institutionId: office.id,
      unitId: (office.units as Json[]).find((u) => u.kind === 'juvenile')?.id ?? null,
      summary: `إتلاف مقعد في حديقة عامة (${suffix})`,
      incidentDate,
    });
    const birth = new Date(Date.now() - (14 * 365 + 100) * DAY_MS);
    const accused = await apiRequest(prosecutor, 'POST', '/persons', {
      firstNameAr: 'عمر',
      fatherNameAr: 'سعيد',
      familyNameAr: family,
      sex: 'male',
      dateOfBirth: hebronDate(birth),
    });
    const victim = await apiRequest(prosecutor, 'POST', '/persons', {
      firstNameAr: 'نادر',
      fatherNameAr: 'حسين',
      familyNameAr: `الطويل${suffix}`,
      sex: 'male',
      dateOfBirth: '1970-01-01',
    });
    file = await fireEvent(prosecutor, file, 'add_party', {
      personId: accused.id,
      role: 'accused',
    });
    file = await fireEvent(prosecutor, file, 'add_party', { personId: victim.id, role: 'victim' });
    file = await fireEvent(prosecutor, file, 'open_investigation');
    const offences = await apiRequest(prosecutor, 'GET', '/offences?q=PC-445');
    const offence = (offences.items as Json[]).find((o) => o.code === 'PC-445');
    const party = (file.parties as Json[]).find((p) => p.role === 'accused');
    file = await fireEvent(prosecutor, file, 'add_charge', {
      partyId: party?.id,
      offenceId: offence?.id,
      incidentDate,
    });
    const workers = async (kind: string) =>
      (
        (await apiRequest(prosecutor, 'GET', `/lookups/case-workers?kind=${kind}`)).items as Json[]
      ).find((w) => w.username === kind)?.id as string;
    file = await fireEvent(prosecutor, file, 'instruct_counsellor', {
      counsellorUserId: await workers('counsellor'),
      dueDate: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    });
    file = await fireEvent(counsellor, file, 'submit_social_report', {
      familySituation: 'يعيش مع والدته',
      education: 'طالب في الصف الثامن',
      health: 'سليم',
      circumstances: 'كسر مقعداً أثناء اللعب',
      recommendation: 'mediation',
    });
    file = await apiRequest(prosecutor, 'GET', `/cases/${file.id as string}`);
    file = await fireEvent(prosecutor, file, 'offer_mediation');
    file = await fireEvent(prosecutor, file, 'refer_to_mediation', {
      consentGivenBy: 'juvenile',
      victimConsent: true,
      admissionOfFacts: true,
      mediatorUserId: await workers('mediator'),
    });
    caseId = file.id as string;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('records the failure: the file leaves the mediator, who is told so and sent home', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'mediator');
    await openFile(page, caseId);
    const failure = await openEvent(page, 'record_mediation_failure');
    await failure.getByTestId('field-reason').fill('لم يحضر ولي أمر الحدث جلستين متتاليتين.');
    await failure.getByTestId('event-submit').click();

    // Home, with the notice in Arabic, and none of the file on screen.
    const notice = page.getByTestId('event-access-ended');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('خرج الملف من يدك');
    expect(await notice.textContent()).toContain('تسجيل فشل الوساطة');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page
      .getByTestId(/work-item|work-queue-empty/)
      .first()
      .waitFor();
    expect(await page.getByTestId('case-header').count()).toBe(0);
    expect(await page.locator(`[data-testid="work-item"][data-case-id="${caseId}"]`).count()).toBe(
      0,
    );
    await expectAccessible(page, 'juvenile: mediator sent home');
    await saveScreenshot(page, 'juvenile-9-mediator-home-ar');

    // The way back leads to the refusal, not to the file.
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('case-header').count()).toBe(0);
    await context.close();
  });

  it('shows the prosecutor where the mediation path stopped', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'juvenile');
    await openFile(page, caseId);
    await expectState(page, 'قيد التحقيق');
    expect(await page.getByTestId('mediation-status').textContent()).toBe('فشلت الوساطة');
    expect(await stepStates(page)).toEqual({
      offered: 'done',
      in_mediation: 'done',
      agreed: 'stopped',
      fulfilled: 'pending',
    });
    expect(await page.getByTestId('section-mediation').textContent()).toContain(
      'لم يحضر ولي أمر الحدث',
    );
    await expectAccessible(page, 'juvenile: failed mediation');
    await saveScreenshot(page, 'juvenile-10-mediation-failed-ar');
    await context.close();
  });
});
