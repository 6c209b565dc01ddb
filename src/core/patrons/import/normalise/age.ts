/**
 * Age bands for campaign audiences. Care programs target seniors (Toronto by age band, Yarra
 * Plenty "over 70"), so ages from 65 are banded every five years and everyone 18–54 is one band;
 * 55–64 is kept apart because some programs start at 55.
 */

export const AGE_BANDS = [
  '0-17',
  '18-54',
  '55-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years of age on `on` (server's local date), or null for a malformed or future date. */
export function ageOn(birthDate: string, on: Date): number | null {
  const match = BIRTH_DATE.exec(birthDate);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  let age = on.getFullYear() - year;
  const thisMonth = on.getMonth() + 1;
  if (thisMonth < month || (thisMonth === month && on.getDate() < day)) age -= 1;
  return age < 0 ? null : age;
}

function bandOf(age: number): AgeBand {
  if (age < 18) return '0-17';
  if (age < 55) return '18-54';
  if (age < 65) return '55-64';
  if (age >= 90) return '90+';
  const lower = 65 + Math.floor((age - 65) / 5) * 5;
  return `${lower}-${lower + 4}` as AgeBand;
}

/** The patron's age band on a given date; null when the birth date is malformed or in the future. */
export function ageBand(birthDate: string, on: Date): AgeBand | null {
  const age = ageOn(birthDate, on);
  return age === null ? null : bandOf(age);
}
