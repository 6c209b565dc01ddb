import type { Outcome } from '../../../../shared/schemas/calls.js';
import type { LineInput, LineResult } from '../../../../shared/schemas/telephony.js';
import type { CallEvent, CallFailure } from '../../../components/telephony/telephony';

/**
 * The calling screen's view of the softphone line for the patron on screen: what it is doing,
 * and what it said once it is over — which becomes the attempt's times and pre-fills the outcome.
 */
export type LinePhase = 'idle' | 'dialling' | 'ringing' | 'answered' | 'ended' | 'failed';

export interface LineState {
  phase: LinePhase;
  /** The number being (or last) called, E.164. */
  e164: string | null;
  extension: string | null;
  /** The first call's start on this patron's card, and the last call's answer and end. */
  startedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  result: LineResult | null;
  endedBy: LineInput['endedBy'];
  sipReason: string | null;
  /** Why the last call could not be placed, when the browser or the server refused it. */
  problem: CallFailure | 'refused' | null;
  muted: boolean;
  /** Tones sent during this call, shown so the caller can check them. */
  digitsSent: string;
}

export const IDLE_LINE: LineState = {
  phase: 'idle',
  e164: null,
  extension: null,
  startedAt: null,
  answeredAt: null,
  endedAt: null,
  result: null,
  endedBy: null,
  sipReason: null,
  problem: null,
  muted: false,
  digitsSent: '',
};

/** A call is up (or being set up): another cannot start, and the outcome cannot be saved yet. */
export function isLive(line: LineState): boolean {
  return line.phase === 'dialling' || line.phase === 'ringing' || line.phase === 'answered';
}

/** A new call on this card: the earlier call's start is kept (the attempt spans both). */
export function dialling(
  line: LineState,
  e164: string,
  extension: string | null,
  at: Date,
): LineState {
  return {
    ...IDLE_LINE,
    phase: 'dialling',
    e164,
    extension,
    startedAt: line.startedAt ?? at,
  };
}

const FAILURE_RESULTS: Record<CallFailure, LineResult | null> = {
  busy: 'busy',
  no_answer: 'no_answer',
  rejected: 'rejected',
  unreachable: 'unreachable',
  not_in_service: 'not_in_service',
  cancelled: 'cancelled',
  network: 'network',
  // The call never left the browser: nothing happened on the line.
  microphone: null,
};

const ENDED_BY = { local: 'caller', remote: 'patron', network: 'network' } as const;

export function onLineEvent(line: LineState, event: CallEvent): LineState {
  switch (event.type) {
    case 'ringing':
      return line.phase === 'dialling' ? { ...line, phase: 'ringing' } : line;
    case 'answered':
      return line.phase === 'answered'
        ? line
        : { ...line, phase: 'answered', answeredAt: event.at, result: 'answered' };
    case 'ended':
      return {
        ...line,
        phase: 'ended',
        endedAt: event.at,
        result: 'answered',
        endedBy: ENDED_BY[event.by],
        sipReason: event.reason,
      };
    case 'failed':
      return {
        ...line,
        phase: 'failed',
        endedAt: event.at,
        result: FAILURE_RESULTS[event.reason],
        sipReason: event.sip,
        problem: event.reason,
        muted: false,
      };
  }
}

/**
 * The outcome the line suggests, for the caller to confirm: only what the line can really tell.
 * A call the caller gave up on while it rang counts as no answer.
 */
export function suggestedOutcome(line: LineState): Outcome | null {
  switch (line.result) {
    case 'answered':
      return 'reached';
    case 'busy':
      return 'busy';
    case 'no_answer':
    case 'cancelled':
      return 'no_answer';
    case 'not_in_service':
      return 'not_in_service';
    case 'rejected':
    case 'unreachable':
    case 'network':
    case null:
      return null;
  }
}

/** What is recorded with the attempt; null when the softphone never reached the line. */
export function lineInputOf(line: LineState): LineInput | null {
  if (line.result === null || isLive(line)) return null;
  return {
    result: line.result,
    answeredAt: line.answeredAt?.toISOString() ?? null,
    endedBy: line.endedBy,
    // The server keeps 200 characters: a long SIP reason phrase is cut, never refused.
    sipReason: line.sipReason?.slice(0, 200) ?? null,
  };
}
