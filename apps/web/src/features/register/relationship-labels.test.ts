import { RELATIONSHIPS } from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_LABELS_AR, PAYLOAD_LABELS_EN } from '../cases/payload-labels';
import {
  RELATIONSHIP_CODES,
  RELATIONSHIP_LABELS_AR,
  RELATIONSHIP_LABELS_EN,
} from './relationship-labels';

describe('the register form’s relationships to the accused', () => {
  it('offer every relationship of the domain, in its order', () => {
    expect(RELATIONSHIP_CODES).toEqual([...RELATIONSHIPS]);
  });

  it('use the same words as the event forms, in both languages', () => {
    expect(RELATIONSHIP_LABELS_AR).toEqual(PAYLOAD_LABELS_AR.values.relationshipToAccused);
    expect(RELATIONSHIP_LABELS_EN).toEqual(PAYLOAD_LABELS_EN.values.relationshipToAccused);
  });
});
