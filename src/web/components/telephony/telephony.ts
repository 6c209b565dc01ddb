import { callLink, type CallScheme } from '../../../shared/schemas/calls.js';

/**
 * How the calling workspace places calls. Links hand the number to the softphone the staff member
 * already has (`tel:`, `sip:`, Teams…); the built-in softphone (softphone.ts: SIP over WebSocket
 * with WebRTC audio) places the call from the page and reports what happened on the line, so the
 * attempt gets its real times and the outcome form is pre-filled.
 */
export type TelephonyStatus =
  | { state: 'unconfigured' }
  | { state: 'registering' }
  | { state: 'ready' }
  | { state: 'failed'; reason: RegistrationFailure; detail: string | null };

/** Why the phone is not registered: wrong credentials, the phone system cannot be reached, … */
export type RegistrationFailure = 'unauthorized' | 'unreachable' | 'rejected';

/** Why a call did not connect, as the line said it. */
export type CallFailure =
  | 'busy'
  | 'no_answer'
  | 'rejected'
  | 'unreachable'
  | 'not_in_service'
  | 'cancelled'
  | 'microphone'
  | 'network';

export type CallEvent =
  | { type: 'ringing'; at: Date }
  | { type: 'answered'; at: Date }
  | {
      type: 'ended';
      at: Date;
      /** Who hung up: this caller, the patron, or the network (connection lost). */
      by: 'local' | 'remote' | 'network';
      /** The SIP status and reason when known, e.g. "BYE" or "408 Request Timeout". */
      reason: string | null;
    }
  | { type: 'failed'; at: Date; reason: CallFailure; sipCode: number | null; sip: string | null };

export interface ActiveCall {
  /** When the call was placed. */
  readonly startedAt: Date;
  hangUp(): void;
  mute(on: boolean): void;
  /** Sends keypad tones (0-9, *, #, and `,` for a two-second pause). */
  sendDigits(digits: string): void;
}

export interface CallOptions {
  /** Sent as tones once the line answers (after the library's delay); null when none. */
  extension: string | null;
  /** The microphone to use (a device id from `enumerateDevices`); null: the system default. */
  microphoneId: string | null;
  onEvent: (event: CallEvent) => void;
}

export interface Telephony {
  status(): TelephonyStatus;
  /** Called with every status change; returns the unsubscribe function. */
  onStatus(listener: (status: TelephonyStatus) => void): () => void;
  /** Whether this telephony places calls itself (and reports their events) or hands them over. */
  readonly placesCalls: boolean;
  /** A link for the number, when calls are handed to another application. */
  linkFor(e164: string): string | null;
  /**
   * Places a call from the page (only when `placesCalls`) to a SIP URI. Throws when not ready or
   * when a call is already up: one call at a time.
   */
  call?(target: string, options: CallOptions): ActiveCall;
  /** Unregisters and hangs up whatever is up (signing out, closing the page). */
  stop(): void;
}

/** Calls handed to the staff member's own softphone through a link in their chosen scheme. */
export function linkTelephony(scheme: CallScheme): Telephony {
  return {
    status: () => ({ state: 'ready' }),
    onStatus: () => () => undefined,
    placesCalls: false,
    linkFor: (e164) => callLink(scheme, e164),
    stop: () => undefined,
  };
}
