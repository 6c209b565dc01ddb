import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, type Figures, type Quote } from '../../../../shared/schemas/results.js';
import en from '../../../locales/en.json';
import fr from '../../../locales/fr.json';
import {
  FIGURE_GROUPS,
  OUTCOME_FIGURE_KEYS,
  REPORT_FIGURES,
  attributionText,
  dayIn,
  defaultGrain,
  figureText,
  paragraphsOf,
  periodShape,
  quoteForCopy,
  seriesSpan,
} from './figures';

const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as Figures;

const quote: Quote = {
  id: 1,
  campaignId: 2,
  campaignName: 'Winter check-in',
  text: ' The call made my week. ',
  consent: true,
  attribution: 'anonymous',
  attributedTo: 'A patron',
  status: 'approved',
  createdAt: '2025-03-04T15:00:00.000Z',
};

describe('results figures', () => {
  it('has a label and a definition for every figure in both languages', () => {
    for (const key of FIGURE_KEYS) {
      for (const catalogue of [en, fr]) {
        const figure = catalogue.results.figure[key];
        expect(figure.label, key).not.toBe('');
        expect(figure.counts, key).not.toBe('');
        expect(figure.excludes, key).not.toBe('');
      }
    }
  });

  it('shows only known figures', () => {
    const shown = [
      ...FIGURE_GROUPS.flatMap((g) => g.figures),
      ...OUTCOME_FIGURE_KEYS,
      ...REPORT_FIGURES,
    ];
    for (const key of shown) expect(FIGURE_KEYS).toContain(key);
  });

  it('formats counts and the reach rate for the reader', () => {
    const some = { ...figures, callsMade: 12345, reachRate: 0.4567 };
    expect(figureText('callsMade', some, 'en')).toBe('12,345');
    expect(plain(figureText('callsMade', some, 'fr'))).toBe('12 345');
    expect(figureText('reachRate', some, 'en')).toBe('46%');
    expect(plain(figureText('reachRate', some, 'fr'))).toBe('46 %');
    expect(figureText('reachRate', { ...some, reachRate: null }, 'en')).toBeNull();
  });

  it('names the shape of a period', () => {
    expect(periodShape({})).toBe('all');
    expect(periodShape({ from: '2025-03-01' })).toBe('from');
    expect(periodShape({ to: '2025-03-31' })).toBe('to');
    expect(periodShape({ from: '2025-03-01', to: '2025-03-31' })).toBe('range');
  });

  it('says "A patron" in the reader’s language and keeps names as given', () => {
    expect(attributionText(quote, 'Un usager')).toBe('Un usager');
    const named = { ...quote, attribution: 'first_name' as const, attributedTo: 'Grace' };
    expect(attributionText(named, 'Un usager')).toBe('Grace');
    expect(quoteForCopy(named, 'A patron', 'en')).toBe('“The call made my week.” — Grace');
    expect(quoteForCopy(quote, 'Un usager', 'fr')).toBe('« The call made my week. » — Un usager');
  });

  it('shows long periods by week, and spans the days asked for or found', () => {
    const day = (date: string) => ({ date, calls: 1, patronsReached: 1, emailsSent: 0 });
    expect(defaultGrain([day('2025-03-01')])).toBe('daily');
    expect(defaultGrain(Array.from({ length: 90 }, () => day('2025-03-01')))).toBe('weekly');
    const points = [day('2025-03-03'), day('2025-03-09')];
    expect(seriesSpan({}, points)).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(seriesSpan({ from: '2025-03-01' }, points)).toEqual({
      from: '2025-03-01',
      to: '2025-03-09',
    });
    expect(seriesSpan({}, [])).toBeUndefined();
  });

  it('finds the library’s calendar day of an instant', () => {
    // 23:30 on 2 March in Toronto is 04:30 UTC on the 3rd.
    expect(dayIn('2025-03-03T04:30:00.000Z', 'America/Toronto')).toBe('2025-03-02');
    expect(dayIn('2025-03-03T04:30:00.000Z', 'UTC')).toBe('2025-03-03');
    expect(dayIn('2025-03-03T04:30:00.000Z', 'Not/AZone')).toBe('2025-03-03');
  });

  it('splits a narrative into paragraphs at blank lines', () => {
    expect(paragraphsOf('First line\nsame paragraph.\n\n  \nSecond.  \n\n')).toEqual([
      'First line\nsame paragraph.',
      'Second.',
    ]);
    expect(paragraphsOf('   ')).toEqual([]);
  });
});
