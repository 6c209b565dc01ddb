import { z } from 'zod';

/**
 * The built-in browser softphone: the library's SIP phone system reached over a secure WebSocket
 * (SIP over WebSocket, RFC 7118) with WebRTC media. Links to an installed softphone stay the
 * default; an admin turns the softphone on for the library and each staff member may turn it off
 * for themselves.
 */

const digits = (max: number) => z.string().regex(/^\d*$/, 'digits only').max(max);

/**
 * How an E.164 number becomes the string the phone system expects (src/shared/dial-plan.ts).
 * `e164` sends `+15195550101`; `international` sends the international prefix and the digits
 * (`01115195550101` style for other countries, or the digits alone when the prefix is empty);
 * `national` dials numbers in the home country in national form, with the trunk prefix unless
 * the area code is local. The outside-line prefix (often 9) goes before everything.
 */
export const dialPlanSchema = z.object({
  format: z.enum(['e164', 'international', 'national']),
  /** The home country's calling code, without +: 1 for Canada and the United States, 33 for France. */
  countryCode: z.string().regex(/^[1-9]\d{0,2}$/, 'a country calling code such as 1 or 33'),
  /** Dialled before a number abroad (011 in North America, 00 in most of the world). */
  internationalPrefix: digits(4),
  /** Dialled before a national number outside the local area (1 in North America, 0 in France). */
  trunkPrefix: digits(2),
  /** Area codes dialled without the trunk prefix (ten-digit local dialling). */
  localAreaCodes: z.array(z.string().regex(/^\d{1,5}$/, 'an area code')).max(50),
  /** Dialled first to get an outside line (often 9); empty when none. */
  outsideLinePrefix: digits(4),
});
export type DialPlan = z.infer<typeof dialPlanSchema>;

export const iceServerSchema = z.object({
  /** stun:, turn: or turns: URLs. */
  urls: z
    .array(z.string().regex(/^(stun|turns?):\S+$/, 'a stun:, turn: or turns: URL'))
    .min(1)
    .max(5),
  username: z.string().max(200).default(''),
  credential: z.string().max(500).default(''),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const DTMF_MODES = ['rfc2833', 'info'] as const;

export const telephonySettingsSchema = z
  .object({
    /** The softphone is offered to staff (links remain for those who turn it off). */
    enabled: z.boolean(),
    /** wss:// in production; ws:// only for a phone system on this machine's private network. */
    webSocketUrl: z.union([z.literal(''), z.url({ protocol: /^wss?$/ })]),
    /** The SIP domain (realm) the staff accounts belong to, e.g. pbx.library.example. */
    sipDomain: z.union([
      z.literal(''),
      z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, 'a host name such as pbx.library.example'),
    ]),
    /** The number patrons see; the phone system must allow it. Empty: the phone system decides. */
    callerId: z.string().trim().max(50),
    iceServers: z.array(iceServerSchema).max(5),
    dialPlan: dialPlanSchema,
    /** How keypad tones and extensions are sent: in the audio (RFC 4733) or as SIP INFO. */
    dtmf: z.enum(DTMF_MODES),
    /** Seconds to wait after the patron's line answers before dialling their extension. */
    extensionDelaySeconds: z.number().int().min(0).max(30),
    /** A number for "test my phone" (an echo test on most phone systems); empty: register only. */
    testNumber: z.string().trim().max(50),
  })
  .meta({ id: 'TelephonySettings' });
export type TelephonySettings = z.infer<typeof telephonySettingsSchema>;

export const DEFAULT_TELEPHONY_SETTINGS: TelephonySettings = {
  enabled: false,
  webSocketUrl: '',
  sipDomain: '',
  callerId: '',
  iceServers: [],
  dialPlan: {
    format: 'national',
    countryCode: '1',
    internationalPrefix: '011',
    trunkPrefix: '1',
    localAreaCodes: [],
    outsideLinePrefix: '',
  },
  dtmf: 'rfc2833',
  extensionDelaySeconds: 2,
  testNumber: '',
};

export const updateTelephonySettingsInput = telephonySettingsSchema.partial();
export type UpdateTelephonySettingsInput = z.input<typeof updateTelephonySettingsInput>;

/** A staff member's SIP account: the password is sealed at rest and only ever sent to its owner. */
export const sipAccountSchema = z
  .object({
    /** The library offers the built-in softphone (an admin turned it on). */
    libraryOffers: z.boolean(),
    /** The user has not turned the softphone off for themselves. */
    enabled: z.boolean(),
    /** SIP user (extension) and, when it differs, the authorization user. */
    username: z.string(),
    authorizationUser: z.string(),
    passwordSet: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'SipAccount' });
export type SipAccount = z.infer<typeof sipAccountSchema>;

const sipUser = z
  .string()
  .trim()
  .max(100)
  .regex(/^[A-Za-z0-9._~+-]*$/, 'letters, digits and . _ ~ + - only');

export const updateSipAccountInput = z.object({
  enabled: z.boolean().optional(),
  username: sipUser.optional(),
  authorizationUser: sipUser.optional(),
  /** Left out: kept. Empty: removed. */
  password: z.string().max(200).optional(),
});
export type UpdateSipAccountInput = z.input<typeof updateSipAccountInput>;

/**
 * What the signed-in staff member's browser needs to register: the library's settings without
 * the dial plan (the server applies it at dial time) and their own credentials.
 */
export const softphoneConfigSchema = z
  .discriminatedUnion('available', [
    z.object({
      available: z.literal(false),
      /** Why not: the library has no softphone, the user turned it off, or no account yet. */
      reason: z.enum(['library_off', 'user_off', 'no_account']),
    }),
    z.object({
      available: z.literal(true),
      webSocketUrl: z.string(),
      sipDomain: z.string(),
      username: z.string(),
      authorizationUser: z.string(),
      password: z.string(),
      displayName: z.string(),
      /** The number patrons should see, asked of the phone system (P-Preferred-Identity); '' none. */
      callerId: z.string(),
      iceServers: z.array(iceServerSchema),
      dtmf: z.enum(DTMF_MODES),
      extensionDelaySeconds: z.number().int(),
      /** The SIP URI "test my phone" calls; null: registration only. */
      testTarget: z.string().nullable(),
    }),
  ])
  .meta({ id: 'SoftphoneConfig' });
export type SoftphoneConfig = z.infer<typeof softphoneConfigSchema>;

/** The caller asks to dial one of the call's numbers; the server checks and answers the target. */
export const dialInput = z.object({
  token: z.string().min(1),
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +15195550101'),
});
export type DialInput = z.infer<typeof dialInput>;

export const dialResultSchema = z
  .object({
    /** The SIP URI to call, the dial plan applied. */
    target: z.string(),
    /** The digits the phone system receives, shown to the caller. */
    dialString: z.string(),
    /** The number's extension, sent as tones after the line answers; null when none. */
    extension: z.string().nullable(),
  })
  .meta({ id: 'DialResult' });
export type DialResult = z.infer<typeof dialResultSchema>;

/** What the line said, as the softphone saw it; recorded with the attempt (the call log). */
export const LINE_RESULTS = [
  'answered',
  'busy',
  'no_answer',
  'rejected',
  'unreachable',
  'not_in_service',
  'cancelled',
  'network',
] as const;
export const lineResultSchema = z.enum(LINE_RESULTS);
export type LineResult = z.infer<typeof lineResultSchema>;

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

export const lineInput = z.object({
  result: lineResultSchema,
  /** When the line answered; null when it never did. */
  answeredAt: instant.nullable(),
  /** Who ended an answered call. */
  endedBy: z.enum(['caller', 'patron', 'network']).nullable(),
  /** The SIP status and reason of the end, e.g. "486 Busy Here". */
  sipReason: z.string().max(200).nullable(),
});
export type LineInput = z.infer<typeof lineInput>;
