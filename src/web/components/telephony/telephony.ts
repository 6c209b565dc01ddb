import { callLink, type CallScheme } from '../../../shared/schemas/calls.js';

/**
 * How the calling workspace places calls. Today every library uses links handed to the softphone
 * the staff member already has (`tel:`, `sip:`, Teams…); a built-in browser softphone (SIP over
 * WebSocket) is another implementation of this same interface, which also reports what happened
 * on the line so the outcome can be pre-filled.
 */
export type TelephonyStatus =
  | { state: 'ready' }
  | { state: 'unconfigured' }
  | { state: 'registering' }
  | { state: 'failed'; reason: string };

export type CallEvent =
  | { type: 'ringing'; at: Date }
  | { type: 'answered'; at: Date }
  | { type: 'ended'; at: Date; by: 'local' | 'remote'; reason: string | null }
  | { type: 'failed'; at: Date; reason: 'busy' | 'no_answer' | 'rejected' | 'unreachable' };

export interface ActiveCall {
  hangUp(): void;
  mute(on: boolean): void;
  sendDigits(digits: string): void;
}

export interface Telephony {
  status(): TelephonyStatus;
  /** Whether this telephony places calls itself (and reports their events) or hands them over. */
  readonly placesCalls: boolean;
  /** A link for the number, when calls are handed to another application. */
  linkFor(e164: string): string | null;
  /** Places a call from the page; only when `placesCalls`. */
  call?(
    e164: string,
    options: { extension: string | null; onEvent: (event: CallEvent) => void },
  ): Promise<ActiveCall>;
}

/** Calls handed to the staff member's own softphone through a link in their chosen scheme. */
export function linkTelephony(scheme: CallScheme): Telephony {
  return {
    status: () => ({ state: 'ready' }),
    placesCalls: false,
    linkFor: (e164) => callLink(scheme, e164),
  };
}
