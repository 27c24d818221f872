import { Type, type Static } from 'typebox';
import { Uuid } from '../http/schemas';

export const WORK_ITEM_KINDS = ['detention', 'hearing', 'deadline', 'task'] as const;
export const WORK_ITEM_PRIORITIES = ['urgent', 'high', 'normal'] as const;

const DateTime = Type.String({ format: 'date-time', examples: ['2026-12-01T09:00:00.000Z'] });

export const WorkQueueQuery = Type.Object(
  {
    kind: Type.Optional(
      Type.Enum(WORK_ITEM_KINDS, { description: 'Only items of this kind', examples: ['hearing'] }),
    ),
    overdueOnly: Type.Optional(
      Type.Boolean({ description: 'Only items already past their due time', default: false }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type WorkQueueQuery = Static<typeof WorkQueueQuery>;

export const WorkItemResponse = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(WORK_ITEM_KINDS),
    name: Type.String({ description: 'Stable name of the deadline, e.g. `detention_expiry`' }),
    title: Type.Object({ ar: Type.String(), en: Type.String() }),
    priority: Type.Enum(WORK_ITEM_PRIORITIES),
    dueAt: DateTime,
    isOverdue: Type.Boolean(),
    case: Type.Object({
      id: Uuid,
      reference: Type.Union([Type.String(), Type.Null()]),
      caseType: Type.String(),
      state: Type.String(),
      institutionId: Uuid,
      isJuvenile: Type.Boolean({ description: 'A juvenile file: its detention items come first' }),
    }),
  },
  {
    examples: [
      {
        id: '7b0e4a52-3c1d-4f2a-9e8b-1a2b3c4d5e6f',
        kind: 'detention',
        name: 'detention_expiry',
        title: { ar: 'انتهاء مدة التوقيف', en: 'Detention expires' },
        priority: 'urgent',
        dueAt: '2026-12-03T09:00:00.000Z',
        isOverdue: false,
        case: {
          id: '3f1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a',
          reference: 'RAM-PROS/PF/774/2026',
          caseType: 'prosecution_file',
          state: 'under_investigation',
          institutionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          isJuvenile: false,
        },
      },
    ],
  },
);

export const WorkQueueResponse = Type.Object({ items: Type.Array(WorkItemResponse) });
