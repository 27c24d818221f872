import { describe, expect, it } from 'vitest';
import { problemText } from './problem-text';

describe('problemText', () => {
  it('answers an Arabic form in Arabic, for the server’s own sentences and the validator’s', () => {
    expect(problemText('is in the future', 'ar')).toBe('تاريخ في المستقبل');
    expect(problemText('no such institution', 'ar')).toBe('غير موجود');
    expect(problemText("must have required property 'sex'", 'ar')).toBe('حقل مطلوب');
    expect(problemText('must NOT have more than 200 characters', 'ar')).toBe(
      'لا يزيد على 200 حرفاً',
    );
    expect(problemText('is before 1900-01-01', 'ar')).toBe('سابق لتاريخ 1900-01-01');
  });

  it('keeps an unknown sentence for support, after an Arabic lead', () => {
    expect(problemText('has no figure for female 12-13', 'ar')).toBe(
      'قيمة غير مقبولة (has no figure for female 12-13)',
    );
  });

  it('leaves English as the server wrote it', () => {
    expect(problemText('is in the future', 'en')).toBe('is in the future');
  });
});
