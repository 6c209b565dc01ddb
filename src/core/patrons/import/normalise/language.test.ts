import { describe, expect, it } from 'vitest';
import { toLanguageCode } from './language.js';

describe('toLanguageCode', () => {
  it('maps Koha locales, ISO 639-2 codes and names in English and French to ISO 639-1', () => {
    const cases: [string, string][] = [
      ['en', 'en'],
      ['fr-CA', 'fr'],
      ['en_US', 'en'],
      ['eng', 'en'],
      ['fre', 'fr'],
      ['fra', 'fr'],
      ['ita', 'it'],
      ['chi', 'zh'],
      ['zho', 'zh'],
      ['pan', 'pa'],
      ['rus', 'ru'],
      ['por', 'pt'],
      ['spa', 'es'],
      ['kor', 'ko'],
      ['per', 'fa'],
      ['fas', 'fa'],
      ['tgl', 'tl'],
      ['urd', 'ur'],
      ['hin', 'hi'],
      ['tam', 'ta'],
      ['guj', 'gu'],
      ['vie', 'vi'],
      ['ara', 'ar'],
      ['pol', 'pl'],
      ['ukr', 'uk'],
      ['heb', 'he'],
      ['ger', 'de'],
      ['deu', 'de'],
      ['gre', 'el'],
      ['ell', 'el'],
      ['English', 'en'],
      ['Français', 'fr'],
      ['FRENCH', 'fr'],
      ['Italian', 'it'],
      ['Italien', 'it'],
      ['Chinese', 'zh'],
      ['Mandarin', 'zh'],
      ['Cantonese', 'zh'],
      ['Chinese (Simplified)', 'zh'],
    ];
    for (const [value, code] of cases) expect(toLanguageCode(value), value).toEqual({ code });
  });

  it('reads Koha "default" as no language, without a warning', () => {
    expect(toLanguageCode('default')).toEqual({ code: null });
  });

  it('returns null with a warning for an unknown language', () => {
    expect(toLanguageCode('Klingon')).toEqual({
      code: null,
      problem: 'Klingon is not a language this import knows',
    });
  });
});
