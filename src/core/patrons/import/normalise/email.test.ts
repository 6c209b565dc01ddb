import { describe, expect, it } from 'vitest';
import { normaliseEmail, parseEmails } from './email.js';

describe('parseEmails', () => {
  it('trims and lowercases the domain but keeps the local part as written', () => {
    expect(normaliseEmail('  Marie.Tremblay@Example.CA ')).toBe('Marie.Tremblay@example.ca');
  });

  it('splits several addresses on ";" or "," and drops duplicates', () => {
    expect(parseEmails('a@x.ca; b@x.ca, A@X.CA')).toEqual({
      emails: ['a@x.ca', 'b@x.ca', 'A@x.ca'],
      invalid: [],
    });
    expect(parseEmails('a@x.ca;a@X.ca').emails).toEqual(['a@x.ca']);
  });

  it('reports invalid addresses with their text', () => {
    expect(parseEmails('good@x.ca; no-at-sign.ca; bad@domain; two..dots@x.ca; @x.ca')).toEqual({
      emails: ['good@x.ca'],
      invalid: ['no-at-sign.ca', 'bad@domain', 'two..dots@x.ca', '@x.ca'],
    });
  });

  it('accepts plus addressing, accented domains and mailto: links', () => {
    expect(normaliseEmail('jean+biblio@bibliothèque.qc.ca')).toBe('jean+biblio@bibliothèque.qc.ca');
    expect(normaliseEmail('mailto:amy@example.org')).toBe('amy@example.org');
  });
});
