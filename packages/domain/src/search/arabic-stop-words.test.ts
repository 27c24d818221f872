import { describe, expect, it } from 'vitest';
import { isArabicStopWord } from './arabic-stop-words';

describe('isArabicStopWord', () => {
  it('knows the particles, prepositions and their pronoun forms, with or without tashkeel', () => {
    for (const word of [
      'في',
      'من',
      'على',
      'عليه',
      'إلى',
      'الى',
      'فِي',
      'عَلَيْهِ',
      'أن',
      'ان',
      'التي',
    ]) {
      expect(isArabicStopWord(word), word).toBe(true);
    }
  });

  it('leaves content words and names alone, however common', () => {
    for (const word of ['سرقة', 'المشتكي', 'المشتكى', 'علي', 'محمد', 'سيارة', 'theft', 'in']) {
      expect(isArabicStopWord(word), word).toBe(false);
    }
  });
});
