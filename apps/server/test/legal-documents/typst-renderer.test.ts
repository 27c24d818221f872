/**
 * The renderer itself: the same data gives the same bytes (no clock, no system font inside), the
 * only embedded font is the packaged Amiri, and a template's data is text, never markup.
 */
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/legal-documents/typst-renderer';
import { LABELS } from '../../src/legal-documents/document-text';
import { embeddedFonts, pdfText } from './pdf-text';

function summonsData(name: string) {
  const party = {
    name,
    label: 'شاهد',
    nationalId: '401234567',
    latin: 'Sami Odeh',
    details: null,
    isMasked: false,
  };
  return {
    title: 'مذكرة حضور',
    subtitle: null,
    header: {
      state: 'دولة فلسطين',
      authority: 'السلطة القضائية',
      institution: 'محكمة صلح البيرة',
      invocation: null,
    },
    labels: LABELS,
    file: { number: '123/2026', reference: 'BIR-CR-123/2026' },
    issued: { gregorian: '1 كانون الأول 2026', hijri: '11 جمادى الآخرة 1448 هـ' },
    footer: 'BIR-CR-123/2026',
    signer: { capacity: 'كاتب محكمة', name: 'ليلى داود' },
    addressee: party,
    caseHeading: 'الحق العام ضد م. خ.',
    court: 'محكمة صلح البيرة',
    hearing: {
      day: 'الثلاثاء 8 كانون الأول 2026',
      hijri: '18 جمادى الآخرة 1448 هـ',
      time: '09:30',
      room: 'قاعة 1',
    },
    body: 'أنت مكلف بالحضور.',
    warning: 'وفي حال تخلفك عن الحضور تتخذ بحقك الإجراءات القانونية.',
  };
}

describe('typst renderer', () => {
  it('renders the same bytes for the same data, with Amiri as the only font', () => {
    const first = renderTemplate('summons', summonsData('سامي عودة'));
    const second = renderTemplate('summons', summonsData('سامي عودة'));
    expect(Buffer.compare(first, second)).toBe(0);
    expect(embeddedFonts(first).every((font) => font.startsWith('Amiri-'))).toBe(true);
    expect(embeddedFonts(first).length).toBeGreaterThan(0);
  });

  it('keeps the Arabic name in logical order next to Latin text and numbers', async () => {
    const text = await pdfText(renderTemplate('summons', summonsData('سامي عودة')));
    expect(text).toContain('إلى: سامي عودة');
    expect(text).toContain('رقم الملف: 123/2026');
    expect(text).toContain('401234567');
    expect(text).toContain('Sami Odeh');
  });

  it('prints Typst markup in the data as text', async () => {
    const text = await pdfText(
      renderTemplate('summons', summonsData('#panic("x") ] [ *b* $m$ \\ //')),
    );
    expect(text).toContain('#panic("x")');
    expect(text).toContain('*b*');
  });

  it('refuses a template name that is not a plain name', () => {
    expect(() => renderTemplate('../common', {})).toThrow(/Bad template name/);
  });
});
