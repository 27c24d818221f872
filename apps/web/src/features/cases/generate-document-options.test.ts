import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  hearingsFor,
  openDetentions,
  type TemplateOffer,
} from './generate-document-options';
import type { CasePage } from './types';

const hearing = (id: string, status: string) =>
  ({ id, status }) as NonNullable<CasePage['hearings']>[number];
const page = {
  hearings: [
    hearing('h1', 'scheduled'),
    hearing('h2', 'held'),
    hearing('h3', 'cancelled'),
    hearing('h4', 'adjourned'),
  ],
  detentions: [
    { id: 'd1', releasedAt: null },
    { id: 'd2', releasedAt: '2026-03-01T10:00:00Z' },
  ],
} as unknown as CasePage;

const offer = (
  template: TemplateOffer['template'],
  requires: TemplateOffer['requires'],
): TemplateOffer => ({
  template,
  documentType: template,
  titleAr: template,
  requires,
});
const empty = { hearingId: '', partyId: '', detentionId: '', requestedDays: '', grounds: '' };

describe('generate document options', () => {
  it('offers scheduled hearings for a summons and past ones for minutes', () => {
    expect(hearingsFor('summons', page).map((h) => h.id)).toEqual(['h1']);
    expect(hearingsFor('hearing_minutes', page).map((h) => h.id)).toEqual(['h2', 'h4']);
    expect(hearingsFor('indictment', page)).toEqual([]);
  });

  it('offers only detentions still running', () => {
    expect(openDetentions(page).map((d) => d.id)).toEqual(['d1']);
  });

  it('names the first field to choose, and sends only what the template takes', () => {
    const summons = offer('summons', ['hearingId', 'partyId']);
    expect(buildRequest(summons, { ...empty, hearingId: 'h1' })).toEqual({ missing: 'partyId' });
    expect(
      buildRequest(summons, { ...empty, hearingId: 'h1', partyId: 'p1', grounds: 'x' }),
    ).toEqual({
      body: { template: 'summons', hearingId: 'h1', partyId: 'p1' },
    });
    const extension = offer('detention_extension_request', ['detentionId']);
    expect(
      buildRequest(extension, {
        ...empty,
        detentionId: 'd1',
        requestedDays: '10',
        grounds: '  لم يكتمل  ',
      }),
    ).toEqual({
      body: {
        template: 'detention_extension_request',
        detentionId: 'd1',
        requestedDays: 10,
        grounds: 'لم يكتمل',
      },
    });
    expect(buildRequest(offer('indictment', []), empty)).toEqual({
      body: { template: 'indictment' },
    });
  });
});
