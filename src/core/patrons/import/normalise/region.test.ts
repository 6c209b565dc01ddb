import { describe, expect, it } from 'vitest';
import { normalisePostalCode, normaliseRegion } from './region.js';

describe('normaliseRegion', () => {
  it('turns province names in English or French into their codes', () => {
    expect(normaliseRegion('Ontario')).toBe('ON');
    expect(normaliseRegion('Québec')).toBe('QC');
    expect(normaliseRegion('Colombie-Britannique')).toBe('BC');
    expect(normaliseRegion('on')).toBe('ON');
    expect(normaliseRegion('PQ')).toBe('QC');
  });

  it('keeps other values as written', () => {
    expect(normaliseRegion('Lancashire')).toBe('Lancashire');
    expect(normaliseRegion(' ')).toBeNull();
  });
});

describe('normalisePostalCode', () => {
  it('writes Canadian postal codes as "A1A 1A1"', () => {
    expect(normalisePostalCode('k1a0b1')).toBe('K1A 0B1');
    expect(normalisePostalCode('M5V-2T6')).toBe('M5V 2T6');
    expect(normalisePostalCode('14201-1234')).toBe('14201-1234');
  });
});
