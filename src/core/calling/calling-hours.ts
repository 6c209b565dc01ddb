import type { CallingHours } from '../../shared/schemas/campaigns.js';

/**
 * Where a patron is, for calling hours (TRUST DN-2): the time zone of their province or
 * territory. Patrons with no province get the library's own zone.
 */
export const REGION_TIME_ZONES: Readonly<Record<string, string>> = {
  ON: 'America/Toronto',
  QC: 'America/Toronto',
  NS: 'America/Halifax',
  NB: 'America/Halifax',
  PE: 'America/Halifax',
  NL: 'America/St_Johns',
  MB: 'America/Winnipeg',
  SK: 'America/Regina',
  AB: 'America/Edmonton',
  BC: 'America/Vancouver',
  YT: 'America/Whitehorse',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
};

interface LocalTime {
  weekday: number;
  minutes: number;
}

// Building a formatter is costly and there are only a handful of zones: one each, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): LocalTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export interface CallingWindow {
  open: boolean;
  /** Local time and the window, for the message when it is closed. */
  local: string;
  window: string;
}

/** Whether `at` falls inside the campaign's calling hours in `timeZone` (weekday or weekend window). */
export function callingWindow(at: Date, timeZone: string, hours: CallingHours): CallingWindow {
  const local = localTime(at, timeZone);
  const weekend = local.weekday === 0 || local.weekday === 6;
  const [start, end] = weekend
    ? [hours.weekendStart, hours.weekendEnd]
    : [hours.weekdayStart, hours.weekdayEnd];
  const open = local.minutes >= minutesOf(start) && local.minutes < minutesOf(end);
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
  const mm = String(local.minutes % 60).padStart(2, '0');
  return {
    open,
    local: `${hh}:${mm}`,
    window: `${start}–${end} ${weekend ? 'weekends' : 'weekdays'}`,
  };
}

/** The zones among `zones` where calling is allowed at `at`. */
export function openTimeZones(at: Date, zones: Iterable<string>, hours: CallingHours): string[] {
  return [...new Set(zones)].filter((zone) => callingWindow(at, zone, hours).open);
}
