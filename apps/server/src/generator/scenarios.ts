/**
 * The kinds of incident the generator simulates, with how often each happens and how it tends to
 * go. Shares are orders of magnitude from Palestinian prosecution and court reports (bounced
 * cheques and assaults fill the magistrate courts; most files end at the prosecution, by
 * withdrawal of the complaint after a settlement (إسقاط الحق الشخصي) or for lack of evidence), not
 * measured statistics: they make a data set that looks and behaves like a caseload.
 */
import { Weighted } from './random';

export type Closure =
  | 'no_crime'
  | 'insufficient_evidence'
  | 'complaint_withdrawn'
  | 'public_interest'
  | 'statute_barred';

export type Victim = 'person' | 'complainant' | 'none';
export type SentenceKind = 'fine' | 'short' | 'medium' | 'long' | 'mixed';
/** The victim's relationship to the accused, and who the victim is. */
export type FamilyTie = readonly [
  relationship: string,
  victim: 'female' | 'male' | 'child',
  weight: number,
];

export interface Scenario {
  key: string;
  /** Offence codes of the catalogue: the main charge first, then possible further charges. */
  offences: readonly string[];
  weight: number;
  /** A victim who is a party, a complainant (a payee, a company's manager), or the public right alone. */
  victim: Victim;
  juvenileShare: number;
  /** The offender is not identified: the police close the report. */
  unknownOffender: number;
  /** Complaints filed straight with the prosecution rather than at the police. */
  directShare: number;
  arrestShare: number;
  /** Prosecution files closed (حفظ) rather than indicted, and why. */
  closeShare: number;
  convictShare: number;
  closures: Weighted<Closure>;
  sentence: SentenceKind;
  /** Key of the summary texts (texts.ts). */
  summary: string;
  /** Family protection: the accused is family of the victim. */
  family?: Weighted<FamilyTie>;
  /** The victim is usually a woman or girl. */
  femaleVictim?: number;
  cyber?: boolean;
}

interface Extras {
  family?: readonly FamilyTie[];
  femaleVictim?: number;
  cyber?: boolean;
}

function s(
  key: string,
  offences: string,
  weight: number,
  victim: Victim,
  shares: readonly [
    juvenile: number,
    unknown: number,
    direct: number,
    arrest: number,
    close: number,
    convict: number,
  ],
  closures: readonly (readonly [Closure, number])[],
  sentence: SentenceKind,
  summary: string,
  extras: Extras = {},
): Scenario {
  const [juvenileShare, unknownOffender, directShare, arrestShare, closeShare, convictShare] =
    shares;
  return {
    key,
    offences: offences.split(' '),
    weight,
    victim,
    juvenileShare,
    unknownOffender,
    directShare,
    arrestShare,
    closeShare,
    convictShare,
    closures: new Weighted(closures),
    sentence,
    summary,
    ...(extras.family
      ? { family: new Weighted(extras.family.map((t) => [t, t[2]] as const)) }
      : {}),
    ...(extras.femaleVictim !== undefined ? { femaleVictim: extras.femaleVictim } : {}),
    ...(extras.cyber ? { cyber: true } : {}),
  };
}

const SETTLED: readonly (readonly [Closure, number])[] = [
  ['complaint_withdrawn', 6],
  ['insufficient_evidence', 3],
  ['no_crime', 1],
];
const EVIDENCE: readonly (readonly [Closure, number])[] = [
  ['insufficient_evidence', 7],
  ['no_crime', 2],
  ['public_interest', 1],
];

const SPOUSE_AND_FAMILY: readonly FamilyTie[] = [
  ['spouse', 'female', 55],
  ['former_spouse', 'female', 8],
  ['child', 'child', 15],
  ['sibling', 'female', 10],
  ['parent', 'female', 7],
  ['other_relative', 'female', 5],
] as const;

// prettier-ignore
export const SCENARIOS: readonly Scenario[] = [
  // key, offences, weight, victim, [juvenile, unknown offender, direct, arrest, closed, convicted],
  // closure reasons, sentence, summary texts, extras
  s('assault', 'PC-334 PC-445', 150, 'person', [0.12, 0.03, 0.1, 0.12, 0.45, 0.6], SETTLED, 'mixed', 'assault'),
  s('serious_assault', 'PC-333 PC-334', 30, 'person', [0.08, 0.02, 0.05, 0.35, 0.3, 0.65], SETTLED, 'short', 'serious_assault'),
  s('theft', 'PC-407', 90, 'person', [0.15, 0.35, 0.03, 0.2, 0.35, 0.7], EVIDENCE, 'short', 'theft'),
  s('aggravated_theft', 'PC-406 PC-347', 40, 'person', [0.12, 0.4, 0.02, 0.4, 0.25, 0.72], EVIDENCE, 'medium', 'burglary'),
  s('robbery', 'PC-401', 8, 'person', [0.1, 0.3, 0, 0.8, 0.15, 0.75], EVIDENCE, 'long', 'robbery'),
  s('handling', 'PC-83', 8, 'none', [0.05, 0, 0.05, 0.2, 0.3, 0.65], EVIDENCE, 'short', 'handling'),
  s('cheque', 'PC-421', 110, 'complainant', [0, 0, 0.7, 0.05, 0.35, 0.7], [['complaint_withdrawn', 9], ['insufficient_evidence', 1]], 'mixed', 'cheque'),
  s('fraud', 'PC-417 PC-422', 30, 'complainant', [0, 0.05, 0.5, 0.1, 0.4, 0.6], SETTLED, 'short', 'fraud'),
  s('threats', 'PC-349 PC-354', 35, 'person', [0.06, 0.02, 0.2, 0.08, 0.5, 0.55], SETTLED, 'fine', 'threats'),
  s('defamation', 'PC-358 PC-359 PC-360', 30, 'complainant', [0.04, 0, 0.5, 0, 0.55, 0.5], SETTLED, 'fine', 'defamation'),
  s('damage', 'PC-445 PC-347', 35, 'person', [0.18, 0.2, 0.1, 0.05, 0.5, 0.6], SETTLED, 'fine', 'damage'),
  s('drugs_use', 'DRG-23', 45, 'none', [0.06, 0, 0, 0.6, 0.2, 0.8], EVIDENCE, 'short', 'drugs_use'),
  s('drugs_trade', 'DRG-14 DRG-23', 14, 'none', [0.02, 0, 0, 0.95, 0.1, 0.8], EVIDENCE, 'long', 'drugs_trade'),
  s('drugs_cultivation', 'DRG-17', 3, 'none', [0, 0, 0, 0.8, 0.15, 0.8], EVIDENCE, 'long', 'drugs_cultivation'),
  s('weapons', 'WPN-2', 18, 'none', [0.03, 0, 0, 0.6, 0.15, 0.8], EVIDENCE, 'mixed', 'weapons'),
  s('arms_trade', 'WPN-2-TRADE WPN-2', 3, 'none', [0, 0, 0, 0.9, 0.1, 0.8], EVIDENCE, 'long', 'arms_trade'),
  s('traffic_injury', 'PC-344', 30, 'person', [0.02, 0.05, 0, 0.05, 0.45, 0.6], SETTLED, 'fine', 'traffic_injury'),
  s('traffic_death', 'PC-343', 5, 'person', [0.01, 0.02, 0, 0.5, 0.25, 0.7], SETTLED, 'short', 'traffic_death'),
  s('cyber_fraud', 'CYB-11', 10, 'complainant', [0.03, 0.3, 0.3, 0.1, 0.4, 0.65], EVIDENCE, 'short', 'cyber_fraud', { cyber: true }),
  s('cyber_blackmail', 'CYB-15 CYB-22', 14, 'person', [0.08, 0.15, 0.3, 0.3, 0.3, 0.7], SETTLED, 'short', 'cyber_blackmail', { femaleVictim: 0.85, cyber: true }),
  s('hacking', 'CYB-4 CYB-7', 3, 'complainant', [0.1, 0.3, 0.4, 0.1, 0.4, 0.6], EVIDENCE, 'short', 'hacking', { cyber: true }),
  s('domestic_violence', 'PC-334-FAM PC-349-FAM', 50, 'person', [0, 0, 0.15, 0.3, 0.4, 0.6], SETTLED, 'short', 'domestic_violence', { family: SPOUSE_AND_FAMILY }),
  s('serious_domestic_violence', 'PC-333-FAM PC-349-FAM', 10, 'person', [0, 0, 0.1, 0.6, 0.25, 0.7], SETTLED, 'medium', 'domestic_violence', { family: SPOUSE_AND_FAMILY }),
  s('family_threats', 'PC-349-FAM', 14, 'person', [0, 0, 0.2, 0.15, 0.45, 0.55], SETTLED, 'short', 'family_threats', { family: SPOUSE_AND_FAMILY }),
  s('child_neglect', 'PC-290 PC-289', 6, 'person', [0, 0, 0.2, 0.05, 0.4, 0.55], EVIDENCE, 'fine', 'child_neglect', { family: [['child', 'child', 1]] }),
  s('child_marriage', 'PC-279', 2, 'person', [0, 0, 0.3, 0, 0.3, 0.6], EVIDENCE, 'fine', 'child_marriage', { family: [['child', 'child', 1]] }),
  s('harassment', 'PC-305 PC-306', 18, 'person', [0.1, 0.1, 0.1, 0.15, 0.4, 0.6], SETTLED, 'short', 'harassment', { femaleVictim: 0.9 }),
  s('sexual_assault', 'PC-296 PC-298', 5, 'person', [0.08, 0.05, 0.05, 0.7, 0.3, 0.65], EVIDENCE, 'long', 'sexual_assault', { femaleVictim: 0.8 }),
  s('rape', 'PC-292', 2, 'person', [0.04, 0.05, 0.05, 0.85, 0.3, 0.65], EVIDENCE, 'long', 'rape', { femaleVictim: 1 }),
  s('incest', 'PC-285 PC-294', 1, 'person', [0, 0, 0.05, 0.9, 0.2, 0.75], EVIDENCE, 'long', 'sexual_assault', { family: [['child', 'child', 3], ['sibling', 'female', 1]] }),
  s('abduction', 'PC-302 PC-346', 1, 'person', [0, 0.1, 0, 0.8, 0.2, 0.7], EVIDENCE, 'long', 'abduction', { femaleVictim: 1 }),
  s('homicide', 'PC-326 PC-327 PC-328', 3, 'person', [0.03, 0.15, 0, 0.95, 0.08, 0.8], EVIDENCE, 'long', 'homicide'),
  s('fatal_assault', 'PC-330 PC-335', 2, 'person', [0.03, 0.05, 0, 0.9, 0.1, 0.8], EVIDENCE, 'long', 'homicide'),
  s('resisting', 'PC-185 PC-191', 12, 'none', [0.05, 0, 0, 0.5, 0.3, 0.7], EVIDENCE, 'fine', 'resisting'),
  s('false_accusation', 'PC-210 PC-214', 4, 'none', [0, 0, 0.6, 0, 0.45, 0.5], EVIDENCE, 'short', 'false_accusation'),
  s('forgery', 'PC-271 PC-265', 9, 'complainant', [0, 0.05, 0.5, 0.1, 0.35, 0.65], EVIDENCE, 'medium', 'forgery'),
  s('corruption', 'PC-170 PC-174', 3, 'none', [0, 0, 0.8, 0.3, 0.35, 0.6], EVIDENCE, 'medium', 'corruption'),
  s('blackmail', 'PC-415', 5, 'person', [0.03, 0.05, 0.2, 0.3, 0.35, 0.65], SETTLED, 'short', 'blackmail', { femaleVictim: 0.6 }),
  s('arson', 'PC-368 PC-445', 3, 'person', [0.1, 0.3, 0, 0.6, 0.25, 0.7], EVIDENCE, 'long', 'arson'),
  s('child_abduction', 'PC-291', 1, 'person', [0, 0, 0.3, 0.2, 0.4, 0.55], SETTLED, 'short', 'child_abduction', { family: [['child', 'child', 1]] }),
];

export const SCENARIO_CHOICE = new Weighted(
  SCENARIOS.map((scenario) => [scenario, scenario.weight] as const),
);
