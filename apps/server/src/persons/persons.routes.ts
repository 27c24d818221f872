/**
 * The national persons registry (`/api/v1/persons`): register, look up, read and correct persons.
 * Routes validate, build the use-case context, call one use case and present the result.
 * `GET /persons/:id/cases` lists the person's files that the reader may open.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { listPersonCases } from './list-person-cases';
import { presentPerson, presentPersonCase } from './person.presenter';
import {
  ListPersonsQuery,
  PersonCasesResponse,
  PersonResponse,
  PersonSearchResponse,
  RegisterPersonBody,
  UpdatePersonBody,
} from './persons.schemas';
import { canSeeContact, findPersons, getPerson } from './read-persons';
import { registerPerson } from './register-person';
import { updatePerson } from './update-person';

const tags = ['persons'];

export function personsRoutes(app: FastifyTypebox): void {
  app.post(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Register a person (a national ID already registered gets 409 with its person id)',
        body: RegisterPersonBody,
        response: { 201: PersonResponse, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const person = await registerPerson(ctx, request.body);
      return reply
        .status(201)
        .send(presentPerson(person, { includeContact: canSeeContact(ctx.actor) }));
    },
  );

  app.get(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Search persons by name (any spelling), national ID or date of birth, best first',
        description:
          'Name words are normalised (Arabic letter forms, tashkeel, compounds, the article; ' +
          'Latin transliterations) and matched by trigram similarity; an exact national ID ' +
          'comes first. Each result says why it matched. At least one of q, nationalId, dob, ' +
          'birthYear is required; a q of one letter is refused.',
        querystring: ListPersonsQuery,
        response: { 200: PersonSearchResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const result = await findPersons(ctx, request.query);
      const includeContact = canSeeContact(ctx.actor);
      return {
        items: result.rows.map(({ row, match }) => ({
          ...presentPerson(row, { includeContact }),
          match,
        })),
        total: result.total,
      };
    },
  );

  app.get(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'One person',
        params: IdParams,
        response: { 200: PersonResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const person = await getPerson(ctx, request.params.id);
      return presentPerson(person, { includeContact: canSeeContact(ctx.actor) });
    },
  );

  app.get(
    '/persons/:id/cases',
    {
      schema: {
        tags,
        summary: "A person's files that you may open, with the person's role in each",
        description:
          'Files where the person is a party, filtered in the database by the access policy: ' +
          'files you may not open are not listed (nor counted). Newest first, at most 500.',
        params: IdParams,
        response: { 200: PersonCasesResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { entries } = await listPersonCases(useCaseContext(request), request.params.id);
      return { items: entries.map(presentPersonCase), total: entries.length };
    },
  );

  app.patch(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'Correct a person; send the version you edited (409 if stale)',
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const person = await updatePerson(ctx, request.params.id, request.body);
      return presentPerson(person, { includeContact: canSeeContact(ctx.actor) });
    },
  );
}
