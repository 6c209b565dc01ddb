import type { CallEvent, CallFailure, RegistrationFailure, TelephonyStatus } from './telephony';

/**
 * The built-in softphone's state, kept apart from JsSIP so every transition can be tested: the
 * registration (what `Telephony.status()` reports) and the line (one call at a time). softphone.ts
 * turns JsSIP's events into inputs and hands the call events to the caller.
 */

export type LineState =
  | { phase: 'idle' }
  | { phase: 'dialling'; hangUpRequested: boolean }
  | { phase: 'ringing'; hangUpRequested: boolean }
  | { phase: 'answered'; hangUpRequested: boolean };

export interface SoftphoneState {
  registration: TelephonyStatus;
  line: LineState;
}

export const initialSoftphoneState: SoftphoneState = {
  registration: { state: 'unconfigured' },
  line: { phase: 'idle' },
};

/** How JsSIP said a session ended or failed; `statusCode` and `method` come from its message. */
export interface SessionEnd {
  type: 'terminated';
  at: Date;
  originator: 'local' | 'remote' | 'system';
  /** JsSIP's cause, e.g. "Busy", "Canceled", "Terminated", "RTP Timeout". */
  cause: string;
  /** The SIP response that ended it, when there was one. */
  statusCode: number | null;
  reasonPhrase: string | null;
  /** The SIP request that ended it (the patron's BYE), when there was one. */
  method: string | null;
}

export type SoftphoneInput =
  // Registration.
  | { type: 'start' }
  | { type: 'connected' }
  | { type: 'disconnected'; code: number | null; reason: string | null }
  | { type: 'registered' }
  | {
      type: 'registrationFailed';
      statusCode: number | null;
      reasonPhrase: string | null;
      cause: string | null;
    }
  | { type: 'invalidConfig'; detail: string }
  /** Signing out or leaving the page: unregistered, and a call still up is over. */
  | { type: 'stop'; at: Date }
  // The line.
  | { type: 'dial' }
  /** The call could not even be placed (JsSIP threw): back to idle, no event. */
  | { type: 'abandon' }
  | { type: 'progress'; at: Date }
  | { type: 'answered'; at: Date }
  | { type: 'hangUp' }
  | SessionEnd;

export interface Step {
  state: SoftphoneState;
  /** The call event this input produced, to hand to the caller. */
  event: CallEvent | null;
}

/** JsSIP's causes (lib/Constants.js) that mean the connection, not a person, ended the call. */
export const NETWORK_CAUSES: ReadonlySet<string> = new Set([
  'Connection Error',
  'Request Timeout',
  'RTP Timeout',
  'Dialog Error',
  'No ACK',
]);

/**
 * `unanswered`: the phone system gave up on the call (408, 480). After ringing it is the patron
 * not answering; before any ringing the call never reached a phone.
 */
export type FailureRule = CallFailure | 'unanswered';

/** Final responses to the INVITE. A status code, when there is one, decides over JsSIP's cause. */
export const FAILURE_BY_STATUS: Readonly<Record<number, FailureRule>> = {
  486: 'busy', // Busy Here
  600: 'busy', // Busy Everywhere
  408: 'unanswered', // Request Timeout (Kamailio's answer when the ringing times out)
  480: 'unanswered', // Temporarily Unavailable (Q.850 19 "no answer" on most gateways)
  487: 'unanswered', // Request Terminated without our CANCEL: the phone system stopped ringing
  403: 'rejected', // Forbidden
  603: 'rejected', // Decline
  401: 'rejected', // Unauthorized, after our credentials
  407: 'rejected', // Proxy Authentication Required, after our credentials
  404: 'not_in_service', // Not Found
  410: 'not_in_service', // Gone
  484: 'not_in_service', // Address Incomplete
  485: 'not_in_service', // Ambiguous
  604: 'not_in_service', // Does Not Exist Anywhere
  488: 'unreachable', // Not Acceptable Here: no media in common
  606: 'unreachable', // Not Acceptable
  500: 'unreachable', // Server Internal Error
  502: 'unreachable', // Bad Gateway
  503: 'unreachable', // Service Unavailable
  504: 'unreachable', // Server Time-out
};

/** JsSIP's causes when no final response said more (lib/Constants.js `causes`). */
export const FAILURE_BY_CAUSE: Readonly<Record<string, FailureRule>> = {
  Busy: 'busy',
  Rejected: 'rejected',
  'Authentication Error': 'rejected',
  'Not Found': 'not_in_service',
  'Address Incomplete': 'not_in_service',
  Unavailable: 'unanswered',
  'No Answer': 'no_answer',
  Expires: 'no_answer',
  Canceled: 'cancelled',
  'User Denied Media Access': 'microphone',
  Redirected: 'unreachable',
  'Incompatible SDP': 'unreachable',
  'Missing SDP': 'unreachable',
  'Bad Media Description': 'unreachable',
  // The phone system never answered the INVITE at all (timer B).
  'Request Timeout': 'unreachable',
  // This side's connection or browser media failed: says nothing about the patron's line.
  'Connection Error': 'network',
  'RTP Timeout': 'network',
  'Dialog Error': 'network',
  'No ACK': 'network',
  'WebRTC Error': 'network',
  'Internal Error': 'network',
};

function failureByClass(statusCode: number): FailureRule {
  if (statusCode >= 300 && statusCode < 400) return 'unreachable'; // redirects are not followed
  if (statusCode >= 500 && statusCode < 600) return 'unreachable';
  return 'rejected';
}

/** Why a call that never answered failed, from JsSIP's end event. */
export function callFailure(end: SessionEnd, rang: boolean, hangUpRequested: boolean): CallFailure {
  const status = finalStatus(end);
  let rule: FailureRule;
  if (status !== null) rule = FAILURE_BY_STATUS[status] ?? failureByClass(status);
  // JsSIP reports a lost WebSocket during dialling as its own CANCEL (RTCSession.onTransportError).
  else if (end.cause === 'Canceled' && !hangUpRequested) rule = 'network';
  else rule = FAILURE_BY_CAUSE[end.cause] ?? 'unreachable';
  if (rule === 'unanswered') return rang ? 'no_answer' : 'unreachable';
  return rule;
}

/** Who ended an answered call. */
export function endedBy(end: SessionEnd, hangUpRequested: boolean): 'local' | 'remote' | 'network' {
  if (NETWORK_CAUSES.has(end.cause)) return 'network';
  if (end.originator === 'remote') return 'remote';
  // JsSIP ends a call by itself only on transport and media failures.
  if (end.originator === 'local' && hangUpRequested) return 'local';
  return 'network';
}

/** A final (>= 300) response: JsSIP also attaches a 200 OK whose media could not be set up. */
function finalStatus(end: SessionEnd): number | null {
  return end.statusCode !== null && end.statusCode >= 300 ? end.statusCode : null;
}

/** "486 Busy Here", the request that ended the call ("BYE"), or JsSIP's cause. */
export function sipReason(end: SessionEnd): string {
  const status = finalStatus(end);
  if (status !== null) return `${status} ${end.reasonPhrase ?? ''}`.trim();
  if (end.method !== null) return end.method;
  return end.cause === 'Terminated' ? 'BYE' : end.cause;
}

/** Why registration failed: the credentials, the connection, or anything else the server said. */
export function registrationFailure(
  statusCode: number | null,
  cause: string | null,
): RegistrationFailure {
  if (statusCode !== null) {
    if ([401, 403, 407].includes(statusCode)) return 'unauthorized';
    if ([408, 500, 502, 503, 504].includes(statusCode)) return 'unreachable';
    return 'rejected';
  }
  if (cause === 'Connection Error' || cause === 'Request Timeout') return 'unreachable';
  if (cause === 'Authentication Error') return 'unauthorized';
  return 'rejected';
}

function failed(reason: RegistrationFailure, detail: string | null): TelephonyStatus {
  return { state: 'failed', reason, detail };
}

function nextRegistration(status: TelephonyStatus, input: SoftphoneInput): TelephonyStatus {
  if (input.type === 'stop') return { state: 'unconfigured' };
  if (status.state === 'unconfigured') {
    return input.type === 'start' ? { state: 'registering' } : status;
  }
  switch (input.type) {
    // JsSIP registers again whenever the WebSocket (re)connects (UA.js onTransportConnect).
    case 'connected':
      return status.state === 'failed' ? { state: 'registering' } : status;
    case 'registered':
      return { state: 'ready' };
    case 'registrationFailed': {
      const detail =
        input.statusCode !== null
          ? `${input.statusCode} ${input.reasonPhrase ?? ''}`.trim()
          : input.cause;
      return failed(registrationFailure(input.statusCode, input.cause), detail);
    }
    case 'disconnected': {
      // While ready, JsSIP reconnects and registers again on its own: say so, not "failed".
      if (status.state === 'ready') return { state: 'registering' };
      if (status.state === 'failed') return status;
      const code = input.code === null ? '' : ` (${input.code})`;
      return failed(
        'unreachable',
        `WebSocket closed${code}${input.reason ? `: ${input.reason}` : ''}`,
      );
    }
    case 'invalidConfig':
      return failed('unreachable', input.detail);
    case 'start':
    case 'dial':
    case 'abandon':
    case 'progress':
    case 'answered':
    case 'hangUp':
    case 'terminated':
      return status;
  }
}

function sameStatus(a: TelephonyStatus, b: TelephonyStatus): boolean {
  if (a.state === 'failed' && b.state === 'failed') {
    return a.reason === b.reason && a.detail === b.detail;
  }
  return a.state === b.state;
}

const IDLE: LineState = { phase: 'idle' };

function lineStep(state: SoftphoneState, input: SoftphoneInput): Step {
  const line = state.line;
  const unchanged: Step = { state, event: null };
  const to = (next: LineState, event: CallEvent | null = null): Step => ({
    state: { ...state, line: next },
    event,
  });
  switch (input.type) {
    case 'dial':
      if (state.registration.state !== 'ready') {
        throw new Error(`The phone is not ready to call (${state.registration.state}).`);
      }
      if (line.phase !== 'idle') {
        throw new Error('A call is already up: hang it up before placing another.');
      }
      return to({ phase: 'dialling', hangUpRequested: false });
    case 'abandon':
      return line.phase === 'dialling' ? to(IDLE) : unchanged;
    case 'progress':
      // A 183 after a 180 (or the reverse) rings only once.
      return line.phase === 'dialling'
        ? to(
            { phase: 'ringing', hangUpRequested: line.hangUpRequested },
            {
              type: 'ringing',
              at: input.at,
            },
          )
        : unchanged;
    case 'answered':
      // JsSIP emits 'accepted' then 'confirmed' for the same 200 OK: answered once.
      return line.phase === 'dialling' || line.phase === 'ringing'
        ? to(
            { phase: 'answered', hangUpRequested: line.hangUpRequested },
            {
              type: 'answered',
              at: input.at,
            },
          )
        : unchanged;
    case 'hangUp':
      return line.phase === 'idle' ? unchanged : to({ ...line, hangUpRequested: true });
    case 'terminated':
      if (line.phase === 'idle') return unchanged;
      if (line.phase === 'answered') {
        return to(IDLE, {
          type: 'ended',
          at: input.at,
          by: endedBy(input, line.hangUpRequested),
          reason: sipReason(input),
        });
      }
      return to(IDLE, {
        type: 'failed',
        at: input.at,
        reason: callFailure(input, line.phase === 'ringing', line.hangUpRequested),
        sipCode: finalStatus(input),
        sip: sipReason(input),
      });
    case 'stop':
      // softphone.ts hangs up first; this only covers a session JsSIP never reported as over.
      return line.phase === 'idle'
        ? unchanged
        : lineStep(
            { ...state, line: { ...line, hangUpRequested: true } },
            {
              type: 'terminated',
              at: input.at,
              originator: 'local',
              cause: line.phase === 'answered' ? 'Terminated' : 'Canceled',
              statusCode: null,
              reasonPhrase: null,
              method: null,
            },
          );
    case 'start':
    case 'connected':
    case 'disconnected':
    case 'registered':
    case 'registrationFailed':
    case 'invalidConfig':
      return unchanged;
  }
}

/**
 * The next state for an input, and the call event it produced. Throws on `dial` when the phone
 * is not ready or a call is already up. Unchanged parts keep their identity, so a caller can
 * compare `registration` to know whether to tell its listeners.
 */
export function step(state: SoftphoneState, input: SoftphoneInput): Step {
  const { state: lined, event } = lineStep(state, input);
  const next = nextRegistration(state.registration, input);
  const registration = sameStatus(next, state.registration) ? state.registration : next;
  if (registration === state.registration && lined.line === state.line) return { state, event };
  return { state: { registration, line: lined.line }, event };
}
