/**
 * A family protection complaint in Arabic, through the screens (issue 6). A prosecutor of the
 * family protection unit (an account the test creates: the demo has none) registers the complaint
 * of a woman against her husband, with her address kept confidential: the file becomes a family
 * protection file, restricted, with mediation blocked. She records a risk assessment through the
 * questionnaire (a red-flag answer: high risk, an urgent task), tries to refer the victim to a
 * service without her consent (refused, nothing sent), refers her with consent, and issues a
 * no-contact measure. The chief prosecutor, who is not on the team, sees the victim by initials
 * only; a prosecutor of the general unit does not find her in person search at all, sees her
 * person page by initials only, and may not open the file. The service provider (another created account) sees the referral with the
 * minimum information and accepts it; the prosecutor sees the answer on the file. The unit reads
 * the family protection dashboard with exact figures, the analyst with small cells withheld.
 * Every screen passes axe-core; screenshots land in test-artifacts.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, hebronDate, institutionByCode, type Json } from './support/api';
import {
  checkInBothLanguages,
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newUserPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import { localInput, openEvent, selectContaining, submitEvent } from './support/case-page';
import { browserSuiteSkipReason } from './support/environment';

const DAY_MS = 86_400_000;
const CASE_URL = /\/cases\/([0-9a-f-]{36})$/;

interface NewPerson {
  first: string;
  father: string;
  grandfather: string;
  family: string;
  sex: 'female' | 'male';
  dateOfBirth: string;
}

/** Registers a new person in the register screen's dialog, as a party of the given role. */
async function addNewParty(page: Page, button: string, person: NewPerson) {
  await page.getByTestId(button).click();
  await page.getByTestId('person-first-name').fill(person.first);
  await page.getByTestId('person-father-name').fill(person.father);
  await page.getByTestId('person-grandfather-name').fill(person.grandfather);
  await page.getByTestId('person-family-name').fill(person.family);
  await page.getByTestId('person-sex').selectOption(person.sex);
  await page.getByTestId('person-date-of-birth').fill(person.dateOfBirth);
  await page.getByTestId('person-save').click();
  await page.getByTestId('person-save').waitFor({ state: 'detached' });
}

async function openFile(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-header').waitFor();
}

describe.skipIf(browserSuiteSkipReason() !== null)('a family protection complaint', () => {
  let browser: Browser;
  const suffix = randomBytes(3).toString('hex');
  // Accounts the demo lacks: a prosecutor of RAM-PRO's family protection unit, and a protection
  // service provider at the Ramallah social development directorate.
  const unitProsecutor = `fp-prosecutor-${suffix}`;
  const serviceProvider = `fp-service-${suffix}`;
  const victim: NewPerson = {
    first: 'سناء',
    father: 'محمود',
    grandfather: 'علي',
    family: `الحسيني${suffix}`,
    sex: 'female',
    dateOfBirth: '1992-04-11',
  };
  const husband: NewPerson = {
    first: 'وائل',
    father: 'سمير',
    grandfather: 'فؤاد',
    family: `العمري${suffix}`,
    sex: 'male',
    dateOfBirth: '1987-09-30',
  };
  const summary = `اعتداء زوج على زوجته بالضرب والخنق في منزلهما في البيرة (${suffix})`;
  let caseId = '';
  let victimPartyId = '';
  let victimPersonId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await apiLogin('admin');
    const office = await institutionByCode(admin, 'RAM-PRO');
    const services = await institutionByCode(admin, 'RAM-MSD');
    const familyUnit = (office.units as Json[]).find((u) => u.kind === 'family_protection');
    expect(familyUnit).toBeDefined();
    await apiRequest(admin, 'POST', '/admin/users', {
      username: unitProsecutor,
      password: DEMO_PASSWORD,
      displayNameAr: 'ريم حداد',
      displayNameEn: 'Reem Haddad',
      sex: 'female',
      institutionId: office.id,
      roles: [{ role: 'prosecutor', institutionId: office.id, unitId: familyUnit?.id }],
    });
    await apiRequest(admin, 'POST', '/admin/users', {
      username: serviceProvider,
      password: DEMO_PASSWORD,
      displayNameAr: 'منى الأسمر',
      displayNameEn: 'Muna al-Asmar',
      sex: 'female',
      institutionId: services.id,
      roles: [{ role: 'service_provider', institutionId: services.id }],
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the unit prosecutor registers the complaint of a wife against her husband', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, unitProsecutor);
    await page.getByRole('link', { name: 'تسجيل ملف' }).click();
    await page.getByTestId('register-case-type').waitFor();
    await page
      .getByTestId('register-incident-date')
      .fill(hebronDate(new Date(Date.now() - 2 * DAY_MS)));
    await page.getByTestId('register-summary').fill(summary);
    await addNewParty(page, 'party-add-suspect', husband);
    await addNewParty(page, 'party-add-victim', victim);
    const victimRow = page.locator('[data-testid="register-party"][data-role="victim"]');
    await victimRow.getByTestId('register-party-relationship').selectOption('spouse');
    await victimRow.getByTestId('register-party-confidential-address').check();
    expect(await page.getByTestId('register-family-hint').textContent()).toContain(
      'ملف حماية أسرة',
    );
    await checkInBothLanguages(page, 'family-1-register');

    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(CASE_URL);
    caseId = CASE_URL.exec(page.url())?.[1] ?? '';
    await page.getByTestId('case-header').waitFor();

    expect(await page.getByTestId('family-protection-badge').textContent()).toBe('حماية الأسرة');
    const family = page.getByTestId('section-family-protection');
    expect(await family.getByTestId('family-reasons').textContent()).toContain(
      'الضحية من أسرة المشتكى عليه',
    );
    expect(await family.getByTestId('family-mediation-blocked').textContent()).toContain(
      'الوساطة ممنوعة',
    );
    expect(await family.getByTestId('family-flags').textContent()).toContain('عنف من شريك حميم');
    const victimParty = page.locator('[data-testid^="party-"][data-role="victim"]');
    expect(await victimParty.getByTestId('party-relationship').textContent()).toContain('زوج/زوجة');
    expect(await victimParty.getByTestId('confidential-address').textContent()).toBe('عنوان سري');
    // She is on the team: the full name, no "protected victim" marker.
    expect(await victimParty.textContent()).toContain(`${victim.first} ${victim.father}`);
    expect(await victimParty.getByTestId('protected-victim').count()).toBe(0);
    victimPartyId = ((await victimParty.getAttribute('data-testid')) ?? '').replace('party-', '');

    // Restricted, in the family protection unit.
    const token = await apiLogin(unitProsecutor);
    const file = await apiRequest(token, 'GET', `/cases/${caseId}`);
    expect(file).toMatchObject({ isFamilyProtection: true, confidentiality: 'restricted' });
    victimPersonId =
      ((file.parties as Json[]).find((p) => p.role === 'victim')?.personId as string | undefined) ??
      '';
    await checkInBothLanguages(page, 'family-2-case-page');
    await context.close();
  });

  it('she records a risk assessment and, with the victim’s consent, a referral', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, unitProsecutor);
    await openFile(page, caseId);

    // The risk assessment: the configured questionnaire's questions, every one answered.
    const risk = await openEvent(page, 'assess_risk');
    await risk.getByTestId('risk-question-strangulation').waitFor();
    await risk.getByTestId('event-submit').click();
    expect(await risk.getByTestId('risk-unanswered').textContent()).toContain('أسئلة بلا إجابة');
    const questions = await risk.locator('[data-testid^="risk-question-"]').all();
    for (const question of questions) {
      const id = ((await question.getAttribute('data-testid')) ?? '').replace('risk-question-', '');
      const answer = id === 'strangulation' || id === 'separation' ? 'yes' : 'no';
      await risk.getByTestId(`risk-answer-${id}-${answer}`).check();
    }
    await expectAccessible(page, 'family: risk assessment form');
    await saveScreenshot(page, 'family-3-risk-form-ar');
    await submitEvent(page, risk, 'assess_risk');
    const riskSection = page.getByTestId('section-risk');
    // Strangulation is a red flag: at least high, whatever the score.
    await expect
      .poll(() => riskSection.getByTestId('risk-level').textContent())
      .toBe('الخطر: مرتفع');
    expect(await riskSection.getByTestId('risk-urgent').textContent()).toContain('مهمة عاجلة');
    expect(await page.getByTestId('section-deadlines').textContent()).toMatch(/عاجل/);

    // A referral without the victim's consent is refused, and nothing is sent.
    const refer = await openEvent(page, 'refer_to_service');
    await selectContaining(refer.getByTestId('field-victimPartyId'), victim.first);
    await refer.getByTestId('field-service').selectOption('psychosocial');
    await selectContaining(
      refer.getByTestId('field-institutionId'),
      'مديرية التنمية الاجتماعية - رام الله',
    );
    await refer
      .getByTestId('field-note')
      .fill('الضحية تطلب جلسات دعم نفسي، ويفضّل الاتصال بها صباحاً.');
    await refer.getByTestId('event-submit').click();
    const refusal = refer.getByTestId('event-rule');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('موافقة الضحية');
    expect(await refusal.textContent()).toContain('REFERRAL_CONSENT_REQUIRED');
    await expectAccessible(page, 'family: referral refused without consent');
    await saveScreenshot(page, 'family-4-referral-refused-ar');
    await refer.getByTestId('field-consent').selectOption('given');
    await submitEvent(page, refer, 'refer_to_service');
    const referrals = page.getByTestId('section-referrals');
    await expect.poll(() => referrals.getByTestId('referral-status').count()).toBe(1);
    expect(await referrals.getByTestId('referral-status').textContent()).toBe('مرسلة');
    expect(await referrals.getByTestId('referral-consent').textContent()).toBe('بموافقة الضحية');

    await checkInBothLanguages(page, 'family-5-risk-referral');
    await context.close();
  });

  it('she issues a no-contact measure and records its violation', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, unitProsecutor);
    await openFile(page, caseId);
    // A no-contact measure for 30 days.
    const measure = await openEvent(page, 'issue_protection_measure');
    await measure.getByTestId('field-measureKind').selectOption('no_contact');
    await selectContaining(measure.getByTestId('field-protectedPartyId'), victim.first);
    await selectContaining(measure.getByTestId('field-againstPartyId'), husband.first);
    await measure.getByTestId('field-authority').selectOption('prosecution');
    await measure
      .getByTestId('field-conditions')
      .fill('يمتنع المشتكى عليه عن الاتصال بالضحية بأي وسيلة، مباشرة أو عبر غيره.');
    await measure
      .getByTestId('field-expiresAt')
      .fill(localInput(new Date(Date.now() + 30 * DAY_MS)));
    await submitEvent(page, measure, 'issue_protection_measure');
    const measures = page.getByTestId('section-measures');
    await expect.poll(() => measures.getByTestId('measure-status').textContent()).toBe('سارٍ');

    // He called her just after: a violation, recorded against the measure in force. The form
    // takes whole minutes; the next one is after the issue and within the server's clock grace.
    const violation = await openEvent(page, 'record_measure_violation');
    await selectContaining(violation.getByTestId('field-measureId'), 'منع التواصل مع الضحية');
    const nextMinute = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    await violation.getByTestId('field-occurredAt').fill(localInput(nextMinute));
    await violation
      .getByTestId('field-description')
      .fill('اتصل المشتكى عليه بالضحية هاتفياً وهددها، بحسب إفادتها وسجل المكالمات.');
    await submitEvent(page, violation, 'record_measure_violation');
    await expect.poll(() => measures.getByTestId('measure-status').textContent()).toBe('خُرق');
    expect(await measures.getByTestId('measure-violations').textContent()).toContain(
      'اتصل المشتكى عليه بالضحية',
    );
    await checkInBothLanguages(page, 'family-5b-measure');
    await context.close();
  });

  it('the chief prosecutor, who is not on the team, sees the victim by initials only', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'chief');
    await openFile(page, caseId);
    const row = page.getByTestId(`party-${victimPartyId}`);
    expect(await row.getAttribute('data-masked')).toBe('true');
    const text = (await row.textContent()) ?? '';
    expect(text).not.toContain(victim.first);
    expect(text).not.toContain(victim.family);
    expect(text).toContain('س.');
    expect(await row.getByTestId('protected-victim').textContent()).toContain('ضحية محمية');
    expect(await page.content()).not.toContain(victim.first);
    // The accused is not protected: named in full.
    expect(await page.getByTestId('section-parties').textContent()).toContain(husband.first);
    await checkInBothLanguages(page, 'family-6-chief-masked');
    await context.close();
  });

  it('a prosecutor of the general unit does not find her in person search, sees her page by initials only, and may not open the file', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'prosecutor');
    // Person search does not even tell him that her name matched (ADR 0017): no row, masked or not.
    await page.goto(`/persons?q=${encodeURIComponent(victim.family)}`);
    await page.getByTestId('person-search-empty').waitFor();
    expect(await page.getByTestId('person-search-result').count()).toBe(0);
    expect(await page.content()).not.toContain(victim.first);
    await checkInBothLanguages(page, 'family-7-search-not-found');

    // Her person page, reached by its address: initials, the marker, and her details withheld
    // (not "unknown").
    await page.goto(`/persons/${victimPersonId}`);
    await page.getByTestId('prior-record').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('س. ح.');
    expect(await page.getByTestId('protected-victim').textContent()).toContain('ضحية محمية');
    expect(await page.locator('main').textContent()).toContain('محجوب لحماية الضحية');
    expect(await page.content()).not.toContain(victim.first);
    await checkInBothLanguages(page, 'family-7b-person-masked');

    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('case-refused').waitFor();
    expect(await page.content()).not.toContain(victim.first);
    await context.close();
  });

  it('the service sees the referral with the minimum information and accepts it', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, serviceProvider);
    // Her home works (no task of hers), and the menu leads to the referrals.
    await page
      .getByTestId(/work-item|work-queue-empty/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'الإحالات إلى خدمتنا' }).click();
    const card = page.getByTestId('referral-card').first();
    await card.waitFor();
    expect(await card.getByTestId('referral-victim').textContent()).toContain(victim.first);
    expect(await card.getByTestId('referral-risk').textContent()).toBe('الخطر: مرتفع');
    expect(await card.textContent()).toContain('نيابة رام الله');
    // Never the file: no summary, no accused.
    expect(await page.content()).not.toContain(summary);
    expect(await page.content()).not.toContain(husband.first);
    await checkInBothLanguages(page, 'family-8-service-referrals');

    await card.getByTestId('referral-accept').click();
    const form = page.getByTestId('referral-answer-form');
    await form
      .getByTestId('referral-feedback')
      .fill('أول جلسة دعم نفسي يوم الأحد القادم في مقر المديرية.');
    await expectAccessible(page, 'family: service accepts the referral');
    await saveScreenshot(page, 'family-9-service-accept-ar');
    await form.getByTestId('referral-answer-submit').click();
    await form.waitFor({ state: 'detached' });
    // Accepted: still waiting for the service (to close it), now accepted.
    await expect
      .poll(() => page.getByTestId('referral-card').first().getAttribute('data-status'))
      .toBe('accepted');
    await context.close();
  });

  it('the prosecutor sees the service’s answer, and the unit reads the dashboard', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, unitProsecutor);
    await openFile(page, caseId);
    const referrals = page.getByTestId('section-referrals');
    expect(await referrals.getByTestId('referral-status').textContent()).toBe('مقبولة');
    expect(await referrals.textContent()).toContain('أول جلسة دعم نفسي');

    await page.getByRole('link', { name: 'لوحة حماية الأسرة' }).click();
    await page.getByTestId('dashboard-from').waitFor();
    await page.getByTestId('dashboard-from').fill(hebronDate(new Date(Date.now() - 30 * DAY_MS)));
    await page.getByTestId('dashboard-to').fill(hebronDate(new Date()));
    await page.getByRole('button', { name: 'عرض اللوحة' }).click();
    const attrition = page.getByTestId('dashboard-attrition-table');
    await attrition.waitFor();
    // The unit sees exact figures: the complaint registered above is counted.
    expect(await page.getByTestId('dashboard-suppression').getAttribute('data-applied')).toBe(
      'false',
    );
    const complaints = attrition.locator('[data-row="complaint"] [data-figure]').first();
    expect(Number(await complaints.getAttribute('data-figure'))).toBeGreaterThanOrEqual(1);
    expect(
      Number(
        await page
          .getByTestId('dashboard-referrals-total')
          .locator('[data-figure]')
          .getAttribute('data-figure'),
      ),
    ).toBeGreaterThanOrEqual(1);
    await expect
      .poll(
        () =>
          page.locator('[data-testid="dashboard-attrition"] .recharts-bar-rectangle path').count(),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    // Split by relationship: a column per relationship, the spouse among them.
    await page.getByTestId('dashboard-split').click();
    await page.getByRole('option', { name: 'صلة الضحية بالمشتكى عليه' }).click();
    await page.getByRole('button', { name: 'عرض اللوحة' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('splitBy')).toBe('relationship');
    // The split is computed on the server: give it the time a loaded machine needs.
    await expect
      .poll(() => attrition.locator('thead').textContent(), { timeout: 15_000 })
      .toContain('زوج/زوجة');
    await checkInBothLanguages(page, 'family-10-dashboard-unit');
    await context.close();
  });

  it('the analyst reads the dashboard with small cells withheld', async () => {
    const { context, page } = await newUserPage(browser);
    await signIn(page, 'analyst');
    await page.getByRole('link', { name: 'لوحة حماية الأسرة' }).click();
    await page.getByTestId('dashboard-from').waitFor();
    await page.getByTestId('dashboard-from').fill(hebronDate(new Date(Date.now() - 30 * DAY_MS)));
    await page.getByTestId('dashboard-to').fill(hebronDate(new Date()));
    await page.getByRole('button', { name: 'عرض اللوحة' }).click();
    const notice = page.getByTestId('dashboard-suppression');
    await notice.waitFor();
    expect(await notice.getAttribute('data-applied')).toBe('true');
    expect(await notice.textContent()).toContain('محجوبة');
    // The few files of the demo are below the threshold: withheld, said in words.
    const withheld = page.locator('[data-suppressed="true"]');
    expect(await withheld.count()).toBeGreaterThan(0);
    expect(await withheld.first().textContent()).toContain('محجوب');
    await checkInBothLanguages(page, 'family-11-dashboard-analyst');
    await context.close();
  });
});
