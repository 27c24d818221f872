/**
 * The justice chain the generator builds: in every governorate a police directorate and a family
 * and juvenile protection police unit, a prosecution office with its units, a magistrate court
 * (two in the largest governorates), a first-instance court, a juvenile court and a social
 * development directorate; correction centres where they are; three courts of appeal (Ramallah
 * for the north and centre, Jerusalem for the south, Gaza); the national Court of Cassation,
 * Grand Felonies Court and bar association. Codes follow the demo organisation's
 * (`RAM-PRO`, `NAB-MAG`…), so a demo database is extended rather than duplicated.
 *
 * Staff are sized from the expected yearly volume, so that a small run has a handful of users and
 * a national one has hundreds, each with a plausible caseload.
 */
import type { CourtLevel, InstitutionKind, Role, UnitKind } from '@qadiya/domain';
import { DEMO_REGIONS } from '../demo/demo-organisation';

export interface GovernorateSpec {
  code: string;
  nameAr: string;
  nameEn: string;
  /** Share of the population (PCBS orders of magnitude), which drives the share of crime. */
  weight: number;
  appealCourt: string;
  hasCybercrimeUnit: boolean;
  correctionCentre: { ar: string; en: string } | null;
  secondMagistrate: { ar: string; en: string } | null;
  areas: readonly string[];
}

const WEIGHTS: Record<string, number> = {
  JEN: 330,
  TUB: 65,
  TUL: 200,
  NAB: 420,
  QAL: 120,
  SAL: 85,
  RAM: 350,
  JRH: 55,
  JER: 180,
  BET: 230,
  HEB: 800,
  NGZ: 420,
  GZA: 700,
  DEB: 300,
  KHY: 440,
  RAF: 260,
};
const GAZA = new Set(['NGZ', 'GZA', 'DEB', 'KHY', 'RAF']);
const SOUTH = new Set(['JER', 'BET', 'HEB']);

const CORRECTION: Record<string, { ar: string; en: string }> = {
  NAB: {
    ar: 'مركز إصلاح وتأهيل الجنيد - نابلس',
    en: 'Juneid Correction and Rehabilitation Centre, Nablus',
  },
  JRH: { ar: 'مركز إصلاح وتأهيل أريحا', en: 'Jericho Correction and Rehabilitation Centre' },
  HEB: { ar: 'مركز إصلاح وتأهيل الظاهرية', en: 'Dhahiriya Correction and Rehabilitation Centre' },
  BET: { ar: 'مركز إصلاح وتأهيل بيت لحم', en: 'Bethlehem Correction and Rehabilitation Centre' },
  JEN: { ar: 'مركز إصلاح وتأهيل جنين', en: 'Jenin Correction and Rehabilitation Centre' },
  TUL: { ar: 'مركز إصلاح وتأهيل طولكرم', en: 'Tulkarm Correction and Rehabilitation Centre' },
  GZA: { ar: 'مركز إصلاح وتأهيل غزة', en: 'Gaza Correction and Rehabilitation Centre' },
  KHY: { ar: 'مركز إصلاح وتأهيل خان يونس', en: 'Khan Yunis Correction and Rehabilitation Centre' },
};

const SECOND_MAGISTRATE: Record<string, { ar: string; en: string }> = {
  HEB: { ar: 'محكمة صلح دورا', en: 'Dura Magistrate Court' },
  GZA: { ar: 'محكمة صلح الشيخ رضوان', en: 'Sheikh Radwan Magistrate Court' },
  NAB: { ar: 'محكمة صلح حوارة', en: 'Huwwara Magistrate Court' },
};

const AREAS: Record<string, readonly string[]> = {
  JEN: ['جنين - المدينة', 'جنين - المخيم', 'قباطية', 'يعبد', 'عرابة', 'برقين'],
  TUB: ['طوباس', 'طمون', 'عقابا', 'تياسير'],
  TUL: ['طولكرم - المدينة', 'عنبتا', 'بلعا', 'مخيم نور شمس', 'دير الغصون'],
  NAB: [
    'نابلس - رفيديا',
    'نابلس - البلدة القديمة',
    'مخيم بلاطة',
    'حوارة',
    'بيتا',
    'عصيرة الشمالية',
  ],
  QAL: ['قلقيلية', 'عزون', 'حبلة', 'كفر ثلث'],
  SAL: ['سلفيت', 'بديا', 'كفل حارس', 'مردا'],
  RAM: [
    'رام الله - الماصيون',
    'البيرة - أم الشرايط',
    'بيتونيا',
    'مخيم الأمعري',
    'سلواد',
    'بيرزيت',
    'رام الله - الطيرة',
  ],
  JRH: ['أريحا', 'العوجا', 'مخيم عقبة جبر'],
  JER: ['العيزرية', 'أبو ديس', 'الرام', 'بير نبالا', 'كفر عقب'],
  BET: ['بيت لحم', 'بيت جالا', 'بيت ساحور', 'مخيم الدهيشة', 'الخضر'],
  HEB: [
    'الخليل - عين سارة',
    'الخليل - البلدة القديمة',
    'دورا',
    'حلحول',
    'يطا',
    'بني نعيم',
    'الظاهرية',
  ],
  NGZ: ['جباليا', 'بيت لاهيا', 'بيت حانون', 'مخيم جباليا'],
  GZA: ['غزة - الرمال', 'غزة - الشجاعية', 'غزة - الشيخ رضوان', 'غزة - تل الهوى', 'مخيم الشاطئ'],
  DEB: ['دير البلح', 'النصيرات', 'البريج', 'المغازي'],
  KHY: ['خان يونس', 'بني سهيلا', 'عبسان', 'القرارة'],
  RAF: ['رفح', 'تل السلطان', 'الشابورة'],
};

export const GOVERNORATES: readonly GovernorateSpec[] = DEMO_REGIONS.map((region) => ({
  code: region.code,
  nameAr: region.nameAr,
  nameEn: region.nameEn,
  weight: WEIGHTS[region.code] ?? 100,
  appealCourt: GAZA.has(region.code) ? 'GZA-APP' : SOUTH.has(region.code) ? 'JER-APP' : 'RAM-APP',
  hasCybercrimeUnit: ['RAM', 'NAB', 'HEB', 'GZA'].includes(region.code),
  correctionCentre: CORRECTION[region.code] ?? null,
  secondMagistrate: SECOND_MAGISTRATE[region.code] ?? null,
  areas: AREAS[region.code] ?? [region.nameAr],
}));

export interface InstitutionSpec {
  code: string;
  kind: InstitutionKind;
  courtLevel: CourtLevel | null;
  region: string;
  nameAr: string;
  nameEn: string;
  units: readonly UnitKind[];
}

function court(code: string, level: CourtLevel, region: string, ar: string, en: string) {
  return {
    code,
    kind: 'court',
    courtLevel: level,
    region,
    nameAr: ar,
    nameEn: en,
    units: [],
  } as const;
}

function other(code: string, kind: InstitutionKind, region: string, ar: string, en: string) {
  return { code, kind, courtLevel: null, region, nameAr: ar, nameEn: en, units: [] } as const;
}

export function institutionSpecs(): InstitutionSpec[] {
  const list: InstitutionSpec[] = [];
  for (const g of GOVERNORATES) {
    const { code: c, nameAr: ar, nameEn: en } = g;
    list.push(
      other(`${c}-POL`, 'police_unit', c, `مديرية شرطة محافظة ${ar}`, `${en} Police Directorate`),
    );
    list.push(
      other(
        `${c}-FJP`,
        'police_unit',
        c,
        `إدارة حماية الأسرة والأحداث - ${ar}`,
        `Family and Juvenile Protection Police, ${en}`,
      ),
    );
    list.push({
      ...other(`${c}-PRO`, 'prosecution_office', c, `نيابة ${ar}`, `${en} Public Prosecution`),
      units: [
        'general',
        'juvenile',
        'family_protection',
        ...(g.hasCybercrimeUnit ? (['cybercrime'] as const) : []),
      ],
    });
    list.push(court(`${c}-MAG`, 'magistrate', c, `محكمة صلح ${ar}`, `${en} Magistrate Court`));
    if (g.secondMagistrate) {
      list.push(court(`${c}-MAG2`, 'magistrate', c, g.secondMagistrate.ar, g.secondMagistrate.en));
    }
    list.push(
      court(`${c}-FI`, 'first_instance', c, `محكمة بداية ${ar}`, `${en} Court of First Instance`),
    );
    list.push(court(`${c}-JUV`, 'juvenile', c, `محكمة الأحداث - ${ar}`, `${en} Juvenile Court`));
    list.push(
      other(
        `${c}-MSD`,
        'social_services',
        c,
        `مديرية التنمية الاجتماعية - ${ar}`,
        `Directorate of Social Development, ${en}`,
      ),
    );
    if (g.correctionCentre) {
      list.push(
        other(`${c}-CRC`, 'correction_centre', c, g.correctionCentre.ar, g.correctionCentre.en),
      );
    }
  }
  list.push(
    court('RAM-APP', 'appeal', 'RAM', 'محكمة استئناف رام الله', 'Ramallah Court of Appeal'),
  );
  list.push(court('JER-APP', 'appeal', 'JER', 'محكمة استئناف القدس', 'Jerusalem Court of Appeal'));
  list.push(court('GZA-APP', 'appeal', 'GZA', 'محكمة استئناف غزة', 'Gaza Court of Appeal'));
  list.push(
    court(
      'PS-CAS',
      'cassation',
      'RAM',
      'محكمة النقض (المحكمة العليا) - رام الله',
      'Court of Cassation (High Court), Ramallah',
    ),
  );
  list.push(
    court('PS-GF', 'grand_felonies', 'RAM', 'محكمة الجنايات الكبرى', 'Grand Felonies Court'),
  );
  list.push(
    other(
      'PS-BAR',
      'bar_association',
      'RAM',
      'نقابة المحامين النظاميين الفلسطينيين',
      'Palestinian Bar Association',
    ),
  );
  return list;
}

/** A kind of staff post at an institution. */
export interface PostSpec {
  role: Role;
  unit: UnitKind | null;
  /** Username part: `gen.<institution code>.<prefix><nn>`. */
  prefix: string;
  count: number;
  femaleShare: number;
}

/** Judges of courts that sit in panels of three (felonies, appeals). */
export const PANEL_LEVELS: readonly CourtLevel[] = [
  'first_instance',
  'appeal',
  'grand_felonies',
  'cassation',
];

/**
 * Posts of an institution for `yearlyFiles` files a year nationally. `share` is the institution's
 * share of its kind's work (its governorate's weight, or a national court's whole load).
 */
export function postsFor(spec: InstitutionSpec, yearlyFiles: number, share: number): PostSpec[] {
  const scaled = (perYear: number, perPerson: number, min: number, max: number) =>
    Math.min(max, Math.max(min, Math.ceil((yearlyFiles * perYear * share) / perPerson)));
  switch (spec.kind) {
    case 'police_unit':
      return spec.code.endsWith('-FJP')
        ? [
            {
              role: 'police_investigator',
              unit: null,
              prefix: 'inv',
              count: scaled(0.05, 250, 1, 30),
              femaleShare: 0.45,
            },
          ]
        : [
            {
              role: 'police_investigator',
              unit: null,
              prefix: 'inv',
              count: scaled(0.3, 300, 2, 120),
              femaleShare: 0.15,
            },
          ];
    case 'prosecution_office':
      return [
        { role: 'chief_prosecutor', unit: null, prefix: 'chief', count: 1, femaleShare: 0.3 },
        {
          role: 'prosecutor',
          unit: 'general',
          prefix: 'pros',
          count: scaled(0.4, 450, 2, 80),
          femaleShare: 0.35,
        },
        {
          role: 'prosecutor',
          unit: 'juvenile',
          prefix: 'juv',
          count: scaled(0.04, 350, 1, 12),
          femaleShare: 0.55,
        },
        {
          role: 'prosecutor',
          unit: 'family_protection',
          prefix: 'fam',
          count: scaled(0.05, 350, 1, 15),
          femaleShare: 0.7,
        },
        ...(spec.units.includes('cybercrime')
          ? [
              {
                role: 'prosecutor',
                unit: 'cybercrime',
                prefix: 'cyb',
                count: scaled(0.02, 350, 1, 8),
                femaleShare: 0.35,
              } as const,
            ]
          : []),
      ];
    case 'court': {
      const perJudge = {
        magistrate: 500,
        first_instance: 200,
        juvenile: 250,
        appeal: 250,
        grand_felonies: 120,
        cassation: 300,
      };
      const load = {
        magistrate: 0.14,
        first_instance: 0.04,
        juvenile: 0.012,
        appeal: 0.02,
        grand_felonies: 0.004,
        cassation: 0,
      };
      const level = spec.courtLevel ?? 'magistrate';
      const isPanel = PANEL_LEVELS.includes(level);
      let judges = scaled(load[level], perJudge[level], isPanel ? 3 : 1, isPanel ? 30 : 60);
      if (isPanel) judges = Math.ceil(judges / 3) * 3;
      return [
        { role: 'judge', unit: null, prefix: 'judge', count: judges, femaleShare: 0.2 },
        {
          role: 'court_clerk',
          unit: null,
          prefix: 'clerk',
          count: Math.max(2, Math.ceil(judges / 2)),
          femaleShare: 0.5,
        },
      ];
    }
    case 'social_services':
      return [
        {
          role: 'child_protection_counsellor',
          unit: null,
          prefix: 'couns',
          count: scaled(0.02, 150, 1, 20),
          femaleShare: 0.7,
        },
        {
          role: 'mediator',
          unit: null,
          prefix: 'med',
          count: scaled(0.01, 150, 1, 10),
          femaleShare: 0.5,
        },
      ];
    case 'correction_centre':
      return [
        { role: 'correction_officer', unit: null, prefix: 'corr', count: 2, femaleShare: 0.2 },
      ];
    case 'bar_association':
      return [{ role: 'lawyer', unit: null, prefix: 'lawyer', count: 3, femaleShare: 0.4 }];
  }
}
