/**
 * A `datetime-local` value (the reader's own time, "2030-05-01T09:30") as an ISO instant for the
 * server; undefined when it is empty or not a date.
 */
export function scheduleToIso(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
