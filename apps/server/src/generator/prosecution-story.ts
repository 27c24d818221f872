/**
 * The prosecution part of a story: the file received from the police (accepted into the right
 * unit) or registered directly, the investigation (charges, questioning, GBV classification,
 * detention under the rule table of Law 3/2001 or the juvenile one), the juvenile path, and the
 * decision: حفظ, transfer to another office, or indictment before the competent court.
 */
import { competentCourtLevels, type CourtLevel, type OffenceClass } from '@qadiya/domain';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './calendar';
import { courtStage } from './court-story';
import { juvenilePath } from './juvenile-story';
import type { Actor } from './matter-run';
import type { MatterStory } from './matter-story';
import type { OrgInstitution } from './organisation';
import { GOVERNORATES } from './organisation-spec';
import type { SimFile } from './sim-model';
import { NOTES } from './texts';

const ISO = (ms: number) => new Date(ms).toISOString();

/** The GBVIMS core type of an incident, by the act (one per incident). */
const GBV_TYPE_OF: Readonly<Record<string, string>> = {
  domestic_violence: 'physical_assault',
  serious_domestic_violence: 'physical_assault',
  family_threats: 'psychological_abuse',
  child_neglect: 'denial_of_resources',
  child_marriage: 'forced_marriage',
  harassment: 'sexual_assault',
  sexual_assault: 'sexual_assault',
  incest: 'sexual_assault',
  rape: 'rape',
  abduction: 'physical_assault',
  cyber_blackmail: 'psychological_abuse',
  child_abduction: 'psychological_abuse',
};

/** The prosecution file: received from the police (and accepted) or registered directly. */
export function prosecutionStage(
  story: MatterStory,
  referred: { file: SimFile; handover: number | null } | null,
  office?: OrgInstitution,
): void {
  const run = story.run;
  const rng = run.rng;
  const pro = office ?? story.institution('PRO');
  const unitKind = story.cast.juvenile
    ? 'juvenile'
    : story.scenario.cyber && pro.units.has('cybercrime')
      ? 'cybercrime'
      : story.familyProtection
        ? 'family_protection'
        : 'general';
  const unitId = pro.units.get(unitKind) ?? null;
  let file: SimFile;
  let t: number;
  let acting: Actor;
  if (referred) {
    file = referred.file;
    const arrived = file.openedAt;
    t = referred.handover
      ? story.time.minutesAfter(arrived, 30, 180)
      : story.time.workingDaysAfter(pro.calendar, arrived, rng.int(0, 3));
    const acceptor = story.staff(pro, 'chief_prosecutor', t) ?? story.staff(pro, 'prosecutor', t);
    if (!run.alive(t) || !acceptor) return;
    t = run.accept(
      file,
      t,
      acceptor,
      unitId !== file.unitId && !story.cast.juvenile ? unitId : undefined,
    );
    acting = story.leadActor(file, 'prosecutor', acceptor);
  } else {
    t = story.incidentAt + Math.round(rng.skewed(72, 2, 900) * HOUR_MS);
    t = story.time.officeOn(pro.calendar, story.time.dayOf(t));
    const registrant = story.staff(pro, 'prosecutor', t, unitId);
    if (!run.alive(t) || !registrant) return;
    file = run.register({
      caseType: 'prosecution_file',
      institution: pro,
      unitId,
      at: t,
      actor: registrant,
      summary: story.summary,
      confidentiality: story.familyProtection ? 'restricted' : 'normal',
    });
    acting = story.leadActor(file, 'prosecutor', registrant);
    t = story.addParties(file, t, acting);
  }
  investigate(story, file, t, acting, referred?.handover ?? null);
}

function investigate(
  story: MatterStory,
  file: SimFile,
  from: number,
  actor: Actor,
  handover: number | null,
): void {
  const run = story.run;
  const rng = run.rng;
  const pro = file.institution;
  let t = from;
  const fire = (name: string, payload: Record<string, unknown>, at: number, by: Actor = actor) => {
    if (!run.alive(at)) return false;
    t = run.fire(file, name, payload, at, by);
    return true;
  };
  const openAt = handover
    ? story.time.minutesAfter(t, 10, 40)
    : story.time.workingDaysAfter(pro.calendar, t, rng.int(0, 3));
  if (!fire('open_investigation', { note: NOTES.openInvestigation }, openAt)) return;
  if (file.charges.length === 0 && !story.cast.underAge) {
    for (const index of story.cast.accused) {
      const partyId = story.party(file, index, 'accused');
      for (const [i, code] of story.scenario.offences.entries()) {
        if (i > 0 && !rng.chance(0.3)) continue;
        const offence = run.ctx.offences.get(code);
        if (!offence) continue;
        if (
          !fire('add_charge', { partyId, offenceId: offence.id }, story.time.minutesAfter(t, 5, 40))
        )
          return;
      }
    }
  }
  const felony = file.charges.some((c) => c.offenceClass === 'felony');
  const gbvType = GBV_TYPE_OF[story.scenario.key];
  if (file.isFamilyProtection && gbvType && !file.gbvType && rng.chance(0.8)) {
    if (!fire('classify_gbv', { gbvType }, story.time.minutesAfter(t, 30, 600))) return;
  }
  const hasLawyer = file.parties.some((p) => p.role === 'lawyer');
  if (felony && story.cast.lawyer !== null && !story.cast.juvenile && !hasLawyer) {
    const lawyer = { personId: run.personId(story.cast.lawyer), role: 'lawyer' };
    if (!fire('add_party', lawyer, story.time.minutesAfter(t, 30, 600))) return;
  }
  const detention = detain(story, file, t, handover, felony, fire);
  if (detention === false) return;
  t = Math.max(t, detention.lastAt);
  if (!detention.isOpen) {
    story.statements(file, t, t + 10 * DAY_MS, fire);
  }
  if (story.cast.juvenile && !juvenilePath(story, file, fire, () => t)) return;
  if (story.cast.underAge) {
    const social = story.institution('MSD');
    fire(
      'refer_to_child_protection',
      { socialServicesId: social.id },
      story.time.daysAfter(pro.calendar, t, 5, 1, 30),
    );
    return;
  }
  if (file.state !== 'under_investigation') return;
  const decideAt = detention.isOpen
    ? (detention.releaseBy ?? t) - rng.int(2, 20) * HOUR_MS
    : story.time.daysAfter(pro.calendar, t, felony ? 60 : 30, 3, 400);
  decide(
    story,
    file,
    Math.max(decideAt, t + MINUTE_MS),
    felony,
    detention.isOpen ? detention.id : null,
    fire,
  );
}

/** Arrest and detention orders within the rule table; returns whether it is still open. */
function detain(
  story: MatterStory,
  file: SimFile,
  from: number,
  handover: number | null,
  felony: boolean,
  fire: (name: string, payload: Record<string, unknown>, at: number) => boolean,
): { isOpen: boolean; id: string; releaseBy: number | null; lastAt: number } | false {
  const rng = story.run.rng;
  const accused = story.cast.accused[0];
  const arrested =
    handover !== null ||
    (accused !== undefined && !story.cast.underAge && rng.chance(story.scenario.arrestShare * 0.3));
  if (!arrested || accused === undefined)
    return { isOpen: false, id: '', releaseBy: null, lastAt: from };
  let t = from;
  const arrestedAt = handover ?? from + rng.int(1, 5) * DAY_MS;
  if (
    !fire(
      'arrest',
      story.arrestPayload(file, accused, arrestedAt, 'adult_centre'),
      Math.max(t, arrestedAt) + rng.int(5, 30) * MINUTE_MS,
    )
  )
    return false;
  const detention = file.detentions.at(-1);
  if (!detention) return false;
  const juvenile = story.cast.juvenile;
  t = detention.arrestedAt + rng.int(30, 120) * MINUTE_MS;
  if (
    !fire(
      'order_detention',
      { detentionId: detention.id, duration: juvenile ? 24 : 48, reason: NOTES.prosecutionOrder },
      t,
    )
  )
    return false;
  let expiry = detention.orders.at(-1)?.expiresAt ?? t;
  const extensions = juvenile ? rng.int(0, 2) : felony ? rng.int(1, 3) : rng.int(0, 2);
  for (let i = 0; i < extensions; i += 1) {
    const issueAt = expiry - rng.int(2, 10) * HOUR_MS;
    const days = juvenile ? rng.int(5, 10) : rng.int(7, 15);
    if (
      !fire(
        'extend_detention',
        { detentionId: detention.id, duration: days, reason: NOTES.courtExtension },
        issueAt,
      )
    )
      return false;
    expiry = detention.orders.at(-1)?.expiresAt ?? expiry;
  }
  // A juvenile is held for the shortest time (the counsellor's report comes after the release).
  if (juvenile || rng.chance(felony ? 0.35 : 0.6)) {
    const releasedAt = Math.max(t, expiry - rng.int(6, 48) * HOUR_MS);
    if (
      !fire(
        'release',
        { detentionId: detention.id, releasedAt: ISO(releasedAt), reason: NOTES.bail },
        releasedAt,
      )
    )
      return false;
    return { isOpen: false, id: detention.id, releaseBy: null, lastAt: releasedAt };
  }
  return { isOpen: true, id: detention.id, releaseBy: expiry, lastAt: t };
}

/** حفظ, transfer or indictment. */
function decide(
  story: MatterStory,
  file: SimFile,
  at: number,
  felony: boolean,
  openDetention: string | null,
  fire: (name: string, payload: Record<string, unknown>, at: number) => boolean,
): void {
  const run = story.run;
  const rng = run.rng;
  const pending = file.charges.filter((c) => c.disposition === 'pending');
  const failedMediation = file.mediationStatus === 'failed' || file.mediationStatus === 'declined';
  const closeShare = failedMediation ? 0.3 : Math.min(0.9, story.scenario.closeShare + 0.1);
  const court = competentCourt(
    story,
    file,
    pending.map((c) => c.offenceClass),
  );
  const close = pending.length === 0 || !court || rng.chance(closeShare) || !run.canOpenFile();
  if (openDetention) {
    const reason = close ? NOTES.bail : NOTES.toCourt;
    if (
      !fire(
        'release',
        { detentionId: openDetention, releasedAt: ISO(at - MINUTE_MS), reason },
        at - MINUTE_MS,
      )
    )
      return;
  }
  if (close) {
    const reasonCode = story.scenario.closures.draw(rng);
    fire(
      'close_file',
      {
        reasonCode,
        note: reasonCode === 'complaint_withdrawn' ? NOTES.withdrawn : 'حفظ الأوراق.',
      },
      at,
    );
    return;
  }
  if (!story.transferred && !story.cast.juvenile && rng.chance(0.01)) {
    const other = run.ctx.org.byCode.get(
      `${GOVERNORATES[(story.gov + 1) % GOVERNORATES.length]?.code ?? 'RAM'}-PRO`,
    );
    if (other && other.id !== file.institution.id) {
      if (!fire('transfer', { prosecutionOfficeId: other.id, note: 'عدم الاختصاص المكاني.' }, at))
        return;
      story.transferred = true;
      const transferred = run.lastReferred;
      if (transferred) prosecutionStage(story, { file: transferred, handover: null }, other);
      return;
    }
  }
  // A child's misdemeanours reach a court only after mediation was offered (Art. 23); with a
  // felony and no mediation, only the felony charges are indicted and the rest are dropped.
  const felonies = pending.filter((c) => c.offenceClass === 'felony');
  if (file.isJuvenile && file.mediationStatus === null && felonies.length === 0) {
    const reasonCode = story.scenario.closures.draw(rng);
    fire('close_file', { reasonCode, note: 'حفظ الأوراق.' }, at);
    return;
  }
  const eligible =
    file.isJuvenile && file.mediationStatus === null && felonies.length > 0 ? felonies : pending;
  const chosen = eligible.length > 1 && rng.chance(0.15) ? eligible.slice(0, -1) : eligible;
  const indictCourt =
    competentCourt(
      story,
      file,
      chosen.map((c) => c.offenceClass),
    ) ?? court;
  if (!fire('indict', { courtId: indictCourt.id, chargeIds: chosen.map((c) => c.id) }, at)) return;
  const courtFile = run.lastReferred;
  if (courtFile) courtStage(story, courtFile, felony);
}

/** The competent court of the governorate (decisions.ts checks level and place). */
function competentCourt(
  story: MatterStory,
  file: SimFile,
  classes: OffenceClass[],
): OrgInstitution | null {
  const org = story.run.ctx.org;
  const levels = competentCourtLevels(classes, { juvenile: file.isJuvenile });
  const grave = ['homicide', 'fatal_assault', 'rape', 'drugs_trade', 'arms_trade'].includes(
    story.scenario.key,
  );
  const preference: CourtLevel[] = grave
    ? ['grand_felonies', 'first_instance', 'magistrate']
    : [...levels];
  for (const level of preference) {
    if (!levels.includes(level)) continue;
    const courts = org.courts(level, file.institution.governorate ?? story.govCode);
    if (courts.length > 0) return story.run.rng.pick(courts);
  }
  return null;
}
