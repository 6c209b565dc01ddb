import { describe, expect, it } from 'vitest';
import { maskAddress } from './format';

describe('maskAddress', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskAddress('jeanne@example.org')).toBe('j•••@example.org');
  });

  it('hides the length of short mailboxes too', () => {
    expect(maskAddress('j@example.org')).toBe('j•••@example.org');
  });

  it('keeps a first letter outside the basic plane whole', () => {
    expect(maskAddress('😀x@example.org')).toBe('😀•••@example.org');
  });

  it('uses the last @ when the mailbox is quoted with one', () => {
    expect(maskAddress('"a@b"@example.org')).toBe('"•••@example.org');
  });

  it('shows nothing of something that is not an address', () => {
    expect(maskAddress('nobody')).toBe('•••');
    expect(maskAddress('@example.org')).toBe('•••');
  });
});
