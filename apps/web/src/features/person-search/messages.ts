/** Strings of the person-search screen, the match reasons and the duplicate prompt. */
import { defineMessages } from '../../i18n/i18n';

export const PERSON_SEARCH = defineMessages('personSearch', {
  ar: {
    title: 'بحث عن شخص',
    intro:
      'ابحث في سجل الأشخاص بأي جزء من الاسم الرباعي، بالعربية أو بالأحرف اللاتينية، أو برقم الهوية. تُقبل الكتابات المختلفة للاسم (أ/ا، ة/ه، ى/ي، عبد الله/عبدالله).',
    form: {
      label: 'البحث في سجل الأشخاص',
      query: 'الاسم أو رقم الهوية',
      queryHint: 'حرفان على الأقل من كلمة، أو ٤ إلى ٩ أرقام من رقم الهوية',
      birthYear: 'سنة الميلاد (اختياري)',
      submit: 'بحث',
    },
    problems: {
      empty: 'اكتب جزءاً من الاسم أو رقم الهوية.',
      tooShort: 'البحث قصير جداً: اكتب حرفين على الأقل من كلمة، أو ٤ أرقام على الأقل من رقم الهوية.',
      tooLong: 'البحث طويل جداً: اكتب ١٠٠ حرف على الأكثر.',
      birthYear: 'سنة الميلاد غير صحيحة: أدخل سنة بين ١٩٠٠ و٢١٠٠.',
    },
    results: {
      tableLabel: 'نتائج البحث عن شخص، مرتبة حسب قوة التطابق',
      count_one: 'نتيجة واحدة',
      count_two: 'نتيجتان',
      count_few: '{{count}} نتائج',
      count_many: '{{count}} نتيجة',
      count_other: '{{count}} نتيجة',
      count_zero: 'لا نتائج',
      more: 'تُعرض أفضل {{shown}} نتيجة من {{total}}؛ أضف جزءاً آخر من الاسم أو سنة الميلاد لتضييق البحث.',
      countMoreThan: 'أكثر من {{count}} نتيجة',
      moreThan:
        'تُعرض أفضل {{shown}} نتيجة من أكثر من {{total}}؛ أضف جزءاً آخر من الاسم أو سنة الميلاد لتضييق البحث.',
      name: 'الاسم',
      nationalId: 'رقم الهوية',
      dateOfBirth: 'تاريخ الميلاد',
      sex: 'الجنس',
      reason: 'سبب الظهور',
      unknown: 'غير معروف',
      withheld: 'محجوب',
    },
    empty: {
      title: 'لا يوجد شخص بهذا البحث',
      body: 'جرّب جزءاً آخر من الاسم، أو كتابته بالأحرف اللاتينية، أو أزل سنة الميلاد.',
    },
    start: {
      title: 'ابدأ البحث',
      body: 'اكتب اسماً أو رقم هوية في المربع أعلاه.',
    },
    sex: { female: 'أنثى', male: 'ذكر' },
    match: {
      national_id: {
        exact: 'تطابق رقم الهوية',
        prefix: 'رقم الهوية يبدأ بالأرقام المدخلة',
        contains: 'رقم الهوية يحتوي الأرقام المدخلة',
        similar: 'رقم هوية مشابه',
      },
      name: {
        exact: 'تطابق الاسم',
        prefix: 'بداية الاسم تطابق',
        contains: 'جزء من الاسم يطابق',
        similar: 'اسم مشابه',
      },
      date_of_birth: {
        exact: 'تطابق تاريخ الميلاد',
        prefix: 'تطابق تاريخ الميلاد',
        contains: 'تطابق تاريخ الميلاد',
        similar: 'تطابق تاريخ الميلاد',
      },
      field: { name_ar: 'في الاسم العربي', name_latin: 'في الاسم اللاتيني' },
      score: 'درجة التطابق {{percent}}',
    },
    duplicates: {
      title: 'هل هو أحد هؤلاء؟',
      body: 'في سجل الأشخاص من يشبه الشخص الذي تسجّله. استخدم الشخص المسجَّل إن كان هو نفسه، لئلا يتكرر في السجل.',
      listLabel: 'أشخاص مسجَّلون مشابهون',
      use: 'استخدم هذا الشخص',
      useAria: 'استخدم {{name}}',
      bornOn: 'مواليد {{date}}',
      registerNew: 'ليس أياً منهم: سجّل شخصاً جديداً',
    },
  },
  en: {
    title: 'Find a person',
    intro:
      'Search the persons registry by any part of the four-part name, in Arabic or in Latin letters, or by national ID. Usual spelling variants are found too (أ/ا, ة/ه, ى/ي, عبد الله/عبدالله).',
    form: {
      label: 'Search the persons registry',
      query: 'Name or national ID',
      queryHint: 'At least two letters of a word, or 4 to 9 digits of a national ID',
      birthYear: 'Year of birth (optional)',
      submit: 'Search',
    },
    problems: {
      empty: 'Type part of a name or a national ID.',
      tooShort:
        'Too short: type at least two letters of a word, or at least 4 digits of a national ID.',
      tooLong: 'Too long: type at most 100 characters.',
      birthYear: 'The year of birth is not valid: enter a year between 1900 and 2100.',
    },
    results: {
      tableLabel: 'Persons found, best matches first',
      count_one: 'One person found',
      count_two: '{{count}} persons found',
      count_few: '{{count}} persons found',
      count_many: '{{count}} persons found',
      count_other: '{{count}} persons found',
      count_zero: 'Nobody found',
      more: 'The best {{shown}} of {{total}} are shown; add another part of the name or the year of birth to narrow the search.',
      countMoreThan: 'More than {{count}} persons found',
      moreThan:
        'The best {{shown}} of more than {{total}} are shown; add another part of the name or the year of birth to narrow the search.',
      name: 'Name',
      nationalId: 'National ID',
      dateOfBirth: 'Date of birth',
      sex: 'Sex',
      reason: 'Why it matched',
      unknown: 'Unknown',
      withheld: 'Withheld',
    },
    empty: {
      title: 'Nobody matches this search',
      body: 'Try another part of the name, the name in Latin letters, or remove the year of birth.',
    },
    start: {
      title: 'Start a search',
      body: 'Type a name or a national ID in the box above.',
    },
    sex: { female: 'Female', male: 'Male' },
    match: {
      national_id: {
        exact: 'National ID matches',
        prefix: 'National ID starts with the digits typed',
        contains: 'National ID contains the digits typed',
        similar: 'Similar national ID',
      },
      name: {
        exact: 'Name matches',
        prefix: 'Start of the name matches',
        contains: 'Part of the name matches',
        similar: 'Similar name',
      },
      date_of_birth: {
        exact: 'Date of birth matches',
        prefix: 'Date of birth matches',
        contains: 'Date of birth matches',
        similar: 'Date of birth matches',
      },
      field: { name_ar: 'in the Arabic name', name_latin: 'in the Latin name' },
      score: 'Match {{percent}}',
    },
    duplicates: {
      title: 'Is it one of these persons?',
      body: 'The registry holds persons like the one you are registering. Use the registered person if it is the same one, so the registry holds no duplicate.',
      listLabel: 'Similar registered persons',
      use: 'Use this person',
      useAria: 'Use {{name}}',
      bornOn: 'Born {{date}}',
      registerNew: 'None of these: register a new person',
    },
  },
});
