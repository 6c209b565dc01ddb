import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../types.js';
import { generic, kohaCsv, mapRow, resolveMapping } from './index.js';

const options = { defaultRegion: 'CA' as const, today: new Date(2026, 5, 15) };
const HEADERS = [
  'Card number',
  'First name',
  'Last name',
  'Date of birth',
  'Phone',
  'Email',
  'Status',
  'Active',
  'Barred',
  'Expiry',
  'Tags',
  'Province',
  'Postal code',
];
const { mapping } = resolveMapping(generic, HEADERS);

function map(cells: Record<string, string>, rowNumber = 2) {
  const row: SourceRow = {
    rowNumber,
    cells: {
      'Card number': '2123400001',
      'First name': 'Marie',
      'Last name': 'Tremblay',
      ...cells,
    },
  };
  return mapRow(row, generic, mapping, options);
}

describe('mapRow', () => {
  it('rejects a row without a card number, naming the column', () => {
    const result = map({ 'Card number': '  ' }, 7);
    expect(result.patron).toBeUndefined();
    expect(result.problems).toEqual([
      {
        row: 7,
        column: 'Card number',
        value: null,
        reason: expect.stringMatching(/no card number/),
        severity: 'error',
      },
    ]);
  });

  it('rejects a card number a spreadsheet turned into a float', () => {
    const result = map({ 'Card number': '2.12340001234E+13' });
    expect(result.patron).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ severity: 'error', value: '2.12340001234E+13' });
  });

  it('warns about one missing name and rejects a row with neither name', () => {
    const oneMissing = map({ 'First name': '' });
    expect(oneMissing.patron?.lastName).toBe('Tremblay');
    expect(oneMissing.problems).toEqual([
      expect.objectContaining({ column: 'First name', severity: 'warning' }),
    ]);
    const bothMissing = map({ 'First name': '', 'Last name': '' });
    expect(bothMissing.patron).toBeUndefined();
    expect(bothMissing.problems[0]).toMatchObject({
      severity: 'error',
      reason: expect.stringMatching(/neither/),
    });
  });

  it('keeps an invalid phone number with its raw text and warns', () => {
    const result = map({ Phone: '123-456-7890' });
    expect(result.patron?.phones).toEqual([
      { kind: 'home', raw: '123-456-7890', e164: null, extension: null, valid: false },
    ]);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'Phone',
        value: '123-456-7890',
        reason: expect.stringMatching(/not a valid phone/),
        severity: 'warning',
      },
    ]);
  });

  it('drops an invalid e-mail from the patron but reports it with its value', () => {
    const result = map({ Email: 'marie@example.ca; marie(at)example.ca' });
    expect(result.patron?.emails).toEqual(['marie@example.ca']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        column: 'Email',
        value: 'marie(at)example.ca',
        severity: 'warning',
      }),
    ]);
  });

  it('warns about an ambiguous date and leaves it out', () => {
    const result = map({ 'Date of birth': '03/04/1950' });
    expect(result.patron?.birthDate).toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({
        column: 'Date of birth',
        value: '03/04/1950',
        severity: 'warning',
      }),
    ]);
  });

  it('reads the ambiguous date when the coordinator states the order', () => {
    const row: SourceRow = {
      rowNumber: 2,
      cells: {
        'Card number': '1',
        'Last name': 'T',
        'First name': 'M',
        'Date of birth': '03/04/1950',
      },
    };
    expect(mapRow(row, generic, mapping, { ...options, dateOrder: 'dmy' }).patron?.birthDate).toBe(
      '1950-04-03',
    );
  });

  it('leaves out birth dates in the future or placeholders from long ago', () => {
    expect(map({ 'Date of birth': '2031-01-01' }).patron?.birthDate).toBeNull();
    expect(map({ 'Date of birth': '1900-01-01' }).problems[0]?.reason).toMatch(/placeholder/);
  });

  it('derives the status: barred, then inactive, then expired, then active', () => {
    expect(map({ Barred: 'yes', Active: 'no', Expiry: '2020-01-01' }).patron?.status).toBe(
      'barred',
    );
    expect(map({ Active: 'non', Expiry: '2020-01-01' }).patron?.status).toBe('inactive');
    expect(map({ Expiry: '2026-06-14' }).patron?.status).toBe('expired');
    expect(map({ Expiry: '2026-06-15' }).patron?.status).toBe('active');
    expect(map({ Status: 'Bloqué' }).patron?.status).toBe('barred');
    expect(map({}).patron?.status).toBe('active');
  });

  it('reports a yes/no cell it cannot read', () => {
    expect(map({ Active: 'perhaps' }).problems).toEqual([
      expect.objectContaining({ column: 'Active', value: 'perhaps' }),
    ]);
  });

  it('splits tags and normalises the province and postal code', () => {
    const patron = map({
      Tags: 'homebound; large print |homebound',
      Province: 'Ontario',
      'Postal code': 'l4j 8k5',
    }).patron;
    expect(patron).toMatchObject({
      tags: ['homebound', 'large print'],
      region: 'ON',
      postalCode: 'L4J 8K5',
    });
  });

  it('never keeps a column that is not mapped', () => {
    const row: SourceRow = {
      rowNumber: 2,
      cells: { cardnumber: '1', surname: 'T', firstname: 'M', borrowernotes: 'secret' },
    };
    const result = mapRow(
      row,
      kohaCsv,
      resolveMapping(kohaCsv, Object.keys(row.cells)).mapping,
      options,
    );
    expect(JSON.stringify(result.patron)).not.toContain('secret');
  });
});
