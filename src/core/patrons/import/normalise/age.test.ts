import { describe, expect, it } from 'vitest';
import { ageBand, ageOn } from './age.js';

describe('ageBand', () => {
  const on = new Date(2026, 5, 15);

  it('bands seniors every five years and adults under 55 together', () => {
    expect(ageBand('2010-01-01', on)).toBe('0-17');
    expect(ageBand('1990-01-01', on)).toBe('18-54');
    expect(ageBand('1965-01-01', on)).toBe('55-64');
    expect(ageBand('1960-01-01', on)).toBe('65-69');
    expect(ageBand('1955-01-01', on)).toBe('70-74');
    expect(ageBand('1950-01-01', on)).toBe('75-79');
    expect(ageBand('1945-01-01', on)).toBe('80-84');
    expect(ageBand('1940-01-01', on)).toBe('85-89');
    expect(ageBand('1930-01-01', on)).toBe('90+');
  });

  it('counts a birthday only once it has come', () => {
    expect(ageOn('1956-06-15', on)).toBe(70);
    expect(ageOn('1956-06-16', on)).toBe(69);
    expect(ageBand('1956-06-16', on)).toBe('65-69');
  });

  it('returns null for a malformed or future birth date', () => {
    expect(ageBand('15/06/1956', on)).toBeNull();
    expect(ageBand('2030-01-01', on)).toBeNull();
  });
});
