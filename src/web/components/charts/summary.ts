/**
 * What a chart shows, in numbers, for its text summary (the aria-label of role="img"): the total,
 * the highest value and where it is, or the largest categories.
 */

export interface Extremes {
  total: number;
  /** The highest value; its first position when several share it; undefined for no values. */
  max: number;
  maxIndex: number | undefined;
}

export function extremes(values: readonly number[]): Extremes {
  let total = 0;
  let max = 0;
  let maxIndex: number | undefined;
  values.forEach((value, index) => {
    total += value;
    if (maxIndex === undefined || value > max) {
      max = value;
      maxIndex = index;
    }
  });
  return { total, max, maxIndex };
}

export interface Ranked {
  index: number;
  value: number;
}

/**
 * The `most` largest values, largest first (ties keep their order), and how many categories were
 * not listed. Zeros are never listed.
 */
export function largest(values: readonly number[], most: number): { top: Ranked[]; rest: number } {
  const ranked = values
    .map((value, index) => ({ index, value }))
    .filter((item) => item.value > 0)
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const top = ranked.slice(0, most);
  return { top, rest: values.length - top.length };
}
