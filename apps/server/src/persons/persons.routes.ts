/**
 * The national persons registry (`/api/v1/persons`): register, look up, read and correct persons.
 * Routes validate, build the use-case context, call one use case and present the result.
 * `GET /persons/:id/cases` lists the person's files that the reader may open. Chief prosecutors
 * merge duplicate records (`POST /persons/:id/merge`) and revert merges
 * (`POST /persons/merges/:mergeId/revert`).
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { maskedVictimIds } from '../policy/victim-protection';
import { errorResponses, IdParams } from '../http/schemas';
import { listPersonCases } from './list-person-cases';
import { mergePersons } from './merge-persons';
import type { PersonMergeRow, PersonRow } from '../db/schema';
import type { Actor } from '../policy/actor';
import {
  presentMerge,
  presentMergeHistory,
  presentPerson,
  presentPersonCase,
} from './person.presenter';
import {
  ListPersonsQuery,
  MergeIdParams,
  MergePersonsBody,
  MergeResultResponse,
  PersonCasesResponse,
  PersonMergesResponse,
  PersonResponse,
  PersonSearchResponse,
  RegisterPersonBody,
  RevertMergeBody,
  UpdatePersonBody,
} from './persons.schemas';
import { canSeeContact, findPersons, getPerson, listPersonMerges } from './read-persons';
import { registerPerson } from './register-person';
import { revertPersonMerge } from './revert-person-merge';
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
      const masked = await maskedVictimIds(
        ctx.db,
        ctx.actor,
        result.rows.map(({ row }) => row.id),
      );
      return {
        items: result.rows.map(({ row, match }) => ({
          ...presentPerson(row, { includeContact, masked: masked.has(row.id) }),
          match,
        })),
        total: result.total,
        totalIsLowerBound: result.totalIsLowerBound,
      };
    },
  );

  app.get(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'One person (a merged record points to the person it was merged into)',
        params: IdParams,
        response: { 200: PersonResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const { person, activeMerge } = await getPerson(ctx, request.params.id);
      const masked = await maskedVictimIds(ctx.db, ctx.actor, [person.id]);
      return presentPerson(person, {
        includeContact: canSeeContact(ctx.actor),
        activeMerge,
        masked: masked.has(person.id),
      });
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
          'files you may not open are not listed. The police, prosecution and courts are told ' +
          'how many there are (restrictedCount), never counting juvenile or sealed files. ' +
          'Newest first, at most 500.',
        params: IdParams,
        response: { 200: PersonCasesResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { entries, restrictedCount } = await listPersonCases(
        useCaseContext(request),
        request.params.id,
      );
      return { items: entries.map(presentPersonCase), total: entries.length, restrictedCount };
    },
  );

  app.post(
    '/persons/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate record into this person (chief prosecutors); reversible',
        description:
          'Every party of the duplicate moves to this person and the duplicate is marked merged. ' +
          '409 MERGE_SAME_ROLE_IN_FILE names the files where both are parties in the same role; ' +
          '409 MERGE_CONFLICTING_FACTS when the duplicate holds another national ID, date of ' +
          'birth or sex; 409 PERSON_MERGED when either record is already merged; 409 ' +
          'STALE_VERSION (details.field says which version). Audited.',
        params: IdParams,
        body: MergePersonsBody,
        response: { 200: MergeResultResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const result = await mergePersons(ctx, request.params.id, request.body);
      return presentMergeResult(ctx.actor, result.merge, result.moved.length, result);
    },
  );

  app.post(
    '/persons/merges/:mergeId/revert',
    {
      schema: {
        tags,
        summary:
          'Revert a merge (chief prosecutors): the same parties move back, the record returns',
        description:
          'Exactly the parties the merge moved go back to the duplicate record, which is restored. ' +
          '409 MERGE_ALREADY_REVERTED; 409 SURVIVOR_MERGED when the surviving record was merged ' +
          'since (revert that merge first). Audited.',
        params: MergeIdParams,
        body: RevertMergeBody,
        response: { 200: MergeResultResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const result = await revertPersonMerge(ctx, request.params.mergeId, request.body);
      return presentMergeResult(ctx.actor, result.merge, result.moved.length, result);
    },
  );

  app.get(
    '/persons/:id/merges',
    {
      schema: {
        tags,
        summary:
          'The merges this person took part in, as survivor or duplicate (chief prosecutors)',
        params: IdParams,
        response: { 200: PersonMergesResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const rows = await listPersonMerges(useCaseContext(request), request.params.id);
      return { items: rows.map(presentMergeHistory) };
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
      const masked = await maskedVictimIds(ctx.db, ctx.actor, [person.id]);
      return presentPerson(person, {
        includeContact: canSeeContact(ctx.actor),
        masked: masked.has(person.id),
      });
    },
  );
}

function presentMergeResult(
  actor: Actor,
  merge: PersonMergeRow,
  movedPartyCount: number,
  persons: { survivor: PersonRow; duplicate: PersonRow },
) {
  const includeContact = canSeeContact(actor);
  const active = merge.reverted_at ? undefined : merge;
  return {
    merge: presentMerge(merge, movedPartyCount),
    survivor: presentPerson(persons.survivor, { includeContact }),
    duplicate: presentPerson(persons.duplicate, { includeContact, activeMerge: active }),
  };
}
