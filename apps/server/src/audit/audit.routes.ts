import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, Uuid } from '../http/schemas';
import { chainedContentOf } from './audit-chain';
import { queryAuditLog, verifyAuditLog } from './query-audit-log';

const tags = ['audit'];
const DateTime = Type.String({ format: 'date-time' });
const Outcome = Type.Union([
  Type.Literal('success'),
  Type.Literal('failure'),
  Type.Literal('denied'),
]);

const AuditRow = Type.Object({
  seq: Type.Integer(),
  occurredAt: DateTime,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  institutionId: Type.Union([Uuid, Type.Null()]),
  outcome: Outcome,
  requestId: Type.Union([Type.String(), Type.Null()]),
  sourceIp: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  /** The hash this row chains to: with `chainVersion`, what an outside verifier needs. */
  prevHash: Type.String(),
  hash: Type.String(),
  /** The hash formula (1 before migration 0020, then 2; docs/adr/0005-hash-chained-audit-log.md). */
  chainVersion: Type.Union([Type.Literal(1), Type.Literal(2)]),
});

const AuditQuery = Type.Object(
  {
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    actorUserId: Type.Optional(Uuid),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    objectType: Type.Optional(Type.String({ maxLength: 100 })),
    objectId: Type.Optional(Type.String({ maxLength: 200 })),
    institutionId: Type.Optional(Uuid),
    outcome: Type.Optional(Outcome),
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);

export function auditRoutes(app: FastifyTypebox): void {
  app.get(
    '/audit-log',
    {
      schema: {
        tags,
        summary: 'Query the audit log, newest first (auditors)',
        description: 'Page with `beforeSeq` = the smallest seq of the previous page.',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditRow) }), ...errorResponses() },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const rows = await queryAuditLog(useCaseContext(request), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return {
        items: rows.map((row) => {
          const content = chainedContentOf(row);
          return {
            ...content,
            occurredAt: content.occurredAt.toISOString(),
            prevHash: row.prev_hash,
            hash: row.hash,
            chainVersion: row.chain_version,
          };
        }),
      };
    },
  );

  app.get(
    '/audit-log/verification',
    {
      schema: {
        tags,
        summary: 'Recompute the hash chain now (national auditors)',
        response: {
          200: Type.Object({
            isValid: Type.Boolean(),
            rowsChecked: Type.Integer(),
            lastSeq: Type.Integer(),
            lastHash: Type.String(),
            problem: Type.Union([
              Type.Object(
                { kind: Type.String(), seq: Type.Integer(), message: Type.String() },
                { additionalProperties: true },
              ),
              Type.Null(),
            ]),
          }),
          ...errorResponses(),
        },
      },
    },
    (request) => verifyAuditLog(useCaseContext(request)),
  );
}
