/**
 * The institution directory (`/api/v1/regions`, `/api/v1/institutions`: any signed-in user, since
 * referring a file needs it) and its administration (`/api/v1/admin/…`).
 */
import { Type } from 'typebox';
import { notFound } from '../http/errors';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { addUnit } from './add-unit';
import { createInstitution } from './create-institution';
import { createRegion } from './create-region';
import { presentInstitution, presentRegion, presentUnit } from './institution.presenter';
import {
  findInstitutionById,
  findUnitsOf,
  listInstitutions,
  listRegions,
} from './institutions.repository';
import {
  AddUnitBody,
  CreateInstitutionBody,
  CreateRegionBody,
  InstitutionResponse,
  ListInstitutionsQuery,
  RegionResponse,
  UnitResponse,
  UpdateInstitutionBody,
} from './organisation.schemas';
import { updateInstitution } from './update-institution';

const directoryTags = ['institutions'];
const adminTags = ['admin: institutions'];

export function organisationRoutes(app: FastifyTypebox): void {
  app.get(
    '/regions',
    {
      schema: {
        tags: directoryTags,
        summary: 'Governorates and districts',
        response: { 200: Type.Array(RegionResponse), ...errorResponses() },
      },
    },
    async (request) => (await listRegions(request.server.services.db)).map(presentRegion),
  );

  app.get(
    '/institutions',
    {
      schema: {
        tags: directoryTags,
        summary: 'The institution directory, with units',
        querystring: ListInstitutionsQuery,
        response: {
          200: Type.Object({ items: Type.Array(InstitutionResponse), total: Type.Integer() }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const { db } = request.server.services;
      const { q, ...rest } = request.query;
      const result = await listInstitutions(db, { ...rest, search: q });
      const units = await findUnitsOf(
        db,
        result.rows.map((row) => row.id),
      );
      return {
        items: result.rows.map((row) => presentInstitution(row, units)),
        total: result.total,
      };
    },
  );

  app.get(
    '/institutions/:id',
    {
      schema: {
        tags: directoryTags,
        summary: 'One institution with its units',
        params: IdParams,
        response: { 200: InstitutionResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { db } = request.server.services;
      const institution = await findInstitutionById(db, request.params.id);
      if (!institution) throw notFound('Institution', request.params.id);
      return presentInstitution(institution, await findUnitsOf(db, [institution.id]));
    },
  );

  app.post(
    '/admin/regions',
    {
      schema: {
        tags: adminTags,
        summary: 'Add a governorate or district (national administrators)',
        body: CreateRegionBody,
        response: { 201: RegionResponse, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentRegion(await createRegion(useCaseContext(request), request.body))),
  );

  app.post(
    '/admin/institutions',
    {
      schema: {
        tags: adminTags,
        summary: 'Create an institution (national administrators)',
        body: CreateInstitutionBody,
        response: { 201: InstitutionResponse, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const result = await createInstitution(useCaseContext(request), request.body);
      return reply.status(201).send(presentInstitution(result.institution, result.units));
    },
  );

  app.patch(
    '/admin/institutions/:id',
    {
      schema: {
        tags: adminTags,
        summary: "Edit an institution's names, region or status; send the version you edited",
        params: IdParams,
        body: UpdateInstitutionBody,
        response: { 200: InstitutionResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const result = await updateInstitution(
        useCaseContext(request),
        request.params.id,
        request.body,
      );
      return presentInstitution(result.institution, result.units);
    },
  );

  app.post(
    '/admin/institutions/:id/units',
    {
      schema: {
        tags: adminTags,
        summary: 'Add a specialised unit to a prosecution office',
        params: IdParams,
        body: AddUnitBody,
        response: { 201: UnitResponse, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentUnit(await addUnit(useCaseContext(request), request.params.id, request.body))),
  );
}
