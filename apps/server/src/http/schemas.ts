/** Schemas shared by every area: the error shape, ids, pagination. */
import { Type, type TSchema } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ examples: ['VALIDATION_FAILED'] }),
      message: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: 'The one error shape of the API' },
);

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** The standard error responses of an authenticated route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const all = [400, 401, 403, ...statuses];
  return Object.fromEntries(all.map((status) => [status, errorRef()]));
}

export const Pagination = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

/** A reference to the shared error schema (registered once with `app.addSchema`). */
export function errorRef(): TSchema {
  return Type.Unsafe({ $ref: 'ErrorResponse#' });
}
