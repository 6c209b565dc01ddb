import { describe, expect, it } from 'vitest';
import { insertAt, mergeToken } from './mergeFields';

describe('insertAt', () => {
  it('puts the text at the cursor and the cursor after it', () => {
    expect(insertAt('Hello !', 6, 6, '{{patron.firstName}}')).toEqual({
      value: 'Hello {{patron.firstName}}!',
      caret: 26,
    });
  });

  it('replaces the selected text', () => {
    expect(insertAt('Dear NAME,', 5, 9, 'X')).toEqual({ value: 'Dear X,', caret: 6 });
  });

  it('adds to an empty field', () => {
    expect(insertAt('', 0, 0, 'X')).toEqual({ value: 'X', caret: 1 });
  });

  it('clamps a selection past the end', () => {
    expect(insertAt('abc', 10, 12, 'X')).toEqual({ value: 'abcX', caret: 4 });
  });

  it('treats a backwards selection as a cursor', () => {
    expect(insertAt('abc', 2, 1, 'X')).toEqual({ value: 'abXc', caret: 3 });
  });
});

describe('mergeToken', () => {
  it('wraps the field in double braces', () => {
    expect(mergeToken('library.name')).toBe('{{library.name}}');
  });
});
