/**
 * Scales for hand-drawn charts: a round top for the value axis, its ticks, and which of many
 * category labels to print so they do not overlap.
 */

/** The smallest round number (1, 2, 2.5 or 5 times a power of ten) at least `max`; 1 for nothing. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Rounded: 2.5 × 0.1 is 0.25000000000000006 in floating point.
    if (candidate >= max - 1e-9) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}

export interface Axis {
  /** The value at the top of the axis: a tick, at least the largest value. */
  top: number;
  ticks: number[];
}

/**
 * A value axis from 0 to a round top, with about `count` evenly spaced ticks (whole numbers for
 * counts), the top being one of them.
 */
export function axis(max: number, count = 5, wholeNumbers = true): Axis {
  let step = niceMax(Math.max(max, 0) / Math.max(1, count));
  if (wholeNumbers) step = Math.max(1, Math.round(step));
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const out: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) out.push(Number((i * step).toPrecision(12)));
  return { top, ticks: out };
}

/** Where `value` falls on an axis of `length` units whose top is `top`. */
export function scaleLinear(value: number, top: number, length: number): number {
  if (top <= 0) return 0;
  return (Math.min(Math.max(value, 0), top) / top) * length;
}

/** A share of the whole as a percentage of a bar's track, 0 to 100. */
export function percentOf(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(100, (value / max) * 100);
}

/**
 * Indexes of the `n` categories whose labels to print, at most `most`, evenly spaced, always with
 * the first and the last.
 */
export function labelIndexes(n: number, most: number): number[] {
  if (n <= 0) return [];
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  if (most <= 1) return [0];
  const every = Math.ceil((n - 1) / (most - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += every) out.push(i);
  // The last label, unless it would crowd the one before it.
  if (n - 1 - (out.at(-1) ?? 0) < every / 2) out.pop();
  out.push(n - 1);
  return out;
}
