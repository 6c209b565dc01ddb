import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS } from '../../shared/schemas/scripts.js';
import type { MergeField } from '../../shared/schemas/scripts.js';
import {
  mergeFieldProblemsIn,
  mergeFieldsIn,
  placeholderFallback,
  renderText,
  tokenize,
} from './merge-fields.js';

const bracket = (field: MergeField): string => `[${field}]`;
const UNRENDERED = new RegExp(
  `\\{\\{\\s*(${MERGE_FIELDS.map((f) => f.replace('.', '\\.')).join('|')})\\s*\\}\\}`,
);

describe('renderText', () => {
  it('replaces fields, with or without spaces inside the braces', () => {
    const text = 'Hello {{patron.firstName}}, this is {{ caller.name }} from {{library.name }}.';
    expect(
      renderText(
        text,
        { 'patron.firstName': 'Rosa', 'caller.name': 'Sam', 'library.name': 'Maple PL' },
        bracket,
      ),
    ).toBe('Hello Rosa, this is Sam from Maple PL.');
  });

  it('uses the fallback for missing, null and blank values', () => {
    const text = '{{patron.firstName}}/{{patron.lastName}}/{{caller.name}}';
    expect(renderText(text, { 'patron.lastName': null, 'caller.name': '  ' }, bracket)).toBe(
      '[patron.firstName]/[patron.lastName]/[caller.name]',
    );
  });

  it('gives placeholders in the script language', () => {
    expect(renderText('Bonjour {{patron.firstName}}', {}, placeholderFallback('fr'))).toBe(
      'Bonjour [prénom]',
    );
    expect(renderText('Hi {{patron.firstName}}', {}, placeholderFallback('pa'))).toBe(
      'Hi [first name]',
    );
  });

  it('inserts values as plain text, never interpreting them', () => {
    const value = '<b>{{caller.name}}</b> & $1';
    expect(renderText('Hi {{patron.firstName}}!', { 'patron.firstName': value }, bracket)).toBe(
      `Hi ${value}!`,
    );
  });

  it('leaves unknown fields and unclosed braces as written', () => {
    expect(renderText('{{patron.age}} and {{ caller.name', { 'caller.name': 'Sam' }, bracket)).toBe(
      '{{patron.age}} and {{ caller.name',
    );
  });

  it('treats extra opening braces as text', () => {
    expect(renderText('{{{caller.name}}}', { 'caller.name': 'Sam' }, bracket)).toBe('{Sam}');
  });

  it('never throws and never leaves a known field unrendered', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('{', '}', '{{', '}}', ' ', '.', ...MERGE_FIELDS),
      fc.constantFrom(...MERGE_FIELDS).map((f) => `{{ ${f}}}`),
    );
    // Values free of braces and field-name letters, so a value cannot complete a field itself.
    const value = fc.option(fc.stringMatching(/^[0-9 #]{0,5}$/));
    const values = fc.record(
      Object.fromEntries(MERGE_FIELDS.map((f) => [f, value])) as Record<MergeField, typeof value>,
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), values, (pieces, vals) => {
        const out = renderText(pieces.join(''), vals, bracket);
        expect(out).not.toMatch(UNRENDERED);
      }),
    );
  });

  it('never throws on arbitrary text and values', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.option(fc.string())), (text, vals) => {
        expect(typeof renderText(text, vals, bracket)).toBe('string');
      }),
    );
  });
});

describe('tokenize', () => {
  it('gives the input back when its pieces are joined', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'a', ' ', '.') }), (text) => {
        const joined = tokenize(text)
          .map((t) => (t.kind === 'text' ? t.text : t.raw))
          .join('');
        expect(joined).toBe(text);
      }),
    );
  });
});

describe('mergeFieldsIn', () => {
  it('lists each field written once, in order, known or not', () => {
    expect(
      mergeFieldsIn('{{ library.name }} {{caller.name}} {{library.name}} {{nope}} {{ broken'),
    ).toEqual(['library.name', 'caller.name', 'nope']);
  });

  it('finds every field a text was built from', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z ]*$/), fc.constantFrom(...MERGE_FIELDS))),
        (parts) => {
          const text = parts.map(([t, f]) => `${t}{{${f}}}`).join('');
          expect(mergeFieldsIn(text)).toEqual([...new Set(parts.map(([, f]) => f))]);
        },
      ),
    );
  });
});

describe('mergeFieldProblemsIn', () => {
  it('reports unknown names and unclosed braces', () => {
    expect(mergeFieldProblemsIn('Hi {{patron.age}}, {{patron.firstName')).toEqual({
      unknown: ['patron.age'],
      unclosed: true,
    });
    expect(mergeFieldProblemsIn('Hi {{patron.firstName}}')).toEqual({
      unknown: [],
      unclosed: false,
    });
  });
});
