/**
 * Family protection services: the risk questionnaire the forms ask, and the referrals a service
 * receives and answers. The policy decisions are in the use cases.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { listReferrals } from './list-referrals';
import { presentServiceReferral } from './referral.presenter';
import {
  AcceptReferralBody,
  AnswerReferralBody,
  ListReferralsQuery,
  ReferralListResponse,
  RiskQuestionnaireResponse,
  ServiceReferral,
} from './referrals.schemas';
import { respondToReferral } from './respond-to-referral';

const tags = ['referrals'];

export function referralsRoutes(app: FastifyTypebox): void {
  app.get(
    '/risk-questionnaire',
    {
      schema: {
        tags,
        summary: 'The risk questionnaire of family protection files (questions, answers, points)',
        description:
          'The questions of the `assess_risk` event: its `answers` map each question id to one ' +
          'of its answer ids. The score is the sum of the points; `thresholds` band it into low, ' +
          'medium, high and severe, and an answer with `minimumLevel` raises the result to at ' +
          'least that level. The default, or the deployment’s QADIYA_RISK_QUESTIONNAIRE.',
        response: { 200: RiskQuestionnaireResponse, ...errorResponses() },
      },
    },
    (request) => request.server.services.config.riskQuestionnaire,
  );

  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: "A service's referrals of victims (minimum information, never the file)",
        description:
          'For service providers: the referrals sent to the services where they hold the role, ' +
          'newest first, with the victim’s name and phone, the latest risk level and the ' +
          'referring office. Anyone else gets 403. Every answer is audited.',
        querystring: ListReferralsQuery,
        response: { 200: ReferralListResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const { rows, total } = await listReferrals(useCaseContext(request), request.query);
      return { items: rows.map(presentServiceReferral), total };
    },
  );

  const answers = [
    ['accept', AcceptReferralBody, 'Accept a referral (optionally with feedback)'],
    ['decline', AnswerReferralBody, 'Decline a referral, saying why'],
    [
      'close',
      AnswerReferralBody,
      'Close an accepted referral once the work is done, with feedback',
    ],
  ] as const;
  for (const [response, body, summary] of answers) {
    app.post(
      `/referrals/:id/${response}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body,
          response: { 200: ServiceReferral, ...errorResponses(404, 409) },
        },
      },
      async (request) =>
        presentServiceReferral(
          await respondToReferral(
            useCaseContext(request),
            request.params.id,
            response,
            request.body,
          ),
        ),
    );
  }
}
