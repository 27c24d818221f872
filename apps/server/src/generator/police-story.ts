/**
 * The police part of a story: the report registered by an investigator of the governorate's
 * police (its family and juvenile protection unit for those matters), the parties, the
 * evidence-gathering with statements, an arrest held under a police order and handed over within
 * its 24 hours, then closure or referral to the prosecution.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from './calendar';
import type { MatterStory } from './matter-story';
import type { SimFile } from './sim-model';
import { NOTES } from './texts';

const ISO = (ms: number) => new Date(ms).toISOString();

/** The police report; returns the prosecution file it was referred to, or null. */
export function policeStage(story: MatterStory): { file: SimFile; handover: number | null } | null {
  const run = story.run;
  const rng = run.rng;
  const fjp = story.familyProtection || story.cast.juvenile;
  const unit = fjp && run.ctx.org.byCode.has(`${story.govCode}-FJP`) ? 'FJP' : 'POL';
  const police = story.institution(unit);
  let t = story.incidentAt + Math.round(rng.skewed(fjp ? 36 : 3, 0.2, 400) * HOUR_MS);
  const investigator = story.staff(police, 'police_investigator', t);
  if (!run.alive(t) || !investigator) return null;
  const file = run.register({
    caseType: 'police_report',
    institution: police,
    unitId: null,
    at: t,
    actor: investigator,
    summary: story.summary,
    confidentiality: story.familyProtection ? 'restricted' : 'normal',
  });
  const act = story.leadActor(file, 'police_investigator', investigator);
  t = story.addParties(file, t, act);
  const fire = (name: string, payload: Record<string, unknown>, at: number) => {
    if (!run.alive(at)) return false;
    t = run.fire(file, name, payload, at, act);
    return true;
  };
  if (
    !fire(
      'start_evidence_gathering',
      { note: NOTES.startEvidence },
      story.time.minutesAfter(t, 10, 120),
    )
  )
    return null;
  const accused = story.cast.accused[0];
  const detained =
    accused !== undefined && !story.cast.underAge && rng.chance(story.scenario.arrestShare);
  let handover: number | null = null;
  if (detained) {
    const arrestedAt = t + rng.int(5, 30) * MINUTE_MS;
    if (
      !fire(
        'arrest',
        story.arrestPayload(file, accused, arrestedAt, 'police_custody'),
        arrestedAt + rng.int(5, 20) * MINUTE_MS,
      )
    )
      return null;
    const detention = file.detentions.at(-1)?.id ?? '';
    if (
      !fire(
        'police_hold',
        { detentionId: detention, duration: 24, reason: NOTES.policeHold },
        story.time.minutesAfter(t, 5, 20),
      )
    )
      return null;
    handover = arrestedAt + rng.int(18, 23) * HOUR_MS;
    story.statements(file, t, handover - HOUR_MS, fire);
    if (
      !fire(
        'release',
        { detentionId: detention, releasedAt: ISO(handover), reason: NOTES.handover },
        handover,
      )
    )
      return null;
  } else {
    story.statements(file, t, t + 3 * DAY_MS, fire);
  }
  if (accused === undefined || rng.chance(0.04) || !run.canOpenFile()) {
    const reason = accused === undefined ? NOTES.closeReport : NOTES.withdrawn;
    fire('close_report', { reason }, story.time.daysAfter(police.calendar, t, 12, 1, 90));
    return null;
  }
  const referAt = handover ?? story.time.daysAfter(police.calendar, t, 4, 1, 45);
  const prosecution = story.institution('PRO');
  if (!fire('refer_to_prosecution', { prosecutionOfficeId: prosecution.id }, referAt + MINUTE_MS))
    return null;
  const referred = run.lastReferred;
  return referred ? { file: referred, handover } : null;
}
