import { describe, expect, it } from 'vitest';
import { arabicNameKey, fourPartNameKey, latinNameKey, nameKeyWords } from './arabic-names';
import {
  ARABIC_VARIANTS,
  DIFFERENT_LATIN_NAMES,
  DIFFERENT_NAMES,
  LATIN_VARIANTS,
  variantCount,
} from './name-variants.fixture';

describe('arabicNameKey', () => {
  it('covers at least 40 real spelling variants', () => {
    expect(variantCount()).toBeGreaterThanOrEqual(40);
  });

  for (const group of ARABIC_VARIANTS) {
    it(`gives one key for ${group.rule}`, () => {
      const [first, ...others] = group.variants;
      const key = arabicNameKey(first!);
      expect(key).not.toBe('');
      for (const variant of others) expect(arabicNameKey(variant), variant).toBe(key);
    });
  }

  it('keeps different names apart', () => {
    for (const [a, b] of DIFFERENT_NAMES) expect(arabicNameKey(a)).not.toBe(arabicNameKey(b));
  });

  it('produces the documented keys', () => {
    expect(arabicNameKey('أَحْمَد')).toBe('احمد');
    expect(arabicNameKey('عبد اللّه')).toBe('عبدالله');
    expect(arabicNameKey('فاطمة الزهراء')).toBe('فاطمه زهرا');
    expect(arabicNameKey('أبو علي')).toBe('ابوعلي');
    expect(arabicNameKey('يحيى ٣٤')).toBe('يحيي 34');
    expect(arabicNameKey('ال')).toBe('ال');
  });

  it('leaves nothing of punctuation, controls and SQL metacharacters', () => {
    expect(arabicNameKey("%_'; drop table persons; --")).toBe('drop table persons');
    expect(arabicNameKey('%')).toBe('');
    expect(arabicNameKey('\u200f\u202e\u0000')).toBe('');
    expect(arabicNameKey('   ')).toBe('');
  });

  it('is idempotent', () => {
    for (const group of ARABIC_VARIANTS) {
      for (const variant of group.variants) {
        const key = arabicNameKey(variant);
        expect(arabicNameKey(key)).toBe(key);
      }
    }
  });

  it('builds the key of a four-part name from its parts', () => {
    expect(fourPartNameKey(['مُحَمَّد', 'أحمد', null, 'الحلبي'])).toBe('محمد احمد حلبي');
    expect(nameKeyWords(' a  b ')).toEqual(['a', 'b']);
  });
});

describe('latinNameKey', () => {
  for (const group of LATIN_VARIANTS) {
    it(`gives one key for ${group.rule}`, () => {
      const [first, ...others] = group.variants;
      const key = latinNameKey(first!);
      expect(key).not.toBe('');
      for (const variant of others) expect(latinNameKey(variant), variant).toBe(key);
    });
  }

  it('produces the documented skeletons', () => {
    expect(latinNameKey('Mohammed')).toBe('mhmd');
    expect(latinNameKey('Ahmad')).toBe('ahmd');
    expect(latinNameKey('Yusuf')).toBe('ysf');
    expect(latinNameKey('Abdullah')).toBe('abdl');
    expect(latinNameKey('Abd al-Rahman')).toBe('abdrhmn');
    expect(latinNameKey('al-Khatib')).toBe('khtb');
  });

  it('keeps different names apart', () => {
    for (const [a, b] of DIFFERENT_LATIN_NAMES) expect(latinNameKey(a)).not.toBe(latinNameKey(b));
  });

  it('treats symbols as separators', () => {
    expect(latinNameKey("'; DROP TABLE --")).toBe('drp tbl');
    expect(latinNameKey('%_')).toBe('');
  });
});
