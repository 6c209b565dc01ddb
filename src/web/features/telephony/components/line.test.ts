import { describe, expect, it } from 'vitest';
import {
  dialling,
  IDLE_LINE,
  isLive,
  lineInputOf,
  onLineEvent,
  suggestedOutcome,
  type LineState,
} from './line';

const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 14, 0, s));

function answeredCall(): LineState {
  let line = dialling(IDLE_LINE, '+16135550101', '204', at(0));
  line = onLineEvent(line, { type: 'ringing', at: at(1) });
  return onLineEvent(line, { type: 'answered', at: at(5) });
}

describe('the softphone line on the calling screen', () => {
  it('follows a call from dialling to the patron hanging up, and records who ended it', () => {
    const answered = answeredCall();
    expect(answered).toMatchObject({ phase: 'answered', answeredAt: at(5), extension: '204' });
    expect(isLive(answered)).toBe(true);
    expect(lineInputOf(answered)).toBeNull();
    const ended = onLineEvent(answered, { type: 'ended', at: at(65), by: 'remote', reason: 'BYE' });
    expect(isLive(ended)).toBe(false);
    expect(lineInputOf(ended)).toEqual({
      result: 'answered',
      answeredAt: at(5).toISOString(),
      endedBy: 'patron',
      sipReason: 'BYE',
    });
    expect(suggestedOutcome(ended)).toBe('reached');
  });

  it('ignores a second answer and a late ringing', () => {
    const answered = answeredCall();
    expect(onLineEvent(answered, { type: 'answered', at: at(9) })).toBe(answered);
    expect(onLineEvent(answered, { type: 'ringing', at: at(9) })).toBe(answered);
  });

  it('marks a call the network dropped, so the outcome can still be recorded', () => {
    const dropped = onLineEvent(answeredCall(), {
      type: 'ended',
      at: at(30),
      by: 'network',
      reason: 'Connection Error',
    });
    expect(lineInputOf(dropped)).toMatchObject({ result: 'answered', endedBy: 'network' });
  });

  it.each([
    ['busy', 'busy', 'busy'],
    ['no_answer', 'no_answer', 'no_answer'],
    ['cancelled', 'cancelled', 'no_answer'],
    ['not_in_service', 'not_in_service', 'not_in_service'],
    ['rejected', 'rejected', null],
    ['unreachable', 'unreachable', null],
  ] as const)(
    'turns a %s failure into the line result %s and suggests %s',
    (reason, result, outcome) => {
      const failed = onLineEvent(dialling(IDLE_LINE, '+16135550101', null, at(0)), {
        type: 'failed',
        at: at(20),
        reason,
        sipCode: 486,
        sip: '486 Busy Here',
      });
      expect(failed).toMatchObject({ phase: 'failed', result, problem: reason, answeredAt: null });
      expect(suggestedOutcome(failed)).toBe(outcome);
      expect(lineInputOf(failed)).toMatchObject({ result, endedBy: null });
    },
  );

  it('records nothing when the microphone was blocked: the call never left the browser', () => {
    const blocked = onLineEvent(dialling(IDLE_LINE, '+16135550101', null, at(0)), {
      type: 'failed',
      at: at(0),
      reason: 'microphone',
      sipCode: null,
      sip: null,
    });
    expect(blocked.problem).toBe('microphone');
    expect(lineInputOf(blocked)).toBeNull();
    expect(suggestedOutcome(blocked)).toBeNull();
  });

  it('keeps the first call’s start when the caller tries another number', () => {
    const busy = onLineEvent(dialling(IDLE_LINE, '+16135550101', null, at(0)), {
      type: 'failed',
      at: at(10),
      reason: 'busy',
      sipCode: 486,
      sip: '486 Busy Here',
    });
    const second = dialling(busy, '+16135550199', '204', at(30));
    expect(second).toMatchObject({
      phase: 'dialling',
      startedAt: at(0),
      e164: '+16135550199',
      result: null,
      problem: null,
    });
  });
});
