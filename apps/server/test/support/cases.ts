/** Helpers for tests of files: offences, persons and calls to the case API. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { uniqueSuffix } from './factories';

export async function buildOffence(
  db: Kysely<Database>,
  offenceClass: 'felony' | 'misdemeanour' | 'contravention' = 'felony',
  overrides: { isGbvRelated?: boolean } = {},
) {
  const code = `T-${uniqueSuffix().toUpperCase()}`;
  return db
    .insertInto('offences')
    .values({
      code,
      law_ar: 'قانون العقوبات رقم 16 لسنة 1960',
      law_en: 'Penal Code No. 16 of 1960',
      article: '334',
      title_ar: offenceClass === 'felony' ? 'إيذاء بليغ' : 'إيذاء بسيط',
      title_en: offenceClass === 'felony' ? 'Grievous harm' : 'Simple harm',
      offence_class: offenceClass,
      iccs_category: '02',
      is_gbv_related: overrides.isGbvRelated ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildPerson(
  db: Kysely<Database>,
  overrides: { sex?: 'female' | 'male'; dateOfBirth?: string; firstName?: string } = {},
) {
  return db
    .insertInto('persons')
    .values({
      first_name_ar: overrides.firstName ?? 'محمد',
      father_name_ar: 'أحمد',
      grandfather_name_ar: 'محمود',
      family_name_ar: `الخطيب ${uniqueSuffix()}`,
      name_latin: 'Mohammad Ahmad Mahmoud al-Khatib',
      sex: overrides.sex ?? 'male',
      date_of_birth: overrides.dateOfBirth ?? '1990-05-14',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A parsed API response; tests assert on the body's shape. */
export interface ApiResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked by the assertions
  body: any;
}

export interface CaseApi {
  register(headers: Record<string, string>, body: object): Promise<ApiResponse>;
  fire(
    headers: Record<string, string>,
    caseId: string,
    event: string,
    payload?: object,
    version?: number,
  ): Promise<ApiResponse>;
  get(headers: Record<string, string>, caseId: string): Promise<ApiResponse>;
}

/** Thin wrapper over the HTTP API; `fire` reads the current version unless one is given. */
export function caseApi(app: FastifyInstance): CaseApi {
  const call = async (
    headers: Record<string, string>,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ) => {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const api: CaseApi = {
    register: (headers, body) => call(headers, 'POST', '/cases', body),
    get: (headers, caseId) => call(headers, 'GET', `/cases/${caseId}`),
    fire: async (headers, caseId, event, payload = {}, version) => {
      const current = version ?? (await api.get(headers, caseId)).body.version;
      return call(headers, 'POST', `/cases/${caseId}/events`, { event, version: current, payload });
    },
  };
  return api;
}
