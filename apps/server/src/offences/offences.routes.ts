/**
 * The offence catalogue (`/api/v1/offences`): reference data that any signed-in user may read,
 * since charging, statistics and the web forms all need it. It is changed by migration only.
 */
import { Type } from 'typebox';
import { notFound } from '../http/errors';
import type { FastifyTypebox } from '../http/fastify-types';
import { errorResponses, IdParams } from '../http/schemas';
import { presentOffence } from './offence.presenter';
import { findOffenceById, listOffences } from './offences.repository';
import { ListOffencesQuery, OffenceResponse } from './offences.schemas';

const tags = ['offences'];

export function offencesRoutes(app: FastifyTypebox): void {
  app.get(
    '/offences',
    {
      schema: {
        tags,
        summary: 'The offence catalogue, filtered by class, GBV flag or text',
        querystring: ListOffencesQuery,
        response: {
          200: Type.Object({ items: Type.Array(OffenceResponse), total: Type.Integer() }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const { class: offenceClass, q, gbv, ...rest } = request.query;
      const result = await listOffences(request.server.services.db, {
        ...rest,
        offenceClass,
        search: q,
        isGbvRelated: gbv,
      });
      return { items: result.rows.map(presentOffence), total: result.total };
    },
  );

  app.get(
    '/offences/:id',
    {
      schema: {
        tags,
        summary: 'One offence of the catalogue',
        params: IdParams,
        response: { 200: OffenceResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const offence = await findOffenceById(request.server.services.db, request.params.id);
      if (!offence) throw notFound('Offence', request.params.id);
      return presentOffence(offence);
    },
  );
}
