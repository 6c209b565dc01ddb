import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { chooseVersion } from './language.js';

const versions = [{ language: 'fr' }, { language: 'en' }, { language: 'it' }];

describe('chooseVersion', () => {
  it("picks the patron's language, whatever its case or region", () => {
    expect(chooseVersion(versions, 'it', 'fr')).toEqual({
      version: { language: 'it' },
      fellBack: false,
    });
    expect(chooseVersion(versions, 'FR-ca', 'en').version.language).toBe('fr');
  });

  it('falls back to the default language, then English, then the first version', () => {
    expect(chooseVersion(versions, 'pa', 'fr')).toEqual({
      version: { language: 'fr' },
      fellBack: true,
    });
    expect(chooseVersion(versions, 'pa', 'es')).toEqual({
      version: { language: 'en' },
      fellBack: true,
    });
    expect(
      chooseVersion([{ language: 'it' }, { language: 'fr' }], 'pa', 'es').version.language,
    ).toBe('it');
  });

  it('does not call it a fallback when the patron language is unknown', () => {
    expect(chooseVersion(versions, null, 'en')).toEqual({
      version: { language: 'en' },
      fellBack: false,
    });
    expect(chooseVersion(versions, ' ', 'fr')).toEqual({
      version: { language: 'fr' },
      fellBack: false,
    });
  });

  it('throws when there is no version at all', () => {
    expect(() => chooseVersion([], 'en', 'en')).toThrow(AppError);
  });
});
