/**
 * Patron languages → ISO 639-1. ILSs write them as Koha locales (en, fr-CA, "default"), MARC /
 * ISO 639-2 codes (eng, fre, chi…) or names in English or French; scripts and e-mail versions are
 * chosen by the two-letter code, so everything is brought to it.
 */

export interface LanguageResult {
  code: string | null;
  problem?: string;
}

/** ISO 639-1 codes this table knows, with their ISO 639-2 (B and T) and name spellings. */
const LANGUAGES: Record<string, readonly string[]> = {
  en: ['eng', 'english', 'anglais'],
  fr: ['fre', 'fra', 'french', 'francais', 'français'],
  es: ['spa', 'spanish', 'espagnol', 'español', 'espanol'],
  it: ['ita', 'italian', 'italien', 'italiano'],
  zh: ['chi', 'zho', 'chinese', 'chinois', 'mandarin', 'cantonese', 'cantonais', 'putonghua'],
  pa: ['pan', 'punjabi', 'panjabi', 'pendjabi'],
  ru: ['rus', 'russian', 'russe'],
  pt: ['por', 'portuguese', 'portugais', 'português'],
  ko: ['kor', 'korean', 'coréen', 'coreen'],
  fa: ['per', 'fas', 'persian', 'farsi', 'persan', 'dari'],
  tl: ['tgl', 'tagalog', 'filipino', 'fil'],
  ur: ['urd', 'urdu', 'ourdou'],
  hi: ['hin', 'hindi'],
  ta: ['tam', 'tamil', 'tamoul'],
  gu: ['guj', 'gujarati', 'goudjarati'],
  vi: ['vie', 'vietnamese', 'vietnamien'],
  ar: ['ara', 'arabic', 'arabe'],
  pl: ['pol', 'polish', 'polonais'],
  uk: ['ukr', 'ukrainian', 'ukrainien'],
  he: ['heb', 'hebrew', 'hébreu', 'hebreu'],
  de: ['ger', 'deu', 'german', 'allemand', 'deutsch'],
  el: ['gre', 'ell', 'greek', 'grec'],
  ja: ['jpn', 'japanese', 'japonais'],
  bn: ['ben', 'bengali', 'bangla'],
  so: ['som', 'somali'],
  am: ['amh', 'amharic', 'amharique'],
  ti: ['tir', 'tigrinya'],
  ro: ['rum', 'ron', 'romanian', 'roumain'],
  hu: ['hun', 'hungarian', 'hongrois'],
  hr: ['hrv', 'croatian', 'croate'],
  sr: ['srp', 'serbian', 'serbe'],
  nl: ['dut', 'nld', 'dutch', 'néerlandais', 'neerlandais'],
  tr: ['tur', 'turkish', 'turc'],
  sq: ['alb', 'sqi', 'albanian', 'albanais'],
  hy: ['arm', 'hye', 'armenian', 'arménien', 'armenien'],
  ml: ['mal', 'malayalam'],
  te: ['tel', 'telugu'],
  ne: ['nep', 'nepali', 'népalais'],
  si: ['sin', 'sinhala', 'sinhalese', 'cingalais'],
  th: ['tha', 'thai', 'thaï'],
  km: ['khm', 'khmer'],
  cr: ['cre', 'cree', 'cri'],
  iu: ['iku', 'inuktitut'],
  oj: ['oji', 'ojibwe', 'ojibwa', 'ojibway'],
};

const LOOKUP = new Map<string, string>();
for (const [code, spellings] of Object.entries(LANGUAGES)) {
  LOOKUP.set(code, code);
  for (const spelling of spellings) LOOKUP.set(spelling, code);
}

/** Values meaning "the library's default language": no language, and nothing to report. */
const DEFAULTS = new Set(['', 'default', 'und', 'zxx', 'mul']);
/** "fr-CA", "en_US", "Chinese (Simplified)", "Français (Canada)". */
const DECORATION = /\s*\(.*\)\s*$|[-_].*$/;

/** Maps a language value; unknown values come back as null with a problem to report. */
export function toLanguageCode(raw: string): LanguageResult {
  const text = raw.trim().toLowerCase();
  if (DEFAULTS.has(text)) return { code: null };
  const code = LOOKUP.get(text) ?? LOOKUP.get(text.replace(DECORATION, '').trim());
  if (code !== undefined) return { code };
  return { code: null, problem: `${raw.trim()} is not a language this import knows` };
}
