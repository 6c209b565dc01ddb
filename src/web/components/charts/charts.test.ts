import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatNumber, formatPercent } from './format';
import { axis, labelIndexes, niceMax, percentOf, scaleLinear } from './scale';
import { extremes, largest } from './summary';

/** Intl separates with no-break spaces; plain spaces are easier to read in expectations. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('chart number formatting', () => {
  it('writes numbers as each language does', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(plain(formatNumber(12345, 'fr'))).toBe('12 345');
    expect(plain(formatNumber(1234.5, 'fr'))).toBe('1 234,5');
  });

  it('writes percentages with a space before % in French', () => {
    expect(formatPercent(0.456, 'en')).toBe('46%');
    expect(plain(formatPercent(0.456, 'fr'))).toBe('46 %');
    expect(plain(formatPercent(0.4567, 'fr', 1))).toBe('45,7 %');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('writes days and spans of days without shifting them by time zone', () => {
    expect(formatDay('2025-03-10', 'en')).toBe('March 10');
    expect(formatDay('2025-03-10', 'fr')).toBe('10 mars');
    expect(formatDay('2025-03-01', 'en', 'full')).toBe('March 1, 2025');
    expect(plain(formatDayRange('2025-03-02', '2025-03-15', 'fr'))).toMatch(/^2 ?– ?15 mars 2025$/);
    expect(formatDayRange('2025-03-02', '2025-03-02', 'en')).toBe('March 2, 2025');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});

describe('chart scales', () => {
  it('rounds the top of the axis up to a round number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(42)).toBe(50);
    expect(niceMax(120)).toBe(200);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(0.23)).toBe(0.25);
    expect(niceMax(1000)).toBe(1000);
  });

  it('puts whole-number ticks from zero to a top that is one of them', () => {
    expect(axis(42)).toEqual({ top: 50, ticks: [0, 10, 20, 30, 40, 50] });
    expect(axis(50)).toEqual({ top: 50, ticks: [0, 10, 20, 30, 40, 50] });
    expect(axis(230, 4)).toEqual({ top: 300, ticks: [0, 100, 200, 300] });
    expect(axis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axis(0.8, 4, false)).toEqual({ top: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
  });

  it('scales values onto an axis and a bar track', () => {
    expect(scaleLinear(25, 50, 200)).toBe(100);
    expect(scaleLinear(80, 50, 200)).toBe(200);
    expect(scaleLinear(-3, 50, 200)).toBe(0);
    expect(scaleLinear(3, 0, 200)).toBe(0);
    expect(percentOf(21, 42)).toBe(50);
    expect(percentOf(5, 0)).toBe(0);
  });

  it('prints a few evenly spaced labels, always the first and the last', () => {
    expect(labelIndexes(5, 8)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(14, 6)).toEqual([0, 3, 6, 9, 13]);
    expect(labelIndexes(31, 6)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(labelIndexes(0, 6)).toEqual([]);
    expect(labelIndexes(10, 1)).toEqual([0]);
  });
});

describe('chart summaries', () => {
  it('finds the total and the first highest value', () => {
    expect(extremes([3, 42, 7, 42])).toEqual({ total: 94, max: 42, maxIndex: 1 });
    expect(extremes([0, 0])).toEqual({ total: 0, max: 0, maxIndex: 0 });
    expect(extremes([])).toEqual({ total: 0, max: 0, maxIndex: undefined });
  });

  it('lists the largest categories, never zeros, and counts the rest', () => {
    expect(largest([5, 0, 12, 5, 1], 3)).toEqual({
      top: [
        { index: 2, value: 12 },
        { index: 0, value: 5 },
        { index: 3, value: 5 },
      ],
      rest: 2,
    });
    expect(largest([0, 0], 3)).toEqual({ top: [], rest: 2 });
  });
});
