/** Request and response schemas of the evidence register. */
import { Type } from 'typebox';
import { Uuid } from '../http/schemas';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Status = Type.Union([
  Type.Literal('held'),
  Type.Literal('disposed'),
  Type.Literal('returned'),
]);

export const EvidenceResponse = Type.Object({
  id: Uuid,
  caseId: Uuid,
  itemNumber: Type.Integer(),
  kind: Type.Union([Type.Literal('physical'), Type.Literal('digital')]),
  item: Type.String(),
  description: Type.String(),
  seizedBy: Type.String(),
  seizedAt: Type.String({ format: 'date-time' }),
  seizedPlace: Type.String(),
  storageLocation: Type.String(),
  currentHolder: Type.String(),
  status: Status,
  disposition: Type.Union([
    Type.Object({
      at: Type.Union([Type.String(), Type.Null()]),
      decisionReference: Type.Union([Type.String(), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
      returnedTo: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  files: Type.Array(
    Type.Object({
      id: Uuid,
      sha256: Type.String(),
      sizeBytes: Type.Integer(),
      contentType: Type.String(),
      fileName: Type.String(),
      addedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  custody: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      fromHolder: Type.Union([Type.String(), Type.Null()]),
      toHolder: Type.String(),
      occurredAt: Type.String({ format: 'date-time' }),
      purpose: Type.String(),
      recordedBy: Type.String(),
      recordedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const EvidenceListResponse = Type.Object({ items: Type.Array(EvidenceResponse) });

export const RegisterEvidenceBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('physical'), Type.Literal('digital')]),
    item: Text(200),
    description: Text(4000),
    seizedBy: Text(200),
    seizedAt: Type.String({ format: 'date-time' }),
    seizedPlace: Text(300),
    storageLocation: Text(300),
    holder: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    fromHolder: Type.Optional(Text(200)),
    toHolder: Text(200),
    occurredAt: Type.String({ format: 'date-time' }),
    purpose: Text(500),
    storageLocation: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);

export const DispositionBody = Type.Object(
  {
    disposition: Type.Union([Type.Literal('disposed'), Type.Literal('returned')]),
    decisionReference: Text(200),
    note: Type.Optional(Text(2000)),
    returnedTo: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const EvidenceVerification = Type.Object({
  checkedAt: Type.String({ format: 'date-time' }),
  checked: Type.Integer(),
  isIntact: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      evidenceId: Uuid,
      itemNumber: Type.Integer(),
      fileId: Uuid,
      fileName: Type.String(),
      sha256: Type.String(),
      status: Type.Union([Type.Literal('ok'), Type.Literal('mismatch'), Type.Literal('missing')]),
      actualSha256: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
