/**
 * Files: register, open, list, fire events, the timeline, and the inbox of referred files.
 * Routes validate, call one use case and present; the policy decisions are in the use cases.
 */
import { CASE_TYPES } from '@qadiya/domain';
import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { applyMinimalReturn, prefersMinimalReturn } from '../http/prefer';
import { errorResponses, IdParams } from '../http/schemas';
import { decideCaseAccess } from '../policy/case-access';
import {
  canReadField,
  presentCaseHeader,
  presentCasePage,
  presentEventOptions,
} from './case.presenter';
import {
  AcceptBody,
  CaseHeader,
  CaseListResponse,
  AccessEndedResponse,
  CasePage,
  EventRecordedResponse,
  CaseSearchQuery,
  CaseSearchResponse,
  FireEventBody,
  InboxResponse,
  ListCasesQuery,
  RegisterCaseBody,
  ReturnBody,
  TimelineResponse,
} from './cases.schemas';
import { teamRolesIfStillOpen } from './case-access';
import { definitionOf, fireEvent } from './fire-event';
import { acceptCase, returnCase } from './intake/accept-case';
import { casePageAfterChange, getCase, getTimeline, listCases, listInbox } from './read-cases';
import { registerCase } from './register-case';
import { presentSearchHit, searchCases } from './search-cases';

const tags = ['cases'];

/**
 * The case page's schema as Fastify's serializer cache takes it (a plain record: a TypeBox schema
 * is one, its symbol keys aside). The same object every time, so it is compiled once.
 */
const CASE_PAGE_SCHEMA = CasePage as unknown as Record<string, unknown>;

export function casesRoutes(app: FastifyTypebox): void {
  app.get(
    '/case-types',
    {
      schema: {
        tags,
        summary: 'The case types with their states and events (payload schemas drive the forms)',
        response: {
          200: Type.Array(Type.Object({}, { additionalProperties: true })),
          ...errorResponses(),
        },
      },
    },
    () =>
      CASE_TYPES.map((d) => ({
        caseType: d.caseType,
        version: d.version,
        labels: d.labels,
        referenceCode: d.referenceCode,
        institutionKinds: d.institutionKinds,
        registeringRoles: d.registeringRoles,
        initialState: d.initialState,
        states: d.states,
        events: presentEventOptions(d, Object.keys(d.events)),
      })),
  );

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary:
          'Register a file (police report, prosecution file, civil claim); it is numbered and assigned',
        body: RegisterCaseBody,
        response: { 201: CaseHeader, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const file = await registerCase(useCaseContext(request), request.body);
      return reply.status(201).send(presentCaseHeader(file, definitionOf(file)));
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Files you may open (filtered in the database by the access policy)',
        querystring: ListCasesQuery,
        response: { 200: CaseListResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const result = await listCases(useCaseContext(request), request.query);
      return {
        items: result.rows.map((row) => presentCaseHeader(row, definitionOf(row))),
        total: result.total,
      };
    },
  );

  app.get(
    '/cases/search',
    {
      schema: {
        tags,
        summary: 'Search the files you may open: words in titles, notes and minutes, and filters',
        description:
          'Full-text search (Arabic and English) ranked by relevance, or filters alone, newest ' +
          'first. Files you may not open are never returned; a match counts only in a field you ' +
          'may read. Each result says where it matched. A very common word lists the files newest ' +
          'first with a total that is a lower bound (totalIsLowerBound). Arabic function words ' +
          '(في، من، على…) typed among other words are not searched. 400 names the field: no query ' +
          'and no filter, an empty or one-letter query, a query of function words only, a range ' +
          'ending before it starts.',
        querystring: CaseSearchQuery,
        response: { 200: CaseSearchResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const result = await searchCases(useCaseContext(request), request.query);
      return {
        items: result.hits.map(presentSearchHit),
        total: result.total,
        totalIsLowerBound: result.totalIsLowerBound,
        order: result.order,
      };
    },
  );

  app.get(
    '/inbox',
    {
      schema: {
        tags,
        summary: 'Files referred to your institution, waiting to be accepted or returned',
        querystring: ListCasesQuery,
        response: { 200: InboxResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const result = await listInbox(ctx, request.query);
      return {
        items: result.rows.map((row) => {
          const definition = definitionOf(row);
          // The roles the reader has on this file decide whether they may read its summary.
          const access = decideCaseAccess(
            ctx.actor,
            {
              id: row.id,
              institutionId: row.institution_id,
              unitId: row.unit_id,
              confidentiality: row.confidentiality,
            },
            [],
          );
          const roles = access.allowed ? access.roles : [];
          const sender = result.senderOf.get(row.id);
          return {
            ...presentCaseHeader(row, definition),
            // A restricted file (juvenile, family protection) shows no summary in the inbox: its
            // acceptors learn what it is about once it is theirs.
            summary:
              row.confidentiality === 'normal' && canReadField(definition, 'summary', roles)
                ? row.summary
                : null,
            referredFrom: sender
              ? {
                  institutionId: sender.id,
                  code: sender.code,
                  nameAr: sender.name_ar,
                  nameEn: sender.name_en,
                }
              : null,
          };
        }),
        total: result.total,
      };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary:
          'The case page: header, team, parties, charges, detention, hearings, deadlines, linked files, events you may fire',
        params: IdParams,
        response: { 200: CasePage, ...errorResponses(404) },
      },
    },
    async (request) => presentCasePage(await getCase(useCaseContext(request), request.params.id)),
  );

  app.get(
    '/cases/:id/events',
    {
      schema: {
        tags,
        summary: 'The timeline of a file, and the events you may fire now',
        params: IdParams,
        response: { 200: TimelineResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const timeline = await getTimeline(useCaseContext(request), request.params.id);
      const { definition } = timeline;
      return {
        case: presentCaseHeader(timeline.file, definition),
        events: timeline.events.map((e) => ({
          id: e.id,
          seq: e.seq,
          eventType: e.event_type,
          labels: definition.events[e.event_type]?.labels ?? intakeLabels(e.event_type),
          actor: e.actor_user_id
            ? { userId: e.actor_user_id, nameAr: e.actor_name_ar, nameEn: e.actor_name_en }
            : null,
          occurredAt: e.occurred_at.toISOString(),
          workflowVersion: e.workflow_version,
          payload: e.payload,
          stateBefore: e.state_before,
          stateAfter: e.state_after,
        })),
        availableEvents: presentEventOptions(definition, timeline.availableEvents),
      };
    },
  );

  app.post(
    '/cases/:id/events',
    {
      schema: {
        tags,
        summary: 'Fire an event: the only way a file changes',
        description:
          '409 EVENT_NOT_ALLOWED lists the events allowed in the current state; 409 STALE_VERSION gives the current version; ' +
          '403 ROLE_NOT_PERMITTED is audited; 400 names the payload field; a broken rule is 409 with its own code (e.g. HEARING_IN_PAST). ' +
          'The answer is the page of the file as the event left it; with the header Prefer: return=minimal ' +
          '(RFC 7240, for a client that does not show it) only its header and the event id.',
        params: IdParams,
        body: FireEventBody,
        // The serializer tries each shape in order and checks the object against it: the two
        // small shapes first, so a page is checked once and not against a failing page first.
        response: {
          200: Type.Union([AccessEndedResponse, EventRecordedResponse, CasePage]),
          ...errorResponses(404, 409),
        },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const { event, version, payload } = request.body;
      const fired = await fireEvent(ctx, request.params.id, {
        event,
        version,
        payload: payload as Record<string, unknown>,
      });
      if (prefersMinimalReturn(request)) {
        applyMinimalReturn(reply);
        return {
          ...presentCaseHeader(fired.file, definitionOf(fired.file)),
          eventId: fired.eventId,
        };
      }
      // An event can end the actor's own part in the file (a mediator recording that the
      // mediation failed): the event stands, and the answer says the file has left their hands
      // instead of showing it.
      const teamRoles = teamRolesIfStillOpen(ctx, fired.file, fired.teamRolesAfter);
      if (!teamRoles) {
        return {
          ...presentCaseHeader(fired.file, definitionOf(fired.file)),
          accessEnded: true as const,
        };
      }
      // The page of the file as the event left it: the row the transaction returned, not read
      // again. Written by the page's own serializer (compiled once, cached by Fastify): the
      // union's would first check the whole page against each of its shapes to choose one.
      const page = presentCasePage(await casePageAfterChange(ctx, fired.file, teamRoles));
      reply.serializer(reply.compileSerializationSchema(CASE_PAGE_SCHEMA, '200'));
      return page;
    },
  );

  app.post(
    '/cases/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a referred file from the inbox: it is numbered and assigned',
        params: IdParams,
        body: AcceptBody,
        response: { 200: CaseHeader, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const file = await acceptCase(useCaseContext(request), request.params.id, request.body);
      return presentCaseHeader(file, definitionOf(file));
    },
  );

  app.post(
    '/cases/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a referred file to the sender, with a reason',
        params: IdParams,
        body: ReturnBody,
        response: { 200: CaseHeader, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const file = await returnCase(useCaseContext(request), request.params.id, request.body);
      return presentCaseHeader(file, definitionOf(file));
    },
  );
}

const INTAKE_EVENT_LABELS: Record<string, { ar: string; en: string }> = {
  registered: { ar: 'تسجيل الملف', en: 'Registered' },
  received: { ar: 'ورود ملف محال', en: 'Received by referral' },
  accepted: { ar: 'قبول الملف وترقيمه', en: 'Accepted and numbered' },
  returned: { ar: 'إعادة الملف للجهة المحيلة', en: 'Returned to sender' },
};

function intakeLabels(eventType: string) {
  return INTAKE_EVENT_LABELS[eventType] ?? { ar: eventType, en: eventType };
}
