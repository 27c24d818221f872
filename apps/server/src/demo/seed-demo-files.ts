/**
 * A few demo files, so that a demo prosecutor finds work in the inbox and a demo judge finds a
 * hearing in the calendar. Every file is made through the real use cases (registerPerson,
 * registerCase, fireEvent, the outbox handler, acceptCase), acting as the demo users at the
 * clock's "now": each obeys its workflow, its numbering, the audit log and the outbox exactly as if
 * it had been typed in the app. Seeded only right after the demo organisation went into an empty
 * database (demo-startup.ts); the use cases commit one by one, so this is not one transaction.
 *
 * 1–2. Two police reports of RAM-POL (a mobile phone stolen from a shop, a simple assault in a
 *      market), referred to RAM-PRO and delivered: waiting in the prosecutor's inbox.
 * 3.   A prosecution file accepted by the prosecutor, under investigation, with the accused
 *      arrested three hours ago on a 48-hour prosecution detention order.
 * 4.   A criminal case at RAM-MAG (report → prosecution file → charge of simple assault →
 *      indictment), accepted by the clerk, with a hearing on the next working day before the judge.
 * 5.   A juvenile file (a boy of 15 who broke a shop window): referred by the police, routed to
 *      RAM-PRO's juvenile unit and accepted by its prosecutor, charged with a misdemeanour, the
 *      counsellor of RAM-MSD instructed to write the social research report (in her work queue).
 *      Mediation (Art. 23) can then be offered from the case page.
 */
import {
  addWorkingDays,
  endOfLocalDay,
  localDateOf,
  localDateString,
  type PartyRole,
} from '@qadiya/domain';
import { findActiveAssignments } from '../auth/sessions.repository';
import { loadWorkingCalendar } from '../calendar/working-calendar';
import { acceptCase } from '../cases/intake/accept-case';
import { fireEvent } from '../cases/fire-event';
import { registerCase } from '../cases/register-case';
import { OUTBOX_HANDLERS } from '../outbox/handlers';
import { deliverDueMessages } from '../outbox/outbox-worker';
import { registerPerson } from '../persons/register-person';
import type { RegisterPersonBody } from '../persons/persons.schemas';
import type { Services, UseCaseContext } from '../use-case-context';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The hearing's local start (court time). 09:00 rather than 09:30 so that its 30 minutes never
 * overlap the demo judge's 07:30 UTC hearing the browser suite books two days ahead.
 */
const HEARING_LOCAL_HOUR = 9;
const HEARING_MINUTES = 30;

/** Audit and event rows of the seed carry this request id, so they are easy to tell apart. */
export const DEMO_FILES_REQUEST_ID = 'demo-seed';

export interface DemoFilesSummary {
  persons: number;
  /** Police reports referred to RAM-PRO and waiting there, unaccepted. */
  inboxFiles: number;
  /** The prosecution file with the accused in detention. */
  detentionFileId: string;
  /** The criminal case at RAM-MAG and its hearing. */
  courtCaseId: string;
  hearingStartsAt: Date;
  /** The juvenile file at RAM-PRO's juvenile unit, awaiting the social research report. */
  juvenileFileId: string;
}

type DemoPerson = RegisterPersonBody & { firstNameAr: string };

interface DemoMatter {
  summary: string;
  incidentDaysAgo: number;
  accused: DemoPerson;
  victim: DemoPerson;
  /** The victim's statement taken during evidence-gathering. */
  statement: string;
}

const THEFT_FROM_SHOP: DemoMatter = {
  summary:
    'سرقة هاتف محمول من محل لبيع الهواتف الخلوية في شارع الإرسال - رام الله: طلب المشتكى عليه معاينة الهاتف ثم فرّ به.',
  incidentDaysAgo: 2,
  accused: {
    firstNameAr: 'معاذ',
    fatherNameAr: 'جمال',
    grandfatherNameAr: 'سليم',
    familyNameAr: 'دراغمة',
    nameLatin: "Mu'adh Jamal Salim Daraghmeh",
    sex: 'male',
    dateOfBirth: '1999-07-12',
    nationality: 'PS',
    address: 'البيرة - حي أم الشرايط',
  },
  victim: {
    firstNameAr: 'إياد',
    fatherNameAr: 'نبيل',
    grandfatherNameAr: 'حسن',
    familyNameAr: 'الريماوي',
    nameLatin: 'Iyad Nabil Hasan al-Rimawi',
    sex: 'male',
    dateOfBirth: '1981-02-03',
    nationality: 'PS',
    address: 'رام الله - شارع الإرسال',
  },
  statement:
    'أفاد صاحب المحل بأن شاباً طلب معاينة هاتف من نوع سامسونج ثم خرج به مسرعاً، وأن كاميرا المحل صوّرت الحادثة.',
};

const ASSAULT_IN_MARKET: DemoMatter = {
  summary:
    'اعتداء بالضرب على بائع خضار في سوق الحسبة المركزي في البيرة إثر خلاف على ثمن البضاعة، نتجت عنه رضوض في الوجه والذراع.',
  incidentDaysAgo: 1,
  accused: {
    firstNameAr: 'وسيم',
    fatherNameAr: 'عادل',
    grandfatherNameAr: 'محمد',
    familyNameAr: 'شقير',
    nameLatin: 'Wasim Adel Mohammad Shuqair',
    sex: 'male',
    dateOfBirth: '1994-11-20',
    nationality: 'PS',
    address: 'رام الله - بيتونيا',
  },
  victim: {
    firstNameAr: 'طارق',
    fatherNameAr: 'فايز',
    grandfatherNameAr: 'عبد الكريم',
    familyNameAr: 'حمايل',
    nameLatin: 'Tareq Fayez Abdelkarim Hamayel',
    sex: 'male',
    dateOfBirth: '1987-05-08',
    nationality: 'PS',
    address: 'البيرة - سوق الحسبة المركزي',
  },
  statement:
    'أفاد المشتكي بأن المشتكى عليه ضربه بيده على وجهه وذراعه أمام البسطة، وقدّم تقريراً طبياً من مجمع فلسطين الطبي.',
};

const BAG_SNATCHING: DemoMatter = {
  summary:
    'خطف حقيبة يد من سيدة في ميدان المنارة - رام الله، وضبط المشتكى عليه بعد ملاحقته من أفراد الشرطة.',
  incidentDaysAgo: 0,
  accused: {
    firstNameAr: 'رامي',
    fatherNameAr: 'سعيد',
    grandfatherNameAr: 'عيسى',
    familyNameAr: 'زهران',
    nameLatin: 'Rami Saeed Issa Zahran',
    sex: 'male',
    dateOfBirth: '2001-03-15',
    nationality: 'PS',
    address: 'رام الله - مخيم الأمعري',
  },
  victim: {
    firstNameAr: 'سناء',
    fatherNameAr: 'محمود',
    grandfatherNameAr: 'يوسف',
    familyNameAr: 'الشيخ',
    nameLatin: 'Sanaa Mahmoud Yousef al-Sheikh',
    sex: 'female',
    dateOfBirth: '1976-09-30',
    nationality: 'PS',
    address: 'رام الله - حي الطيرة',
  },
  statement:
    'أفادت المشتكية بأن شاباً انتزع حقيبتها من يدها وفرّ باتجاه شارع ركب، وكان في الحقيبة مبلغ ثلاثمائة شيكل وبطاقة الهوية.',
};

const NEIGHBOURS_FIGHT: DemoMatter = {
  summary:
    'مشاجرة بين جارين في حي الماصيون - رام الله بسبب موقف سيارة، أصيب فيها المشتكي بجروح طفيفة وتقرير طبي بتعطيل عشرة أيام.',
  incidentDaysAgo: 12,
  accused: {
    firstNameAr: 'أنس',
    fatherNameAr: 'رائد',
    grandfatherNameAr: 'خليل',
    familyNameAr: 'عوض',
    nameLatin: 'Anas Raed Khalil Awad',
    sex: 'male',
    dateOfBirth: '1997-01-22',
    nationality: 'PS',
    address: 'رام الله - الماصيون',
  },
  victim: {
    firstNameAr: 'محمد',
    fatherNameAr: 'سمير',
    grandfatherNameAr: 'إبراهيم',
    familyNameAr: 'قرعان',
    nameLatin: 'Mohammad Samir Ibrahim Qaraan',
    sex: 'male',
    dateOfBirth: '1990-06-11',
    nationality: 'PS',
    address: 'رام الله - الماصيون',
  },
  statement:
    'أفاد المشتكي بأن جاره دفعه وضربه بقبضة يده بعد خلاف على موقف السيارة أمام العمارة، وأرفق تقريراً طبياً بتعطيل عشرة أيام.',
};

export async function seedDemoFiles(services: Services): Promise<DemoFilesSummary> {
  const seed = new DemoSeeder(services);
  const police = await seed.institution('RAM-POL');
  const prosecution = await seed.institution('RAM-PRO');
  const court = await seed.institution('RAM-MAG');

  // 1–2: referred to the prosecution and delivered, not accepted: the prosecutor's inbox.
  await seed.referredReport(THEFT_FROM_SHOP, police, prosecution);
  await seed.referredReport(ASSAULT_IN_MARKET, police, prosecution);

  // 3: accepted, under investigation, the accused arrested three hours ago and held 48 hours.
  const snatching = await seed.referredReport(BAG_SNATCHING, police, prosecution);
  const detentionFile = await seed.acceptReferral('prosecutor', snatching.id);
  await seed.fire('prosecutor', detentionFile.id, 'open_investigation', {
    note: 'فتح التحقيق واستجواب المشتكى عليه بحضور محاميه.',
  });
  const snatcher = await seed.partyOf(detentionFile.id, 'accused');
  await seed.fire('prosecutor', detentionFile.id, 'add_charge', {
    partyId: snatcher,
    offenceId: await seed.offence('PC-407'),
    incidentDate: seed.localDateDaysAgo(BAG_SNATCHING.incidentDaysAgo),
  });
  await seed.fire('prosecutor', detentionFile.id, 'arrest', {
    partyId: snatcher,
    arrestedAt: new Date(seed.now().getTime() - 3 * HOUR_MS).toISOString(),
    place: 'مركز شرطة رام الله - المنارة',
  });
  await seed.fire('prosecutor', detentionFile.id, 'order_detention', {
    detentionId: await seed.openDetentionOf(detentionFile.id, snatcher),
    duration: 48,
    reason: 'خشية فرار المشتكى عليه والتأثير على الشهود، واستكمال التحقيق.',
  });

  // 4: charged with simple assault, indicted to the magistrate court, accepted by its clerk.
  const fight = await seed.referredReport(NEIGHBOURS_FIGHT, police, prosecution);
  const prosecutionFile = await seed.acceptReferral('prosecutor', fight.id);
  await seed.fire('prosecutor', prosecutionFile.id, 'open_investigation', {});
  const neighbour = await seed.partyOf(prosecutionFile.id, 'accused');
  await seed.fire('prosecutor', prosecutionFile.id, 'question', {
    partyId: neighbour,
    summary: 'أقرّ المشتكى عليه بوقوع المشاجرة وأنكر أنه بدأ بالضرب.',
  });
  await seed.fire('prosecutor', prosecutionFile.id, 'add_charge', {
    partyId: neighbour,
    offenceId: await seed.offence('PC-334'),
    incidentDate: seed.localDateDaysAgo(NEIGHBOURS_FIGHT.incidentDaysAgo),
  });
  await seed.fire('prosecutor', prosecutionFile.id, 'indict', {
    courtId: court,
    chargeIds: await seed.pendingChargesOf(prosecutionFile.id),
    note: 'إحالة إلى محكمة صلح رام الله بتهمة الإيذاء البسيط.',
  });
  await seed.deliver();
  const courtCase = await seed.acceptReferral('clerk', prosecutionFile.id);
  const hearingStartsAt = await seed.nextWorkingDayAt(court, HEARING_LOCAL_HOUR);
  await seed.fire('clerk', courtCase.id, 'schedule_hearing', {
    startsAt: hearingStartsAt.toISOString(),
    durationMinutes: HEARING_MINUTES,
    room: 'قاعة 1',
    judgeIds: [await seed.userId('judge')],
    summonedPartyIds: [
      await seed.partyOf(courtCase.id, 'accused'),
      await seed.partyOf(courtCase.id, 'victim'),
    ],
  });

  // 5: a juvenile file, in the juvenile unit, the counsellor instructed.
  const window = await seed.referredReport(
    {
      ...BROKEN_WINDOW,
      accused: { ...BROKEN_WINDOW.accused, dateOfBirth: seed.birthDateAged(15) },
    },
    police,
    prosecution,
  );
  const juvenileFile = await seed.acceptReferral('juvenile', window.id);
  await seed.fire('juvenile', juvenileFile.id, 'open_investigation', {
    note: 'استجواب الحدث بحضور والده ومرشد حماية الطفولة.',
  });
  await seed.fire('juvenile', juvenileFile.id, 'add_charge', {
    partyId: await seed.partyOf(juvenileFile.id, 'accused'),
    offenceId: await seed.offence('PC-445'),
    incidentDate: seed.localDateDaysAgo(BROKEN_WINDOW.incidentDaysAgo),
  });
  await seed.fire('juvenile', juvenileFile.id, 'instruct_counsellor', {
    counsellorUserId: await seed.userId('counsellor'),
    dueDate: new Date(seed.now().getTime() + 7 * DAY_MS).toISOString(),
    note: 'إعداد تقرير البحث الاجتماعي وتقييم ملاءمة الوساطة.',
  });

  return {
    persons: seed.personCount,
    inboxFiles: 2,
    detentionFileId: detentionFile.id,
    courtCaseId: courtCase.id,
    hearingStartsAt,
    juvenileFileId: juvenileFile.id,
  };
}

const BROKEN_WINDOW: DemoMatter = {
  summary:
    'كسر واجهة زجاجية لمحل حلويات في شارع ركب - رام الله أثناء شجار بين طلاب بعد انتهاء الدوام المدرسي.',
  incidentDaysAgo: 3,
  accused: {
    firstNameAr: 'يزن',
    fatherNameAr: 'خالد',
    grandfatherNameAr: 'يوسف',
    familyNameAr: 'البرغوثي',
    nameLatin: 'Yazan Khaled Yousef al-Barghouthi',
    sex: 'male',
    // Replaced by a date that makes him 15 whenever the demo is seeded.
    dateOfBirth: '2011-01-01',
    nationality: 'PS',
    address: 'رام الله - حي الماصيون',
  },
  victim: {
    firstNameAr: 'سامي',
    fatherNameAr: 'جريس',
    grandfatherNameAr: 'إلياس',
    familyNameAr: 'خوري',
    nameLatin: 'Sami Jiries Elias Khoury',
    sex: 'male',
    dateOfBirth: '1970-08-19',
    nationality: 'PS',
    address: 'رام الله - شارع ركب',
  },
  statement:
    'أفاد صاحب المحل بأن مجموعة من الطلاب تشاجروا أمام المحل وأن أحدهم دفع زميله نحو الواجهة فانكسرت، وقدّر الضرر بـ 1200 شيكل.',
};

/** The demo users acting through the use cases, and the look-ups the seed needs. */
class DemoSeeder {
  personCount = 0;
  private readonly userIds = new Map<string, string>();

  constructor(private readonly services: Services) {}

  now(): Date {
    return this.services.clock.now();
  }

  /** The use-case context of a demo user acting now, as a signed-in request would build it. */
  async as(username: string): Promise<UseCaseContext> {
    const { db } = this.services;
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const now = this.now();
    return {
      ...this.services,
      origin: { requestId: DEMO_FILES_REQUEST_ID, sourceIp: null, occurredAt: now },
      actor: {
        userId: user.id,
        username: user.username,
        displayNameAr: user.display_name_ar,
        displayNameEn: user.display_name_en,
        institutionId: user.institution_id,
        sessionId: '',
        assignments: await findActiveAssignments(db, user.id, now),
      },
    };
  }

  async userId(username: string): Promise<string> {
    const known = this.userIds.get(username);
    if (known) return known;
    const { id } = await this.services.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    this.userIds.set(username, id);
    return id;
  }

  async institution(code: string): Promise<string> {
    const { id } = await this.services.db
      .selectFrom('institutions')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return id;
  }

  async offence(code: string): Promise<string> {
    const { id } = await this.services.db
      .selectFrom('offences')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return id;
  }

  /** A date of birth that makes someone `years` old today (and a few months more). */
  birthDateAged(years: number): string {
    const today = localDateOf(this.now(), this.services.config.timeZone);
    const month = today.month > 4 ? today.month - 4 : today.month + 8;
    const year = today.year - years - (today.month > 4 ? 0 : 1);
    return `${year}-${String(month).padStart(2, '0')}-10`;
  }

  localDateDaysAgo(days: number): string {
    return localDateString(
      new Date(this.now().getTime() - days * DAY_MS),
      this.services.config.timeZone,
    );
  }

  async person(username: string, person: DemoPerson): Promise<string> {
    const { id } = await registerPerson(await this.as(username), person);
    this.personCount += 1;
    return id;
  }

  /** Fires an event at the file's current version, as a demo user. */
  async fire(
    username: string,
    caseId: string,
    event: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const { version } = await this.services.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    await fireEvent(await this.as(username), caseId, { event, version, payload });
  }

  /** A police report with its accused and victim, referred to the prosecution and delivered. */
  async referredReport(matter: DemoMatter, policeId: string, prosecutionId: string) {
    const accused = await this.person('investigator', matter.accused);
    const victim = await this.person('investigator', matter.victim);
    const report = await registerCase(await this.as('investigator'), {
      caseType: 'police_report',
      institutionId: policeId,
      summary: matter.summary,
      incidentDate: this.localDateDaysAgo(matter.incidentDaysAgo),
    });
    await this.fire('investigator', report.id, 'add_party', { personId: accused, role: 'accused' });
    await this.fire('investigator', report.id, 'add_party', { personId: victim, role: 'victim' });
    await this.fire('investigator', report.id, 'start_evidence_gathering', {});
    await this.fire('investigator', report.id, 'record_statement', {
      partyId: await this.partyOf(report.id, 'victim'),
      summary: matter.statement,
    });
    await this.fire('investigator', report.id, 'refer_to_prosecution', {
      prosecutionOfficeId: prosecutionId,
    });
    await this.deliver();
    return report;
  }

  /** Delivers the outbox now, as the server's worker would a second later. */
  async deliver(): Promise<void> {
    const { failed } = await deliverDueMessages(this.services, OUTBOX_HANDLERS);
    if (failed > 0) throw new Error(`demo seed: ${failed} outbox message(s) failed to deliver`);
  }

  /** Accepts from the inbox the file that the referral of `senderCaseId` opened. */
  async acceptReferral(username: string, senderCaseId: string) {
    const received = await this.services.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where('referred_from_id', '=', senderCaseId)
      .where('intake_status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return acceptCase(await this.as(username), received.id, { version: received.version });
  }

  async partyOf(caseId: string, role: PartyRole): Promise<string> {
    const { id } = await this.services.db
      .selectFrom('parties')
      .select('id')
      .where('case_id', '=', caseId)
      .where('role', '=', role)
      .orderBy('added_at')
      .executeTakeFirstOrThrow();
    return id;
  }

  async pendingChargesOf(caseId: string): Promise<string[]> {
    const rows = await this.services.db
      .selectFrom('charges')
      .select('id')
      .where('case_id', '=', caseId)
      .where('disposition', '=', 'pending')
      .execute();
    return rows.map((row) => row.id);
  }

  async openDetentionOf(caseId: string, partyId: string): Promise<string> {
    const { id } = await this.services.db
      .selectFrom('detentions')
      .select('id')
      .where('case_id', '=', caseId)
      .where('party_id', '=', partyId)
      .where('released_at', 'is', null)
      .executeTakeFirstOrThrow();
    return id;
  }

  /**
   * `hour`:00 court time on the institution's next working day after today (its weekend days and
   * holidays skipped). Counted back from the end of that day, so a daylight-saving change in the
   * small hours does not move it.
   */
  async nextWorkingDayAt(institutionId: string, hour: number): Promise<Date> {
    const { timeZone } = this.services.config;
    const calendar = await loadWorkingCalendar(this.services.db, institutionId, timeZone);
    const day = localDateOf(addWorkingDays(this.now(), 1, calendar), timeZone);
    return new Date(endOfLocalDay(day, timeZone).getTime() + 1 - (24 - hour) * HOUR_MS);
  }
}
