/**
 * Arabic function words (particles, prepositions with their pronoun suffixes, conjunctions,
 * demonstratives) that case search does not look for: they are in most titles and notes ("عليه"
 * of "المشتكى عليه" is in a quarter of an office's documents), so they narrow nothing and make a
 * search read most of the index. Case search drops them from a query of several words and refuses
 * a query made of nothing else (ADR 0014). Content words, however common ("سرقة", "المشتكي"), are
 * not here: a user may mean them. "علي" is a name, so "على" is listed only with its alef maqsura.
 */
const WORDS = `
في من الى إلى على عن مع ما لا لم لن قد او أو ثم ان أن إن كان كانت يكون هذا هذه ذلك تلك هؤلاء
التي الذي الذين اللذين اللتين اللواتي هو هي هم هن انا أنا نحن انت أنت عند بعد قبل حيث كما حتى
بين لدى منذ خلال ضد دون غير كل بعض اي أي أية اية الا إلا بل لكن لكنه ليس اذ إذ اذا إذا لو كي
يا تم وقد وفي ومن وعلى وعن ومع وهو وهي ولا ولم وان وأن وإن وكان وذلك فقد فان فإن ايضا أيضا
عليه عليها عليهم عليهن له لها لهم لهن منه منها منهم فيه فيها فيهم به بها بهم عنه عنها عنهم
اليه إليه اليها إليها اليهم إليهم معه معها معهم لديه لديها لديهم
`;

/** Letters as the stop-word list compares them: without tashkeel or tatweel, alef forms as ا. */
function stopWordKey(word: string): string {
  return word.replace(/[\p{Mn}\u0640]/gu, '').replace(/[\u0622\u0623\u0625\u0671]/g, 'ا');
}

const STOP_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter((word) => word !== '')
    .map(stopWordKey),
);

/** Whether a word (Arabic letters, with or without tashkeel) is an Arabic function word. */
export function isArabicStopWord(word: string): boolean {
  return STOP_WORDS.has(stopWordKey(word));
}
