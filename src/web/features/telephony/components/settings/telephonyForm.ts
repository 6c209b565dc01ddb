import { z } from 'zod';
import { dialString } from '../../../../../shared/dial-plan.js';
import {
  dialPlanSchema,
  telephonySettingsSchema,
  type DialPlan,
  type IceServer,
  type TelephonySettings,
  type UpdateTelephonySettingsInput,
} from '../../../../../shared/schemas/telephony.js';
import { apiError, isApiError, issuesOf } from '../../../../api/client';

/**
 * The phone system form as typed (lists and numbers are text until saved), and how it becomes
 * the settings the server keeps. Field names are flat: the dial plan's fields by their own name,
 * each ICE server's as `ice<row>-<part>`, so errors land on the field that caused them.
 */

export type DialFormat = DialPlan['format'];
export type DtmfMode = TelephonySettings['dtmf'];
export type IcePart = 'urls' | 'username' | 'credential';

export interface IceRow {
  /** Stable while the row is on screen (React key and field ids do not follow the position). */
  key: number;
  /** stun:, turn: or turns: URLs, one per line or separated by commas. */
  urls: string;
  username: string;
  credential: string;
}

export type TelephonyFormValues = {
  enabled: boolean;
  webSocketUrl: string;
  sipDomain: string;
  callerId: string;
  iceServers: IceRow[];
  format: DialFormat;
  countryCode: string;
  internationalPrefix: string;
  trunkPrefix: string;
  /** Area codes separated by commas (or spaces). */
  localAreaCodes: string;
  outsideLinePrefix: string;
  dtmf: DtmfMode;
  extensionDelaySeconds: string;
  testNumber: string;
};

/** At most this many ICE servers (the server's limit). */
export const MAX_ICE_SERVERS = 5;

/** The field name of one part of an ICE server row, by its position in the list. */
export function iceField(index: number, part: IcePart): string {
  return `ice${index}-${part}`;
}

/** Items of a typed list: separated by commas, semicolons, spaces or new lines; blanks dropped. */
export function listOf(text: string): string[] {
  return text.split(/[\s,;]+/).filter((item) => item !== '');
}

/** A typed number; NaN when the field is empty or not a number, so validation says so. */
export function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function iceRowOf(server: IceServer, key: number): IceRow {
  return {
    key,
    urls: server.urls.join('\n'),
    username: server.username,
    credential: server.credential,
  };
}

export function emptyIceRow(key: number): IceRow {
  return { key, urls: '', username: '', credential: '' };
}

/** A key no row on screen has. */
export function nextIceKey(rows: readonly IceRow[]): number {
  return rows.reduce((max, row) => Math.max(max, row.key), -1) + 1;
}

export function formValuesOf(settings: TelephonySettings): TelephonyFormValues {
  const plan = settings.dialPlan;
  return {
    enabled: settings.enabled,
    webSocketUrl: settings.webSocketUrl,
    sipDomain: settings.sipDomain,
    callerId: settings.callerId,
    iceServers: settings.iceServers.map(iceRowOf),
    format: plan.format,
    countryCode: plan.countryCode,
    internationalPrefix: plan.internationalPrefix,
    trunkPrefix: plan.trunkPrefix,
    localAreaCodes: plan.localAreaCodes.join(', '),
    outsideLinePrefix: plan.outsideLinePrefix,
    dtmf: settings.dtmf,
    extensionDelaySeconds: String(settings.extensionDelaySeconds),
    testNumber: settings.testNumber,
  };
}

/** The form's values by field name, ICE rows included, for telling an empty field from a wrong one. */
export function flatValuesOf(
  values: TelephonyFormValues,
): TelephonyFormValues & Record<string, unknown> {
  const rows = values.iceServers.flatMap((row, index) =>
    (['urls', 'username', 'credential'] as const).map((part): [string, string] => [
      iceField(index, part),
      row[part],
    ]),
  );
  const fields: Record<string, string> = Object.fromEntries(rows);
  return { ...values, ...fields };
}

export function dialPlanOf(values: TelephonyFormValues): DialPlan {
  return {
    format: values.format,
    countryCode: values.countryCode.trim(),
    internationalPrefix: values.internationalPrefix.trim(),
    trunkPrefix: values.trunkPrefix.trim(),
    localAreaCodes: [...new Set(listOf(values.localAreaCodes))],
    outsideLinePrefix: values.outsideLinePrefix.trim(),
  };
}

/** Every row is sent, a blank one too: it is reported as missing its URLs, not dropped silently. */
export function iceServersOf(rows: readonly IceRow[]): IceServer[] {
  return rows.map((row) => ({
    urls: listOf(row.urls),
    username: row.username.trim(),
    credential: row.credential,
  }));
}

/** The settings the form describes, not yet checked. */
export function settingsOf(values: TelephonyFormValues): TelephonySettings {
  return {
    enabled: values.enabled,
    webSocketUrl: values.webSocketUrl.trim(),
    sipDomain: values.sipDomain.trim(),
    callerId: values.callerId.trim(),
    iceServers: iceServersOf(values.iceServers),
    dialPlan: dialPlanOf(values),
    dtmf: values.dtmf,
    extensionDelaySeconds: numberOf(values.extensionDelaySeconds),
    testNumber: values.testNumber.trim(),
  };
}

/** The form field a settings path belongs to: `dialPlan.countryCode` → `countryCode`, … */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const [first, second, third] = path;
  if (first === 'dialPlan' && typeof second === 'string') return second;
  if (first === 'iceServers' && typeof second === 'number' && third !== undefined) {
    if (third === 'urls' || third === 'username' || third === 'credential') {
      return iceField(second, third);
    }
  }
  return typeof first === 'string' ? first : 'form';
}

/** A path as the server writes it (`body.iceServers.0.urls`), as keys and indexes. */
export function pathOf(text: string): PropertyKey[] {
  return text
    .replace(/^body\./, '')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Checks the form with the server's own rules, reporting each problem under the form's field
 * name; turning the softphone on needs the WebSocket URL and the SIP domain, as on the server.
 * Parses to the settings to save.
 */
export const telephonyFormSchema = z.custom<TelephonyFormValues>().transform((values, ctx) => {
  const result = telephonySettingsSchema.safeParse(settingsOf(values));
  if (values.enabled) {
    for (const field of ['webSocketUrl', 'sipDomain'] as const) {
      if (values[field].trim() === '') {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `the softphone needs the ${field}`,
        });
      }
    }
  }
  if (!result.success) {
    for (const issue of result.error.issues) {
      ctx.addIssue({ ...issue, path: [fieldOfPath(issue.path)] });
    }
  }
  return result.success ? result.data : z.NEVER;
});

/**
 * A VALIDATION_FAILED answer with each issue's path turned into the form's field name, so the
 * form shows it on that field; any other error as it is.
 */
export function withFormPaths(error: unknown): unknown {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return error;
  const issues = issuesOf(error).map((issue) => ({
    ...issue,
    path: fieldOfPath(pathOf(issue.path)),
  }));
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return apiError(error.status, error.code, error.message, { ...details, issues }, error.requestId);
}

/** Only what differs from the saved settings. */
export function changesOf(
  saved: TelephonySettings,
  next: TelephonySettings,
): UpdateTelephonySettingsInput {
  const keys = Object.keys(next) as (keyof TelephonySettings)[];
  const changed = keys.filter((key) => JSON.stringify(saved[key]) !== JSON.stringify(next[key]));
  return Object.fromEntries(changed.map((key) => [key, next[key]]));
}

/** Example numbers for the dial plan: one at home (for a Canadian library), one abroad. */
export const EXAMPLE_NUMBERS = [
  { e164: '+16135550101', shown: '+1 613 555 0101' },
  { e164: '+33142685300', shown: '+33 1 42 68 53 00' },
] as const;

export interface DialExample {
  number: string;
  dialled: string;
}

/** How the example numbers are dialled under the typed plan; null while the plan is not valid. */
export function dialExamples(values: TelephonyFormValues): DialExample[] | null {
  const plan = dialPlanSchema.safeParse(dialPlanOf(values));
  if (!plan.success) return null;
  return EXAMPLE_NUMBERS.map((example) => ({
    number: example.shown,
    dialled: dialString(plan.data, example.e164),
  }));
}
