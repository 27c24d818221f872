/**
 * The server names what is wrong with a field in English (`details.issues[].problem`: its own
 * sentences such as "is in the future", and the JSON Schema validator's "must NOT have fewer than 1
 * characters"). An Arabic form must not answer a clerk in English, so the known sentences are
 * translated here, by pattern. A sentence this table does not know is still shown in Arabic as
 * "unacceptable value", with the server's words after it for support.
 */
import { currentLanguage, type Language } from '../i18n/i18n';

type Translate = (match: RegExpMatchArray) => string;

const ARABIC_PROBLEMS: readonly (readonly [RegExp, Translate])[] = [
  [/^is in the future$/, () => 'تاريخ في المستقبل'],
  [/^is not in the future$/, () => 'يجب أن يكون التاريخ في المستقبل'],
  [/^is in the past$/, () => 'تاريخ مضى'],
  [/^is blank$/, () => 'حقل فارغ'],
  [/^is not a calendar date$/, () => 'ليس تاريخاً صحيحاً'],
  [/^is before the arrest$/, () => 'سابق لتاريخ القبض'],
  [/^is before the measure was issued$/, () => 'سابق لتاريخ صدور التدبير'],
  [/^is before the agreement was signed$/, () => 'سابق لتاريخ توقيع الاتفاق'],
  [/^is before (\d{4}-\d{2}-\d{2})$/, (m) => `سابق لتاريخ ${m[1] ?? ''}`],
  [/^must be after validFrom$/, () => 'يجب أن يكون بعد تاريخ البدء'],
  [/^must differ from the current password$/, () => 'يجب أن تختلف عن كلمة المرور الحالية'],
  [/^is not the current code of your authenticator app$/, () => 'ليس الرمز الحالي لتطبيق المصادقة'],
  [/^is the surviving person itself$/, () => 'هو نفسه الشخص الذي يبقى بعد الدمج'],
  [/^no such person in the registry$/, () => 'لا يوجد هذا الشخص في السجل'],
  [/^no such offence in the catalogue$/, () => 'ليست جريمة في القائمة'],
  [/^no scheduled hearing of this file$/, () => 'ليست جلسة مقررة في هذا الملف'],
  [/^no open detention of this file$/, () => 'ليس توقيفاً قائماً في هذا الملف'],
  [/^no such .+$/, () => 'غير موجود'],
  [/^is not a protection measure of this file$/, () => 'ليس تدبير حماية في هذا الملف'],
  [/^is recorded only with a consent override$/, () => 'يُسجَّل فقط مع تجاوز الموافقة'],
  [/^a file cannot be referred to its own institution$/, () => 'لا يُحال الملف إلى مؤسسته نفسها'],
  // The JSON Schema validator (Ajv) of every route.
  [/^must have required property '.+'$/, () => 'حقل مطلوب'],
  [/^must NOT have fewer than 1 characters$/, () => 'حقل مطلوب'],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `لا يقل عن ${m[1] ?? ''} حروف`],
  [/^must NOT have more than (\d+) characters$/, (m) => `لا يزيد على ${m[1] ?? ''} حرفاً`],
  [/^must NOT have fewer than (\d+) items$/, (m) => `لا يقل عن ${m[1] ?? ''} عناصر`],
  [/^must NOT have more than (\d+) items$/, (m) => `لا يزيد على ${m[1] ?? ''} عنصراً`],
  [/^must match format "date"$/, () => 'ليس تاريخاً صحيحاً'],
  [/^must match format "date-time"$/, () => 'ليس تاريخاً ووقتاً صحيحين'],
  [/^must match format "uuid"$/, () => 'ليس معرّفاً صحيحاً'],
  [/^must match format "email"$/, () => 'ليس بريداً إلكترونياً صحيحاً'],
  [/^must match pattern .+$/, () => 'الصيغة غير صحيحة'],
  [/^must be (string|number|integer|boolean|array|object)$/, () => 'نوع القيمة غير صحيح'],
  [/^must be >= (-?[\d.]+)$/, (m) => `لا يقل عن ${m[1] ?? ''}`],
  [/^must be <= (-?[\d.]+)$/, (m) => `لا يزيد على ${m[1] ?? ''}`],
  [/^must be equal to one of the allowed values$/, () => 'ليست من القيم المسموح بها'],
  [/^must NOT have additional properties$/, () => 'حقل غير معروف'],
];

/** The server's problem sentence in the given language (the current one by default). */
export function problemText(problem: string, language: Language = currentLanguage()): string {
  if (language !== 'ar') return problem;
  for (const [pattern, translate] of ARABIC_PROBLEMS) {
    const match = problem.match(pattern);
    if (match) return translate(match);
  }
  return `قيمة غير مقبولة (${problem})`;
}
