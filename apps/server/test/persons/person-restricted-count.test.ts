/**
 * The prior record's "N restricted files" (`restrictedCount` of GET /persons/:id/cases): the
 * person's files the reader may not open are counted for the police, prosecution and courts only,
 * by the policy's own SQL condition, and a juvenile (or sealed) file is never counted: outside its
 * team it is not even hinted at.
 */
import type { PartyRole } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import { buildPerson } from '../support/cases';
import { buildBareCase, buildInstitution, signedInUser } from '../support/factories';

type Db = Kysely<Database>;
type Headers = Record<string, string>;

async function addParty(db: Db, caseId: string, personId: string, role: PartyRole) {
  await db
    .insertInto('parties')
    .values({
      case_id: caseId,
      person_id: personId,
      role,
      relationship_to_accused: null,
      added_at: new Date(),
    })
    .execute();
}

describe('restricted files in the prior record', () => {
  let t: TestApp;
  let db: Db;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  const users: Record<string, Headers> = {};
  const files: Record<string, string> = {};
  let victim: Awaited<ReturnType<typeof buildPerson>>;
  let child: Awaited<ReturnType<typeof buildPerson>>;

  const unit = (kind: string) => office.units.find((u) => u.kind === kind)!.id;
  /** A file of a unit of the office, restricted (family protection, juvenile) or sealed. */
  async function file(
    unitKind: string,
    confidentiality: 'normal' | 'restricted' | 'sealed',
    isJuvenile = false,
  ) {
    const row = await buildBareCase(db, office.id, { confidentiality });
    await db
      .updateTable('cases')
      .set({ unit_id: unit(unitKind), is_juvenile: isJuvenile })
      .where('id', '=', row.id)
      .execute();
    return row.id;
  }
  const cases = async (who: string, personId: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/persons/${personId}/cases`,
      headers: users[who]!,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{
      items: { case: { id: string } }[];
      total: number;
      restrictedCount: number | null;
    }>();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.handle.db;
    office = await buildInstitution(db, { units: ['general', 'family_protection', 'juvenile'] });
    const signIn = async (
      role: 'prosecutor' | 'chief_prosecutor' | 'child_protection_counsellor' | 'mediator',
      unitId: string | null = null,
    ) =>
      (
        await signedInUser(db, {
          institutionId: office.id,
          grants: [{ role, institutionId: office.id, unitId }],
        })
      ).headers;
    users.prosecutor = await signIn('prosecutor', unit('general'));
    users.chief = await signIn('chief_prosecutor');
    users.counsellor = await signIn('child_protection_counsellor');
    users.mediator = await signIn('mediator');

    victim = await buildPerson(db, { sex: 'female' });
    files.general = await file('general', 'normal');
    await addParty(db, files.general, victim.id, 'victim');
    files.familyProtection = await file('family_protection', 'restricted');
    await addParty(db, files.familyProtection, victim.id, 'victim');

    child = await buildPerson(db, { dateOfBirth: '2011-03-02' });
    files.juvenile = await file('juvenile', 'restricted', true);
    await addParty(db, files.juvenile, child.id, 'accused');
    files.sealed = await file('general', 'sealed');
    await addParty(db, files.sealed, child.id, 'witness');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('tells a prosecutor of "1 restricted file" of the family protection unit', async () => {
    const body = await cases('prosecutor', victim.id);
    expect(body.items.map((item) => item.case.id)).toEqual([files.general]);
    expect(body.total).toBe(1);
    expect(body.restrictedCount).toBe(1);
  });

  it('never counts a juvenile file (nor a sealed one) outside its team', async () => {
    const body = await cases('prosecutor', child.id);
    expect(body).toEqual({ items: [], total: 0, restrictedCount: 0 });
  });

  it('counts nothing the reader may open: the chief prosecutor sees both files', async () => {
    const body = await cases('chief', victim.id);
    expect(body.items.map((item) => item.case.id).sort()).toEqual(
      [files.general, files.familyProtection].sort(),
    );
    expect(body.restrictedCount).toBe(0);
  });

  it('tells counsellors and mediators nothing (null), not even zero', async () => {
    expect((await cases('counsellor', victim.id)).restrictedCount).toBeNull();
    expect((await cases('mediator', victim.id)).restrictedCount).toBeNull();
  });

  it('counts a file of another institution, and a file the reader is recused from', async () => {
    const elsewhere = await buildInstitution(db);
    const other = await buildBareCase(db, elsewhere.id);
    const person = await buildPerson(db);
    await addParty(db, other.id, person.id, 'accused');
    const recusedFrom = await file('general', 'normal');
    await addParty(db, recusedFrom, person.id, 'witness');
    users.recused = (
      await signedInUser(db, {
        institutionId: office.id,
        grants: [
          { role: 'prosecutor', institutionId: office.id },
          {
            role: 'prosecutor',
            institutionId: office.id,
            grantKind: 'excluded',
            caseId: recusedFrom,
            reason: 'قرابة مع أحد الأطراف',
          },
        ],
      })
    ).headers;
    const body = await cases('recused', person.id);
    expect(body.items).toEqual([]);
    expect(body.restrictedCount).toBe(2);
  });
});
