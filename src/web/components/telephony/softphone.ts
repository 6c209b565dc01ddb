import { C, UA, WebSocketInterface, debug } from 'jssip';
import type { EndEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest, IncomingResponse } from 'jssip/lib/SIPMessage';
import type { RTCSessionEvent, CallOptions as SessionOptions, UAConfiguration } from 'jssip/lib/UA';
import type { SoftphoneConfig } from '../../../shared/schemas/telephony.js';
import { microphoneConstraints } from './microphones';
import {
  initialSoftphoneState,
  step,
  type SoftphoneInput,
  type SoftphoneState,
} from './softphone-machine';
import type { ActiveCall, CallEvent, CallOptions, Telephony, TelephonyStatus } from './telephony';

/**
 * The built-in softphone: JsSIP registers with the library's phone system over a WebSocket and
 * places calls with WebRTC audio. softphone-machine.ts decides what JsSIP's events mean.
 */

export type AvailableSoftphoneConfig = Extract<SoftphoneConfig, { available: true }>;

/** An answered call whose media stays lost this long is over: nobody is hearing anybody. */
const MEDIA_LOSS_MS = 8_000;
/**
 * JsSIP sends the INVITE only once ICE gathering completes, which can take tens of seconds when
 * a STUN or TURN server is unreachable; this long after the first candidate, it goes anyway.
 */
const ICE_GATHERING_MS = 2_000;
const TONE_MS = 160;
const TONE_GAP_MS = 120;
const KEYPAD = /^[0-9*#,]+$/;

export function userAgentSettings(
  config: AvailableSoftphoneConfig,
): Omit<UAConfiguration, 'sockets'> {
  return {
    uri: `sip:${config.username}@${config.sipDomain}`,
    password: config.password,
    // Empty: JsSIP authenticates as the URI's user.
    ...(config.authorizationUser === '' ? {} : { authorization_user: config.authorizationUser }),
    ...(config.displayName === '' ? {} : { display_name: config.displayName }),
    register: true,
    // Session timers are off: a missed refresh would end a patron's call for no reason.
    session_timers: false,
    // A lost WebSocket is retried within 1–5 s, and JsSIP registers again once connected.
    connection_recovery_min_interval: 1,
    connection_recovery_max_interval: 5,
    user_agent: 'Outreach Desk',
  };
}

export function iceServersFor(config: AvailableSoftphoneConfig): RTCIceServer[] {
  // An empty username or credential on a turn: URL makes RTCPeerConnection throw.
  return config.iceServers.map((server) => ({
    urls: server.urls,
    ...(server.username === '' ? {} : { username: server.username }),
    ...(server.credential === '' ? {} : { credential: server.credential }),
  }));
}

export function sessionSettings(
  config: AvailableSoftphoneConfig,
  microphoneId: string | null,
): SessionOptions {
  const callerId = config.callerId.replace(/[\s().-]/g, '');
  return {
    mediaConstraints: { audio: microphoneConstraints(microphoneId), video: false },
    pcConfig: { iceServers: iceServersFor(config) },
    rtcOfferConstraints: { offerToReceiveAudio: true },
    // RFC 3325: the phone system decides whether patrons see this number.
    ...(callerId === ''
      ? {}
      : { extraHeaders: [`P-Preferred-Identity: <sip:${callerId}@${config.sipDomain}>`] }),
  };
}

/** Keeps only the keypad characters of an extension as stored ("ext. 204" → "204"). */
export function extensionTones(extension: string): string {
  return extension.replace(/[^0-9*#,]/g, '');
}

/** JsSIP's Originator is a declared enum with no runtime value: compare it as a string. */
function originatorOf(value: string): 'local' | 'remote' | 'system' {
  return value === 'remote' || value === 'system' ? value : 'local';
}

interface LiveCall {
  session: RTCSession | null;
  startedAt: Date;
  options: CallOptions;
  audio: HTMLAudioElement;
  timers: Set<ReturnType<typeof setTimeout>>;
  mediaLoss: ReturnType<typeof setTimeout> | null;
  iceGathering: ReturnType<typeof setTimeout> | null;
}

/** A listener's exception must not unwind into JsSIP (it would skip the ACK after 'accepted'). */
function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    reportError(error);
  }
}

/** A telephony that always places calls itself. */
export type Softphone = Telephony & Required<Pick<Telephony, 'call'>>;

export function createSoftphone(config: AvailableSoftphoneConfig): Softphone {
  (debug as unknown as { disable: () => string }).disable();

  let state: SoftphoneState = initialSoftphoneState;
  const listeners = new Set<(status: TelephonyStatus) => void>();
  let live: LiveCall | null = null;
  let ua: UA | null = null;
  let stopped = false;

  function dispatch(input: SoftphoneInput): CallEvent | null {
    const previous = state;
    const next = step(state, input);
    state = next.state;
    const call = live;
    if (next.event !== null && call !== null) {
      const event = next.event;
      if (event.type === 'ended' || event.type === 'failed') {
        live = null;
        release(call);
      }
      safely(() => call.options.onEvent(event));
    }
    if (state.registration !== previous.registration) {
      for (const listener of [...listeners]) safely(() => listener(state.registration));
    }
    return next.event;
  }

  function release(call: LiveCall): void {
    for (const timer of call.timers) clearTimeout(timer);
    call.timers.clear();
    if (call.mediaLoss !== null) clearTimeout(call.mediaLoss);
    if (call.iceGathering !== null) clearTimeout(call.iceGathering);
    call.audio.srcObject = null;
    call.audio.remove();
  }

  function later(call: LiveCall, ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      run();
    }, ms);
    call.timers.add(timer);
  }

  function hangUp(call: LiveCall): void {
    if (live !== call) return;
    dispatch({ type: 'hangUp' });
    try {
      // Answered: BYE; ringing or dialling: CANCEL.
      call.session?.terminate();
    } catch {
      // Already terminated: its 'ended' or 'failed' has been handled.
    }
  }

  function sendTones(call: LiveCall, tones: string): void {
    if (live !== call || state.line.phase !== 'answered' || call.session === null) return;
    call.session.sendDTMF(tones, {
      transportType: config.dtmf === 'info' ? C.DTMF_TRANSPORT.INFO : C.DTMF_TRANSPORT.RFC2833,
      duration: TONE_MS,
      interToneGap: TONE_GAP_MS,
    });
  }

  function ended(call: LiveCall, event: EndEvent): void {
    if (live !== call) return;
    // Typed as always there, but JsSIP passes null when no SIP message ended the session.
    const message = event.message as IncomingRequest | IncomingResponse | null;
    const response = message !== null && 'status_code' in message ? message : null;
    const request = message !== null && !('status_code' in message) ? message : null;
    dispatch({
      type: 'terminated',
      at: new Date(),
      originator: originatorOf(event.originator),
      cause: event.cause,
      statusCode: response?.status_code ?? null,
      reasonPhrase: response?.reason_phrase ?? null,
      method: request?.method ?? null,
    });
  }

  function answered(call: LiveCall): void {
    if (live !== call) return;
    const event = dispatch({ type: 'answered', at: new Date() });
    const tones = extensionTones(call.options.extension ?? '');
    if (event?.type === 'answered' && tones !== '') {
      later(call, config.extensionDelaySeconds * 1000, () => sendTones(call, tones));
    }
  }

  function watchMedia(call: LiveCall, connection: RTCPeerConnection): void {
    connection.addEventListener('track', (event) => {
      if (live !== call) return;
      call.audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    });
    // JsSIP itself ends the call when ICE fails ('RTP Timeout'); 'disconnected' can last far
    // longer, e.g. after the WebSocket dropped and the patron's BYE could not reach this page.
    connection.addEventListener('iceconnectionstatechange', () => {
      if (live !== call) return;
      const ice = connection.iceConnectionState;
      if (ice === 'disconnected' && call.mediaLoss === null) {
        call.mediaLoss = setTimeout(() => {
          call.mediaLoss = null;
          if (live !== call) return;
          try {
            call.session?.terminate({ cause: C.causes.RTP_TIMEOUT });
          } catch {
            // Already over.
          }
        }, MEDIA_LOSS_MS);
      } else if ((ice === 'connected' || ice === 'completed') && call.mediaLoss !== null) {
        clearTimeout(call.mediaLoss);
        call.mediaLoss = null;
      }
    });
  }

  function place(target: string, options: CallOptions): ActiveCall {
    if (ua === null) throw new Error('The phone is not ready to call.');
    // Throws when not ready or a call is already up, before anything else happens.
    dispatch({ type: 'dial' });
    const audio = document.createElement('audio');
    audio.autoplay = true;
    audio.hidden = true;
    document.body.append(audio);
    const call: LiveCall = {
      session: null,
      startedAt: new Date(),
      options,
      audio,
      timers: new Set(),
      mediaLoss: null,
      iceGathering: null,
    };
    live = call;
    try {
      call.session = ua.call(target, {
        ...sessionSettings(config, options.microphoneId),
        // Given here rather than with session.on(): 'peerconnection' fires inside ua.call().
        eventHandlers: {
          peerconnection: ({ peerconnection }) => watchMedia(call, peerconnection),
          icecandidate: ({ ready }) => {
            call.iceGathering ??= setTimeout(() => {
              call.iceGathering = null;
              ready();
            }, ICE_GATHERING_MS);
          },
          sending: () => {
            call.startedAt = new Date();
          },
          progress: () => {
            if (live === call) dispatch({ type: 'progress', at: new Date() });
          },
          accepted: () => answered(call),
          confirmed: () => answered(call),
          ended: (event) => ended(call, event),
          failed: (event) => ended(call, event),
        },
      });
    } catch (error) {
      live = null;
      release(call);
      dispatch({ type: 'abandon' });
      throw error;
    }
    return {
      /** When the INVITE went out (until then, when the call was asked for). */
      get startedAt() {
        return call.startedAt;
      },
      hangUp: () => hangUp(call),
      mute: (on) => {
        if (live !== call || call.session === null) return;
        if (on) call.session.mute({ audio: true });
        else call.session.unmute({ audio: true });
      },
      sendDigits: (digits) => {
        if (!KEYPAD.test(digits)) throw new TypeError(`Not keypad tones: ${digits}`);
        sendTones(call, digits);
      },
    };
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    window.removeEventListener('pagehide', stop);
    if (live !== null) hangUp(live);
    try {
      // Unregisters, ends any session left and closes the WebSocket.
      ua?.stop();
    } catch {
      // Nothing left to close.
    }
    dispatch({ type: 'stop', at: new Date() });
    listeners.clear();
  }

  // The UA's late events after stop() (its unregistering, the WebSocket closing) are not news.
  function fromUserAgent(input: SoftphoneInput): void {
    if (!stopped) dispatch(input);
  }

  dispatch({ type: 'start' });
  try {
    ua = new UA({
      ...userAgentSettings(config),
      sockets: [new WebSocketInterface(config.webSocketUrl)],
    });
  } catch (error) {
    dispatch({
      type: 'invalidConfig',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (ua !== null) {
    ua.on('connected', () => fromUserAgent({ type: 'connected' }));
    ua.on('disconnected', ({ code, reason }) =>
      fromUserAgent({ type: 'disconnected', code: code ?? null, reason: reason ?? null }),
    );
    ua.on('registered', () => fromUserAgent({ type: 'registered' }));
    ua.on('registrationFailed', (event) => {
      // Typed as always there, but null when no response came (timeout, transport error).
      const response = event.response as IncomingResponse | null;
      fromUserAgent({
        type: 'registrationFailed',
        statusCode: response?.status_code ?? null,
        reasonPhrase: response?.reason_phrase ?? null,
        cause: event.cause ?? null,
      });
    });
    // Calls are outgoing only: a call to this extension is turned away at once (rather than
    // ringing here unheard for a minute) so the phone system can forward it or take a message.
    ua.on('newRTCSession', (event: RTCSessionEvent) => {
      if (originatorOf(event.originator) === 'remote')
        event.session.terminate({ status_code: 486 });
    });
    // 'unregistered' is not followed: JsSIP emits it on a lost WebSocket ('disconnected' says
    // more), after a failed refresh ('registrationFailed') and when stop() unregisters.
    ua.start();
    // Closing the tab or leaving the page hangs up. 'beforeunload' is not used: a "leave this
    // page?" prompt can cancel it, which would leave the page with its phone stopped.
    window.addEventListener('pagehide', stop);
  }

  return {
    status: () => state.registration,
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    placesCalls: true,
    linkFor: () => null,
    call: place,
    stop,
  };
}
