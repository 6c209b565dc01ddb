import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../types.js';
import { generic, mapRow, resolveMapping } from './index.js';

const options = { defaultRegion: 'CA' as const, today: new Date(2026, 5, 15) };

describe('generic', () => {
  it('maps a French spreadsheet', () => {
    const cells = {
      'Numéro de carte': '2000111',
      Prénom: 'Éloïse',
      'Nom de famille': 'GAGNON',
      'Date de naissance': '1947-12-24',
      Téléphone: '819 555-0177 poste 3',
      Cellulaire: '819-555-0178',
      Courriel: 'eloise@exemple.qc.ca',
      Succursale: 'Hull',
      Langue: 'Français',
      Catégorie: 'Aîné',
      "Date d'expiration": '2027-12-31',
      Ville: 'Gatineau',
      Province: 'Québec',
      'Code postal': 'J8X 3X7',
      Étiquettes: 'confinée à domicile',
      Commentaires: 'ne pas garder',
    };
    const row: SourceRow = { rowNumber: 2, cells };
    const resolution = resolveMapping(generic, Object.keys(cells));
    const { patron, problems } = mapRow(row, generic, resolution.mapping, options);
    expect(problems).toEqual([]);
    expect(resolution.ignoredColumns).toEqual(['Commentaires']);
    expect(patron).toMatchObject({
      cardNumber: '2000111',
      firstName: 'Éloïse',
      lastName: 'Gagnon',
      language: 'fr',
      branch: 'Hull',
      patronType: 'Aîné',
      region: 'QC',
      tags: ['confinée à domicile'],
      phones: [
        { kind: 'home', e164: '+18195550177', extension: '3' },
        { kind: 'mobile', e164: '+18195550178' },
      ],
    });
  });

  it('splits a full-name column written either way', () => {
    const mapping = resolveMapping(generic, ['Card', 'Full name']).mapping;
    const map = (name: string) =>
      mapRow({ rowNumber: 2, cells: { Card: '1', 'Full name': name } }, generic, mapping, options)
        .patron;
    expect(map('Ana Maria Silva')).toMatchObject({ firstName: 'Ana', lastName: 'Silva' });
    expect(map('Silva, Ana')).toMatchObject({ firstName: 'Ana', lastName: 'Silva' });
  });
});
