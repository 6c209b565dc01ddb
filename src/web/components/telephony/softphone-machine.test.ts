import { describe, expect, it } from 'vitest';
import {
  FAILURE_BY_CAUSE,
  FAILURE_BY_STATUS,
  initialSoftphoneState,
  step,
  type SessionEnd,
  type SoftphoneInput,
  type SoftphoneState,
} from './softphone-machine';
import type { CallEvent, CallFailure } from './telephony';

const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 10, 0, second));

function run(inputs: SoftphoneInput[], from: SoftphoneState = initialSoftphoneState) {
  let state = from;
  const events: CallEvent[] = [];
  for (const input of inputs) {
    const next = step(state, input);
    state = next.state;
    if (next.event !== null) events.push(next.event);
  }
  return { state, events };
}

function end(fields: Partial<SessionEnd> = {}): SessionEnd {
  return {
    type: 'terminated',
    at: at(30),
    originator: 'remote',
    cause: 'Terminated',
    statusCode: null,
    reasonPhrase: null,
    method: null,
    ...fields,
  };
}

/** JsSIP's 'failed' for a final response, as Utils.sipErrorCause names it. */
function response(statusCode: number, reasonPhrase: string, cause: string): SessionEnd {
  return end({ statusCode, reasonPhrase, cause });
}

const ready = run([{ type: 'start' }, { type: 'registered' }]).state;
const dialling = run([{ type: 'dial' }], ready).state;
const ringing = run([{ type: 'progress', at: at(2) }], dialling).state;
const answered = run([{ type: 'answered', at: at(10) }], ringing).state;

describe('registration', () => {
  it('starts unconfigured, registers, and is ready', () => {
    expect(initialSoftphoneState.registration).toEqual({ state: 'unconfigured' });
    const registering = run([{ type: 'start' }]).state;
    expect(registering.registration).toEqual({ state: 'registering' });
    expect(run([{ type: 'registered' }], registering).state.registration).toEqual({
      state: 'ready',
    });
  });

  it.each([
    [401, 'Unauthorized', 'Authentication Error', 'unauthorized'],
    [407, 'Proxy Authentication Required', 'Authentication Error', 'unauthorized'],
    [403, 'Forbidden', 'Rejected', 'unauthorized'],
    [408, 'Request Timeout', 'Unavailable', 'unreachable'],
    [503, 'Service Unavailable', 'SIP Failure Code', 'unreachable'],
    [504, 'Server Time-out', 'SIP Failure Code', 'unreachable'],
    [404, 'Not Found', 'Not Found', 'rejected'],
    [420, 'Bad Extension', 'SIP Failure Code', 'rejected'],
  ] as const)('a %i %s to REGISTER is %s', (statusCode, reasonPhrase, cause, reason) => {
    const { state } = run([
      { type: 'start' },
      { type: 'registrationFailed', statusCode, reasonPhrase, cause },
    ]);
    expect(state.registration).toEqual({
      state: 'failed',
      reason,
      detail: `${statusCode} ${reasonPhrase}`,
    });
  });

  it.each([
    ['Connection Error', 'unreachable'],
    ['Request Timeout', 'unreachable'],
    ['Authentication Error', 'unauthorized'],
    ['Internal Error', 'rejected'],
  ] as const)('a REGISTER with no response and cause %s is %s', (cause, reason) => {
    const { state } = run([
      { type: 'start' },
      { type: 'registrationFailed', statusCode: null, reasonPhrase: null, cause },
    ]);
    expect(state.registration).toEqual({ state: 'failed', reason, detail: cause });
  });

  it('is unreachable when the WebSocket cannot connect', () => {
    const { state } = run([{ type: 'start' }, { type: 'disconnected', code: 1006, reason: null }]);
    expect(state.registration).toEqual({
      state: 'failed',
      reason: 'unreachable',
      detail: 'WebSocket closed (1006)',
    });
    const withReason = run([
      { type: 'start' },
      { type: 'disconnected', code: null, reason: 'going away' },
    ]).state;
    expect(withReason.registration).toMatchObject({ detail: 'WebSocket closed: going away' });
  });

  it('is unreachable when the settings cannot make a phone', () => {
    const { state } = run([
      { type: 'start' },
      { type: 'invalidConfig', detail: 'Invalid argument: wss//x' },
    ]);
    expect(state.registration).toEqual({
      state: 'failed',
      reason: 'unreachable',
      detail: 'Invalid argument: wss//x',
    });
  });

  it('goes back to registering when the WebSocket drops while ready, then ready again', () => {
    const dropped = run([{ type: 'disconnected', code: 1006, reason: null }], ready).state;
    expect(dropped.registration).toEqual({ state: 'registering' });
    const reconnected = run([{ type: 'connected' }], dropped).state;
    expect(reconnected.registration).toBe(dropped.registration);
    expect(run([{ type: 'registered' }], reconnected).state.registration).toEqual({
      state: 'ready',
    });
  });

  it('is unreachable when the reconnection fails too, and retries once connected', () => {
    const { state } = run(
      [
        { type: 'disconnected', code: 1006, reason: null },
        { type: 'disconnected', code: 1006, reason: null },
      ],
      ready,
    );
    expect(state.registration).toMatchObject({ state: 'failed', reason: 'unreachable' });
    // Each further failed attempt is no news.
    const again = run([{ type: 'disconnected', code: 1006, reason: null }], state).state;
    expect(again.registration).toBe(state.registration);
    const connected = run([{ type: 'connected' }], state).state;
    expect(connected.registration).toEqual({ state: 'registering' });
  });

  it('keeps its identity when nothing changed', () => {
    expect(run([{ type: 'registered' }], ready).state.registration).toBe(ready.registration);
    expect(run([{ type: 'connected' }], ready).state.registration).toBe(ready.registration);
    expect(run([{ type: 'start' }], ready).state.registration).toBe(ready.registration);
    const failure = {
      type: 'registrationFailed',
      statusCode: 403,
      reasonPhrase: 'Forbidden',
      cause: 'Rejected',
    } as const;
    const failed = run([failure], ready).state;
    expect(run([failure], failed).state.registration).toBe(failed.registration);
  });

  it('fails while ready when a refresh is refused', () => {
    const { state } = run(
      [
        {
          type: 'registrationFailed',
          statusCode: 403,
          reasonPhrase: 'Forbidden',
          cause: 'Rejected',
        },
      ],
      ready,
    );
    expect(state.registration).toMatchObject({ state: 'failed', reason: 'unauthorized' });
  });

  it.each([
    ['registering', run([{ type: 'start' }]).state],
    ['ready', ready],
    ['failed', run([{ type: 'start' }, { type: 'disconnected', code: 1006, reason: null }]).state],
  ])('stops from %s to unconfigured and ignores what JsSIP says after', (_name, from) => {
    const stopped = run([{ type: 'stop', at: at(1) }], from).state;
    expect(stopped.registration).toEqual({ state: 'unconfigured' });
    const late = run(
      [
        { type: 'registered' },
        { type: 'connected' },
        { type: 'disconnected', code: 1000, reason: null },
        {
          type: 'registrationFailed',
          statusCode: null,
          reasonPhrase: null,
          cause: 'Connection Error',
        },
      ],
      stopped,
    ).state;
    expect(late.registration).toBe(stopped.registration);
  });
});

describe('placing a call', () => {
  it.each([
    ['unconfigured', initialSoftphoneState],
    ['registering', run([{ type: 'start' }]).state],
    ['failed', run([{ type: 'start' }, { type: 'disconnected', code: 1006, reason: null }]).state],
  ])('is refused while %s', (name, state) => {
    expect(() => step(state, { type: 'dial' })).toThrow(`not ready to call (${name})`);
  });

  it.each([
    ['dialling', dialling],
    ['ringing', ringing],
    ['answered', answered],
  ])('is refused while a call is %s: one call at a time', (_name, state) => {
    expect(() => step(state, { type: 'dial' })).toThrow('already up');
  });

  it('is refused while the WebSocket is reconnecting, even with the line free', () => {
    const dropped = run([{ type: 'disconnected', code: 1006, reason: null }], ready).state;
    expect(() => step(dropped, { type: 'dial' })).toThrow('not ready');
  });

  it('dials without an event, then rings and answers once each', () => {
    const dialled = step(ready, { type: 'dial' });
    expect(dialled.state.line).toEqual({ phase: 'dialling', hangUpRequested: false });
    expect(dialled.event).toBeNull();
    const { state, events } = run(
      [
        { type: 'progress', at: at(2) }, // 180 Ringing
        { type: 'progress', at: at(3) }, // 183 Session Progress: still the same ringing
        { type: 'answered', at: at(10) }, // 'accepted'
        { type: 'answered', at: at(10) }, // 'confirmed', right after
      ],
      dialled.state,
    );
    expect(events).toEqual([
      { type: 'ringing', at: at(2) },
      { type: 'answered', at: at(10) },
    ]);
    expect(state.line.phase).toBe('answered');
  });

  it('answers straight from dialling when the line never rang', () => {
    const { events } = run([{ type: 'answered', at: at(4) }], dialling);
    expect(events).toEqual([{ type: 'answered', at: at(4) }]);
  });

  it('ignores ringing after the answer', () => {
    const { state, events } = run([{ type: 'progress', at: at(11) }], answered);
    expect(events).toEqual([]);
    expect(state).toBe(answered);
  });

  it('goes back to idle without an event when the call could not be placed', () => {
    const { state, events } = run([{ type: 'abandon' }], dialling);
    expect(state.line).toEqual({ phase: 'idle' });
    expect(events).toEqual([]);
    expect(run([{ type: 'abandon' }], answered).state).toBe(answered);
  });

  it('keeps the call up when the registration drops, and refuses another', () => {
    const dropped = run([{ type: 'disconnected', code: 1006, reason: null }], answered).state;
    expect(dropped.line.phase).toBe('answered');
    expect(dropped.registration).toEqual({ state: 'registering' });
    expect(() => step(dropped, { type: 'dial' })).toThrow();
  });
});

describe('the end of an answered call', () => {
  it('is the patron hanging up on their BYE', () => {
    const { state, events } = run([end({ method: 'BYE' })], answered);
    expect(events).toEqual([{ type: 'ended', at: at(30), by: 'remote', reason: 'BYE' }]);
    expect(state.line).toEqual({ phase: 'idle' });
  });

  it('is the caller hanging up', () => {
    const { events } = run(
      [{ type: 'hangUp' }, end({ originator: 'local', cause: 'Terminated' })],
      answered,
    );
    expect(events).toEqual([{ type: 'ended', at: at(30), by: 'local', reason: 'BYE' }]);
  });

  it.each([
    ['RTP Timeout', 'local'], // ICE failed, or our media-loss watch
    ['Connection Error', 'local'], // the WebSocket dropped during an in-dialog request
    ['Request Timeout', 'remote'],
    ['Dialog Error', 'local'],
  ] as const)('is the network on %s', (cause, originator) => {
    const { events } = run([end({ originator, cause })], answered);
    expect(events).toEqual([{ type: 'ended', at: at(30), by: 'network', reason: cause }]);
  });

  it('is the network even if the caller had pressed hang up', () => {
    const { events } = run(
      [{ type: 'hangUp' }, end({ originator: 'local', cause: 'RTP Timeout' })],
      answered,
    );
    expect(events[0]).toMatchObject({ by: 'network' });
  });

  it('keeps the SIP status when a response ended it', () => {
    const { events } = run(
      [end({ statusCode: 408, reasonPhrase: 'Request Timeout', cause: 'Request Timeout' })],
      answered,
    );
    expect(events).toEqual([
      { type: 'ended', at: at(30), by: 'network', reason: '408 Request Timeout' },
    ]);
  });

  it('is the network when JsSIP ended it locally without being asked', () => {
    const { events } = run([end({ originator: 'local', cause: 'Terminated' })], answered);
    expect(events[0]).toMatchObject({ by: 'network' });
    const system = run([end({ originator: 'system', cause: 'Terminated' })], answered).events;
    expect(system[0]).toMatchObject({ by: 'network' });
  });

  it('leaves the line idle and ready for the next call', () => {
    const { state } = run([end({ method: 'BYE' })], answered);
    expect(state.line).toEqual({ phase: 'idle' });
    expect(step(state, { type: 'dial' }).state.line.phase).toBe('dialling');
  });

  it('reports the end only once', () => {
    const { state } = run([end({ method: 'BYE' })], answered);
    expect(step(state, end({ method: 'BYE' }))).toEqual({ state, event: null });
  });

  it('is the caller when the phone stops mid-call', () => {
    const { state, events } = run([{ type: 'stop', at: at(40) }], answered);
    expect(events).toEqual([{ type: 'ended', at: at(40), by: 'local', reason: 'BYE' }]);
    expect(state).toEqual({ registration: { state: 'unconfigured' }, line: { phase: 'idle' } });
  });
});

describe('a call that did not connect', () => {
  function failure(from: SoftphoneState, ending: SessionEnd) {
    const { state, events } = run([ending], from);
    expect(state.line).toEqual({ phase: 'idle' });
    expect(events).toHaveLength(1);
    const event = events[0];
    if (event?.type !== 'failed') throw new Error(`expected a failure, got ${event?.type}`);
    return event;
  }

  const byStatus: [number, string, string, CallFailure][] = [
    [486, 'Busy Here', 'Busy', 'busy'],
    [600, 'Busy Everywhere', 'Busy', 'busy'],
    [403, 'Forbidden', 'Rejected', 'rejected'],
    [603, 'Decline', 'Rejected', 'rejected'],
    [401, 'Unauthorized', 'Authentication Error', 'rejected'],
    [407, 'Proxy Authentication Required', 'Authentication Error', 'rejected'],
    [404, 'Not Found', 'Not Found', 'not_in_service'],
    [410, 'Gone', 'Unavailable', 'not_in_service'],
    [484, 'Address Incomplete', 'Address Incomplete', 'not_in_service'],
    [485, 'Ambiguous', 'SIP Failure Code', 'not_in_service'],
    [604, 'Does Not Exist Anywhere', 'Not Found', 'not_in_service'],
    [488, 'Not Acceptable Here', 'Incompatible SDP', 'unreachable'],
    [606, 'Not Acceptable', 'Incompatible SDP', 'unreachable'],
    [500, 'Server Internal Error', 'SIP Failure Code', 'unreachable'],
    [502, 'Bad Gateway', 'SIP Failure Code', 'unreachable'],
    [503, 'Service Unavailable', 'SIP Failure Code', 'unreachable'],
    [504, 'Server Time-out', 'SIP Failure Code', 'unreachable'],
    // Codes not in the table go by their class.
    [302, 'Moved Temporarily', 'Redirected', 'unreachable'],
    [415, 'Unsupported Media Type', 'SIP Failure Code', 'rejected'],
    [580, 'Precondition Failure', 'SIP Failure Code', 'unreachable'],
    [607, 'Unwanted', 'SIP Failure Code', 'rejected'],
  ];
  const unanswered: [number, string, string][] = [
    [408, 'Request Timeout', 'Unavailable'],
    [480, 'Temporarily Unavailable', 'Unavailable'],
    [487, 'Request Terminated', 'SIP Failure Code'],
  ];

  it.each(byStatus)('a %i %s is %s', (statusCode, reasonPhrase, cause, reason) => {
    for (const from of [dialling, ringing]) {
      const event = failure(from, response(statusCode, reasonPhrase, cause));
      expect(event).toEqual({
        type: 'failed',
        at: at(30),
        reason,
        sipCode: statusCode,
        sip: `${statusCode} ${reasonPhrase}`,
      });
    }
  });

  it.each(unanswered)(
    'a %i %s is no answer after ringing, unreachable before',
    (statusCode, reasonPhrase, cause) => {
      expect(failure(ringing, response(statusCode, reasonPhrase, cause)).reason).toBe('no_answer');
      expect(failure(dialling, response(statusCode, reasonPhrase, cause)).reason).toBe(
        'unreachable',
      );
    },
  );

  it('lets the status code decide over the cause', () => {
    expect(failure(ringing, response(486, 'Busy Here', 'Rejected')).reason).toBe('busy');
  });

  it('ignores a 200 OK attached to a media failure', () => {
    const event = failure(
      ringing,
      end({ originator: 'local', statusCode: 200, reasonPhrase: 'OK', cause: 'WebRTC Error' }),
    );
    expect(event).toMatchObject({ reason: 'network', sipCode: null, sip: 'WebRTC Error' });
  });

  const byCause: [string, CallFailure, CallFailure][] = [
    // cause, before ringing, after ringing
    ['Busy', 'busy', 'busy'],
    ['Rejected', 'rejected', 'rejected'],
    ['Authentication Error', 'rejected', 'rejected'],
    ['Not Found', 'not_in_service', 'not_in_service'],
    ['Address Incomplete', 'not_in_service', 'not_in_service'],
    ['Unavailable', 'unreachable', 'no_answer'],
    ['No Answer', 'no_answer', 'no_answer'],
    ['Expires', 'no_answer', 'no_answer'],
    ['User Denied Media Access', 'microphone', 'microphone'],
    ['Redirected', 'unreachable', 'unreachable'],
    ['Incompatible SDP', 'unreachable', 'unreachable'],
    ['Missing SDP', 'unreachable', 'unreachable'],
    ['Bad Media Description', 'unreachable', 'unreachable'],
    ['Request Timeout', 'unreachable', 'unreachable'],
    ['Connection Error', 'network', 'network'],
    ['RTP Timeout', 'network', 'network'],
    ['Dialog Error', 'network', 'network'],
    ['No ACK', 'network', 'network'],
    ['WebRTC Error', 'network', 'network'],
    ['Internal Error', 'network', 'network'],
    ['Something New', 'unreachable', 'unreachable'],
  ];

  it.each(byCause)('with no response, %s is %s (%s after ringing)', (cause, before, after) => {
    const ending = end({ originator: 'local', cause });
    expect(failure(dialling, ending)).toEqual({
      type: 'failed',
      at: at(30),
      reason: before,
      sipCode: null,
      sip: cause,
    });
    expect(failure(ringing, ending).reason).toBe(after);
  });

  it('covers every cause and status of the tables', () => {
    const causes = new Set(byCause.map(([cause]) => cause));
    for (const cause of Object.keys(FAILURE_BY_CAUSE)) {
      if (cause !== 'Canceled') expect(causes).toContain(cause);
    }
    const statuses = new Set([...byStatus, ...unanswered].map(([status]) => String(status)));
    for (const status of Object.keys(FAILURE_BY_STATUS)) expect(statuses).toContain(status);
  });

  it('is cancelled when the caller hung up while dialling or ringing', () => {
    for (const from of [dialling, ringing]) {
      const event = failure(
        run([{ type: 'hangUp' }], from).state,
        end({ originator: 'local', cause: 'Canceled' }),
      );
      expect(event).toMatchObject({ reason: 'cancelled', sipCode: null, sip: 'Canceled' });
    }
  });

  it('is the network when JsSIP cancels by itself (the WebSocket dropped)', () => {
    const event = failure(ringing, end({ originator: 'local', cause: 'Canceled' }));
    expect(event.reason).toBe('network');
  });

  it('is cancelled when the phone stops while ringing', () => {
    const { state, events } = run([{ type: 'stop', at: at(5) }], ringing);
    expect(events).toEqual([
      { type: 'failed', at: at(5), reason: 'cancelled', sipCode: null, sip: 'Canceled' },
    ]);
    expect(state.line).toEqual({ phase: 'idle' });
  });

  it('leaves the line idle and ready for the next call', () => {
    const { state } = run([response(486, 'Busy Here', 'Busy')], ringing);
    expect(step(state, { type: 'dial' }).state.line.phase).toBe('dialling');
  });

  it('ignores a hang-up and an end when no call is up', () => {
    expect(run([{ type: 'hangUp' }], ready).state).toBe(ready);
    expect(run([end()], ready)).toEqual({ state: ready, events: [] });
  });
});
