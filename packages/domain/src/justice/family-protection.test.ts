import { describe, expect, it } from 'vitest';
import {
  classifyFamilyProtection,
  gbvContextFlags,
  missingFamilyProtectionDetails,
  type ClassificationParty,
} from './family-protection';

const victim = (over: Partial<ClassificationParty> = {}): ClassificationParty => ({
  role: 'victim',
  sex: 'female',
  relationshipToAccused: null,
  ageAtOffence: 30,
  ...over,
});
const accused: ClassificationParty = {
  role: 'accused',
  sex: 'male',
  relationshipToAccused: null,
  ageAtOffence: 35,
};
const plain = { isGbvRelated: false, linksCybercrime: false };

describe('family protection classification', () => {
  it.each([
    ['spouse', true],
    ['former_spouse', true],
    ['parent', true],
    ['child', true],
    ['sibling', true],
    ['other_relative', true],
    ['guardian', true],
    ['fiance', false],
    ['acquaintance', false],
    ['stranger', false],
  ])('a victim who is the accused’s %s makes a family file: %s', (relationship, expected) => {
    const result = classifyFamilyProtection(
      [accused, victim({ relationshipToAccused: relationship })],
      [plain],
    );
    expect(result.isFamilyProtection).toBe(expected);
    expect(result.reasons.includes('family_relationship')).toBe(expected);
  });

  it('classifies by a GBV offence whoever the victim is', () => {
    expect(
      classifyFamilyProtection(
        [accused, victim({ sex: 'male' })],
        [{ isGbvRelated: true, linksCybercrime: false }],
      ),
    ).toEqual({ isFamilyProtection: true, reasons: ['gbv_offence'], linksCybercrime: false });
  });

  it('links threats by communication against a woman to the cybercrime unit, not against a man', () => {
    const cyber = { isGbvRelated: false, linksCybercrime: true };
    expect(classifyFamilyProtection([accused, victim()], [cyber])).toEqual({
      isFamilyProtection: true,
      reasons: ['communication_threat_against_woman'],
      linksCybercrime: true,
    });
    expect(classifyFamilyProtection([accused, victim({ sex: 'male' })], [cyber])).toEqual({
      isFamilyProtection: false,
      reasons: [],
      linksCybercrime: false,
    });
  });

  it('derives the GBVIMS context flags from the parties', () => {
    const wife = victim({ relationshipToAccused: 'spouse', ageAtOffence: 16 });
    expect(gbvContextFlags('forced_marriage', [accused, wife])).toEqual({
      intimatePartner: true,
      childVictim: true,
      earlyMarriage: true,
    });
    expect(gbvContextFlags('physical_assault', [accused, victim({ ageAtOffence: 40 })])).toEqual({
      intimatePartner: false,
      childVictim: false,
      earlyMarriage: false,
    });
  });

  it('lists the details a family file still needs', () => {
    expect(
      missingFamilyProtectionDetails([
        { ...accused, sex: null, hasDateOfBirth: true },
        { ...victim(), hasDateOfBirth: false },
        { ...victim({ role: 'witness', sex: null }), hasDateOfBirth: false },
      ]),
    ).toEqual(['dateOfBirth', 'relationshipToAccused', 'sex']);
  });
});
