/**
 * Phone numbers → E.164 with libphonenumber-js and its `max` metadata: `max` carries the full
 * number-range patterns, so `isValid()` rejects unassigned area codes and exchanges; `min` only
 * checks lengths, which would let typos through as "valid". The extra ~60 KiB costs nothing on
 * the server.
 *
 * libphonenumber parses ~70k distinct numbers/s here, too slow for imports with several numbers a
 * row, so two memos sit in front of it: one keyed by the exact text (repeated household numbers),
 * and one for North American numbers keyed by their first seven digits, because NANP validity is
 * decided by area code, exchange and thousands block, never by the last digits.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneKind, PhoneNumber } from '../types.js';

export type { CountryCode };

interface ParsedPhone {
  e164: string | null;
  extension: string | null;
  valid: boolean;
}

/** Each memo holds at most twice this many entries, so a huge import cannot grow memory. */
export const PHONE_CACHE_LIMIT = 50_000;
/** Longer text is not a phone number; it is never handed to the parser. */
const MAX_PHONE_TEXT = 80;

/**
 * A two-generation memo: when the young generation fills up, it becomes the old one and the
 * previous old one is dropped; a hit in the old generation is promoted. This approximates LRU in
 * O(1), where evicting the oldest key of a JS Map one at a time degrades badly.
 */
interface Memo<V> {
  young: Map<string, V>;
  old: Map<string, V>;
}

function createMemo<V>(): Memo<V> {
  return { young: new Map(), old: new Map() };
}

function recall<V>(memo: Memo<V>, key: string): V | undefined {
  const young = memo.young.get(key);
  if (young !== undefined) return young;
  const old = memo.old.get(key);
  if (old !== undefined) remember(memo, key, old);
  return old;
}

function remember<V>(memo: Memo<V>, key: string, value: V): V {
  if (memo.young.size >= PHONE_CACHE_LIMIT) {
    memo.old = memo.young;
    memo.young = new Map();
  }
  memo.young.set(key, value);
  return value;
}

const byText = createMemo<ParsedPhone>();
const nanpPrefixes = createMemo<boolean>();
const NANP_REGIONS = new Set(['CA', 'US']);

/**
 * Extensions as written in Canadian lists: "ext", "ext.", "extension", "x", "#", and the French
 * "poste" / "p." that libphonenumber does not know (it loses the whole number).
 */
const EXTENSION = /^(.*?\d[^a-z#]*?)[\s,;]*(?:ext(?:ension)?|x|#|poste|p)\s*[.:]?\s*(\d{1,8})\s*$/i;
const SIMPLE_DIGITS = /^[\s().\-+\d]+$/;
const NON_DIGITS = /\D/g;

/** Forgets memoised parses (tests; or after the default region changes). */
export function clearPhoneCache(): void {
  for (const memo of [byText, nanpPrefixes] as const) {
    memo.young.clear();
    memo.old.clear();
  }
}

function splitExtension(text: string): { main: string; extension: string | null } {
  const match = EXTENSION.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return { main: text, extension: null };
  return { main: match[1].trim(), extension: match[2] };
}

function parseWithLibrary(
  main: string,
  region: CountryCode,
): { e164: string | null; valid: boolean; country: string | undefined } {
  const parsed = parsePhoneNumberFromString(main, region);
  if (parsed === undefined) return { e164: null, valid: false, country: undefined };
  const valid = parsed.isValid();
  return { e164: valid ? parsed.number : null, valid, country: parsed.country };
}

/** The ten national digits of a plainly written North American number, or null. */
function nanpDigits(main: string, region: CountryCode): string | null {
  if (!SIMPLE_DIGITS.test(main)) return null;
  const digits = main.replace(NON_DIGITS, '');
  const plus = main.trimStart().startsWith('+');
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  if (digits.length === 10 && !plus && NANP_REGIONS.has(region)) return digits;
  return null;
}

function parseUncached(text: string, region: CountryCode): ParsedPhone {
  const { main, extension } = splitExtension(text);
  const national = nanpDigits(main, region);
  if (national !== null && /^[2-9]/.test(national)) {
    const prefix = national.slice(0, 7);
    const known = recall(nanpPrefixes, prefix);
    if (known !== undefined)
      return { e164: known ? `+1${national}` : null, extension, valid: known };
    const result = parseWithLibrary(`+1${national}`, region);
    // Only CA and US prefixes are memoised: other NANP members' patterns were not checked.
    if (result.country !== undefined && NANP_REGIONS.has(result.country)) {
      remember(nanpPrefixes, prefix, result.valid);
    }
    return { e164: result.e164, extension, valid: result.valid };
  }
  const result = parseWithLibrary(main, region);
  return { e164: result.e164, extension, valid: result.valid };
}

/**
 * Parses one written phone number. Never throws and never drops a number: an invalid one comes
 * back with its raw text, `e164: null` and `valid: false`.
 */
export function parsePhone(raw: string, kind: PhoneKind, defaultRegion: CountryCode): PhoneNumber {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_PHONE_TEXT) {
    return { kind, raw, e164: null, extension: null, valid: false };
  }
  const key = `${defaultRegion}\u0000${text}`;
  const parsed = recall(byText, key) ?? remember(byText, key, parseUncached(text, defaultRegion));
  return { kind, raw: text, e164: parsed.e164, extension: parsed.extension, valid: parsed.valid };
}

const SEPARATORS = /[/;|]/;

/**
 * Parses a cell that may hold several numbers separated by "/", ";" or "|". When a piece is too
 * short to be a number ("416/555-0123" written with the area code apart), the cell is read as
 * one number instead.
 */
export function parsePhones(
  raw: string,
  kind: PhoneKind,
  defaultRegion: CountryCode,
): PhoneNumber[] {
  const text = raw.trim();
  if (text.length === 0) return [];
  if (SEPARATORS.test(text)) {
    const pieces = text
      .split(SEPARATORS)
      .map((piece) => piece.trim())
      .filter((p) => p.length > 0);
    const allNumbers = pieces.every((piece) => piece.replace(NON_DIGITS, '').length >= 7);
    if (allNumbers && pieces.length > 1) {
      return pieces.map((piece) => parsePhone(piece, kind, defaultRegion));
    }
  }
  return [parsePhone(text, kind, defaultRegion)];
}
