import { Type, type Static, type TSchema } from 'typebox';
import { PARTY_ROLES } from '@qadiya/domain';
import { CaseHeader } from '../cases/cases.schemas';
import { Uuid } from '../http/schemas';

// `\\S`: at least one character that is not a space (values are stored trimmed).
const NamePart = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const NullableNamePart = Type.Union([NamePart, Type.Null()]);
const NationalId = Type.String({
  pattern: '^[0-9]{9}$',
  description: 'Palestinian identity number: nine digits',
  examples: ['401234567'],
});
const Sex = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Null()]);
const DateOfBirth = Type.String({
  format: 'date',
  description: 'YYYY-MM-DD; not in the future',
  examples: ['1990-04-17'],
});
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const personFields = {
  fatherNameAr: Type.Optional(NullableNamePart),
  grandfatherNameAr: Type.Optional(NullableNamePart),
  familyNameAr: Type.Optional(NullableNamePart),
  nameLatin: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }))),
  nationalId: Type.Optional(nullable(NationalId)),
  sex: Type.Optional(Sex),
  dateOfBirth: Type.Optional(nullable(DateOfBirth)),
  nationality: Type.Optional(
    nullable(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' })),
  ),
  phone: Type.Optional(
    nullable(Type.String({ pattern: '^[0-9+() -]{3,40}$', examples: ['+970 59 123 4567'] })),
  ),
  address: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }))),
};

export const RegisterPersonBody = Type.Object(
  { firstNameAr: NamePart, ...personFields },
  {
    additionalProperties: false,
    examples: [
      {
        firstNameAr: 'أحمد',
        fatherNameAr: 'محمود',
        grandfatherNameAr: 'سالم',
        familyNameAr: 'الخطيب',
        nameLatin: 'Ahmad Mahmoud Salem al-Khatib',
        nationalId: '401234567',
        sex: 'male',
        dateOfBirth: '1990-04-17',
        nationality: 'PS',
      },
    ],
  },
);
export type RegisterPersonBody = Static<typeof RegisterPersonBody>;

export const UpdatePersonBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The version you edited; a stale one gets 409',
    }),
    firstNameAr: Type.Optional(NamePart),
    ...personFields,
  },
  { additionalProperties: false },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const ListPersonsQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'Any part of the four-part Arabic name or of the Latin name, in any usual spelling ' +
          '(hamza and alef forms, ة/ه, ى/ي, tashkeel, "عبد الله"/"عبدالله", "ال", Mohammad/' +
          'Muhammad…), at least two letters; or 4 to 9 digits of a national ID',
        examples: ['احمد الحلبي', 'Mohamed Halabi', '401234567'],
      }),
    ),
    nationalId: Type.Optional(NationalId),
    dob: Type.Optional(
      Type.String({ format: 'date', description: 'Date of birth (YYYY-MM-DD): a filter' }),
    ),
    birthYear: Type.Optional(
      Type.Integer({ minimum: 1900, maximum: 2100, description: 'Year of birth: a filter' }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListPersonsQuery = Static<typeof ListPersonsQuery>;

export const PersonMatch = Type.Object(
  {
    by: Type.Union([
      Type.Literal('national_id'),
      Type.Literal('name'),
      Type.Literal('date_of_birth'),
    ]),
    score: Type.Number({ minimum: 0, maximum: 1, description: '1 is an exact match' }),
    kind: Type.Union(
      [
        Type.Literal('exact'),
        Type.Literal('prefix'),
        Type.Literal('contains'),
        Type.Literal('similar'),
      ],
      { description: 'Whole word or ID; start of a word or ID; inside a word; similar (a typo)' },
    ),
    field: Type.Optional(Type.Union([Type.Literal('name_ar'), Type.Literal('name_latin')])),
  },
  { description: 'Why this person was found' },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const PersonResponse = Type.Object({
  id: Uuid,
  nationalId: NullableString,
  firstNameAr: Type.String(),
  fatherNameAr: NullableString,
  grandfatherNameAr: NullableString,
  familyNameAr: NullableString,
  fullNameAr: Type.String({ description: 'The four-part name, parts present joined by spaces' }),
  nameLatin: NullableString,
  isMasked: Type.Boolean({
    description:
      'A protected victim (family protection, or a confidential address) seen from outside their files’ teams: initials only, no national ID, date of birth or contact',
  }),
  sex: Sex,
  dateOfBirth: NullableString,
  nationality: NullableString,
  phone: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'Only for users holding a case-handling role',
    }),
  ),
  address: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'Only for users holding a case-handling role',
    }),
  ),
  mergedInto: Type.Union(
    [
      Type.Object({
        personId: Uuid,
        mergeId: Type.Union([Uuid, Type.Null()]),
        mergedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
      Type.Null(),
    ],
    {
      description:
        'For a record merged into another: the surviving person (its files are listed there) and the merge, which may be reverted',
    },
  ),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });

export const PersonCaseResponse = Type.Object({
  case: CaseHeader,
  institution: Type.Object({
    id: Uuid,
    code: Type.String(),
    nameAr: Type.String(),
    nameEn: Type.String(),
  }),
  parties: Type.Array(
    Type.Object({
      partyId: Uuid,
      role: Type.Enum(PARTY_ROLES),
      roleLabels: Type.Union([Labels, Type.Null()], {
        description:
          'For the accused, the label that follows the offence class (مشتكى عليه، ظنين، متهم); null for other roles',
      }),
    }),
    { description: "The person's role(s) in this file" },
  ),
});

export const PersonCasesResponse = Type.Object(
  {
    items: Type.Array(PersonCaseResponse),
    total: Type.Integer({ description: 'The number of files listed' }),
    restrictedCount: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description:
        'How many other files of the person you may not open ("N restricted files"); null when ' +
        'your roles are not told (only the police, prosecution and courts are). Juvenile and ' +
        'sealed files are never counted.',
    }),
  },
  {
    examples: [
      {
        items: [
          {
            case: {
              id: '3f1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a',
              matterId: '5a1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a',
              reference: 'RAM-PRO/PF/774/2026',
              number: '774/2026',
              caseType: 'prosecution_file',
              caseTypeLabels: { ar: 'ملف تحقيق', en: 'Prosecution file' },
              state: 'under_investigation',
              stateLabels: { ar: 'قيد التحقيق', en: 'Under investigation' },
              version: 4,
              intakeStatus: 'accepted',
              returnReason: null,
              confidentiality: 'normal',
              institutionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
              unitId: null,
              incidentDate: '2026-11-20',
              openedAt: '2026-11-21T08:30:00.000Z',
              isDisposed: false,
              disposedAt: null,
            },
            institution: {
              id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
              code: 'RAM-PRO',
              nameAr: 'نيابة رام الله',
              nameEn: 'Ramallah Prosecution',
            },
            parties: [
              {
                partyId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
                role: 'accused',
                roleLabels: { ar: 'مشتكى عليه', en: 'Suspect' },
              },
            ],
          },
        ],
        total: 1,
        restrictedCount: 2,
      },
    ],
  },
);

export const PersonSearchResponse = Type.Object({
  items: Type.Array(Type.Object({ ...PersonResponse.properties, match: PersonMatch })),
  total: Type.Integer({
    description: 'The number of persons found, counted up to 1000 (see totalIsLowerBound)',
  }),
  totalIsLowerBound: Type.Boolean({
    description: 'True when more than 1000 persons were found: total is then 1000, "more than"',
  }),
});

const Reason = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' });

export const MergePersonsBody = Type.Object(
  {
    duplicateId: Type.String({
      format: 'uuid',
      description: 'The duplicate record: its parties move to this person, and it is marked merged',
    }),
    reason: Reason,
    version: Type.Integer({ minimum: 1, description: "This person's version you decided on" }),
    duplicateVersion: Type.Integer({
      minimum: 1,
      description: "The duplicate's version you decided on",
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        duplicateId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        reason: 'الشخص نفسه سُجّل مرتين بكتابتين مختلفتين للاسم',
        version: 3,
        duplicateVersion: 1,
      },
    ],
  },
);
export type MergePersonsBody = Static<typeof MergePersonsBody>;

export const RevertMergeBody = Type.Object({ reason: Reason }, { additionalProperties: false });

export const MergeIdParams = Type.Object({ mergeId: Uuid }, { additionalProperties: false });

const NullableDateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const PersonMergeResponse = Type.Object({
  id: Uuid,
  survivorId: Uuid,
  duplicateId: Uuid,
  reason: Type.String(),
  mergedBy: Type.Union([Uuid, Type.Null()]),
  mergedAt: Type.String({ format: 'date-time' }),
  movedPartyCount: Type.Integer({ description: 'How many parties the merge moved' }),
  revertedBy: Type.Union([Uuid, Type.Null()]),
  revertedAt: NullableDateTime,
  revertReason: NullableString,
});

export const MergeResultResponse = Type.Object({
  merge: PersonMergeResponse,
  survivor: PersonResponse,
  duplicate: PersonResponse,
});

const StaffName = Type.Union([Labels, Type.Null()]);

export const PersonMergesResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      ...PersonMergeResponse.properties,
      survivorNameAr: Type.String(),
      duplicateNameAr: Type.String(),
      mergedByName: StaffName,
      revertedByName: StaffName,
    }),
  ),
});
