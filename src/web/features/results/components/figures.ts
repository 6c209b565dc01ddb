import {
  ANONYMOUS_ATTRIBUTION,
  type FigureKey,
  type Figures,
  type Quote,
  type SeriesPoint,
} from '../../../../shared/schemas/results.js';
import { formatNumber, formatPercent } from '../../../components/charts/format';
import type { Period } from '../api/results';

/** The headline figures of the dashboard, in groups; every one has its definition in the locales. */
export const FIGURE_GROUPS = [
  { key: 'reach', figures: ['audience', 'patronsReachedAnyChannel'] },
  { key: 'phone', figures: ['callsMade', 'patronsCalled', 'patronsReachedByPhone', 'reachRate'] },
  { key: 'email', figures: ['emailsSent', 'emailsDelivered', 'emailsBounced', 'unsubscribed'] },
  {
    key: 'care',
    figures: [
      'quotesCollected',
      'quotesApproved',
      'concerns',
      'urgentConcerns',
      'informationRequests',
      'callbacksDue',
    ],
  },
  {
    key: 'followUps',
    figures: [
      'tasksCreated',
      'tasksDone',
      'tasksOverdue',
      'escalationsRaised',
      'escalationsOpen',
      'referralsMade',
    ],
  },
] as const satisfies readonly { key: string; figures: readonly FigureKey[] }[];

/** The outcome figures, in the order of the calling screen's buttons. */
export const OUTCOME_FIGURE_KEYS = [
  'reached',
  'voicemail',
  'noAnswer',
  'busy',
  'wrongNumber',
  'notInService',
  'declined',
  'doNotCall',
  'callbackRequested',
] as const satisfies readonly FigureKey[];

/** The figures of the one-page impact report, in big type. */
export const REPORT_FIGURES = [
  'patronsReachedAnyChannel',
  'callsMade',
  'patronsReachedByPhone',
  'reachRate',
  'emailsDelivered',
  'informationRequests',
  'concerns',
  'quotesCollected',
] as const satisfies readonly FigureKey[];

/** A figure as shown: counts with the reader's separators, the reach rate as a percentage. */
export function figureText(key: FigureKey, figures: Figures, language: string): string | null {
  if (key === 'reachRate') {
    return figures.reachRate === null ? null : formatPercent(figures.reachRate, language);
  }
  return formatNumber(figures[key], language);
}

export type PeriodShape = 'all' | 'from' | 'to' | 'range';

/** Which wording a period takes: every day, from a day on, up to a day, or between two. */
export function periodShape(period: Period): PeriodShape {
  if (period.from && period.to) return 'range';
  if (period.from) return 'from';
  if (period.to) return 'to';
  return 'all';
}

/**
 * The name a quote is shown with. An anonymous quote comes as the English "A patron": the
 * reader's language says it instead.
 */
export function attributionText(quote: Quote, anonymous: string): string {
  return quote.attribution === 'anonymous' || quote.attributedTo === ANONYMOUS_ATTRIBUTION
    ? anonymous
    : quote.attributedTo;
}

/** A quote ready to paste: its words in quotation marks, then who said them. */
export function quoteForCopy(quote: Quote, anonymous: string, language: string): string {
  const text = quote.text.trim();
  const by = attributionText(quote, anonymous);
  return language === 'fr' ? `« ${text} » — ${by}` : `“${text}” — ${by}`;
}

/** Days shown per day up to this many; beyond, weeks read better. */
export const DAILY_UP_TO = 62;

export function defaultGrain(daily: readonly SeriesPoint[]): 'daily' | 'weekly' {
  return daily.length > DAILY_UP_TO ? 'weekly' : 'daily';
}

/** The days a series covers: the period asked for, else its first and last day. */
export function seriesSpan(
  period: Period,
  points: readonly SeriesPoint[],
): { from: string; to: string } | undefined {
  const from = period.from ?? points[0]?.date;
  const to = period.to ?? points.at(-1)?.date;
  return from && to ? { from, to } : undefined;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone (the library's). */
export function dayIn(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return iso.slice(0, 10);
  }
}

/** Paragraphs of a plain-text narrative: a blank line starts a new one. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
