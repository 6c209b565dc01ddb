import { describe, expect, it } from 'vitest';
import { numberOf, passwordToSend } from './mailForm';

describe('passwordToSend', () => {
  it('keeps the saved password when nothing is typed', () => {
    expect(passwordToSend('', false)).toBeUndefined();
  });

  it('replaces it with what is typed', () => {
    expect(passwordToSend('s3cret', false)).toBe('s3cret');
  });

  it('removes it when asked, whatever is typed', () => {
    expect(passwordToSend('', true)).toBe('');
    expect(passwordToSend('s3cret', true)).toBe('');
  });
});

describe('numberOf', () => {
  it('reads whole numbers', () => {
    expect(numberOf('587')).toBe(587);
    expect(numberOf(' 0 ')).toBe(0);
  });

  it('gives NaN for an empty field or text', () => {
    expect(numberOf('')).toBeNaN();
    expect(numberOf('abc')).toBeNaN();
  });
});
