import { checkMicrophone, type MicrophoneCheck } from './microphones';
import { createSoftphone, type AvailableSoftphoneConfig, type Softphone } from './softphone';
import type { ActiveCall, CallEvent, CallFailure, Telephony, TelephonyStatus } from './telephony';

/**
 * "Test my phone": registers a throwaway softphone with the staff member's settings, opens the
 * microphone and, when the library has a test number (an echo test), calls it.
 */

const REGISTRATION_DEADLINE_MS = 10_000;
const ANSWER_DEADLINE_MS = 20_000;

export interface TestMyPhoneOptions {
  microphoneId: string | null;
  /** How long the answered test call stays up unless the other end hangs up first; default 5. */
  holdSeconds?: number;
  /** Ends the test early: the caller hung up. */
  signal?: AbortSignal;
  /** The test call's events, to show its progress. */
  onEvent?: (event: CallEvent) => void;
}

export interface TestMyPhoneResult {
  registration: TelephonyStatus;
  microphone: MicrophoneCheck;
  /** Absent when no call was tried: no test number, not registered, or no microphone. */
  call?: 'answered' | CallFailure;
}

export async function testMyPhone(
  config: AvailableSoftphoneConfig,
  options: TestMyPhoneOptions,
): Promise<TestMyPhoneResult> {
  const phone = createSoftphone(config);
  try {
    const registration = await registered(phone);
    const microphone = await checkMicrophone(options.microphoneId);
    if (
      registration.state !== 'ready' ||
      microphone !== 'ok' ||
      config.testTarget === null ||
      options.signal?.aborted === true
    ) {
      return { registration, microphone };
    }
    const call = await testCall(phone, config.testTarget, options);
    return { registration, microphone, call };
  } finally {
    phone.stop();
  }
}

/** Ready or failed; still registering at the deadline counts as unreachable. */
function registered(phone: Telephony): Promise<TelephonyStatus> {
  return new Promise((resolve) => {
    const finish = (status: TelephonyStatus): void => {
      clearTimeout(deadline);
      unsubscribe();
      resolve(status);
    };
    const settle = (status: TelephonyStatus): void => {
      if (status.state === 'ready' || status.state === 'failed') finish(status);
    };
    const deadline = setTimeout(() => {
      finish({ state: 'failed', reason: 'unreachable', detail: 'No answer from the phone system' });
    }, REGISTRATION_DEADLINE_MS);
    const unsubscribe = phone.onStatus(settle);
    settle(phone.status());
  });
}

function testCall(
  phone: Softphone,
  target: string,
  options: TestMyPhoneOptions,
): Promise<'answered' | CallFailure> {
  return new Promise((resolve, reject) => {
    let call: ActiveCall | null = null;
    let rang = false;
    let timedOut = false;
    let hold: ReturnType<typeof setTimeout> | undefined;
    const hangUp = (): void => call?.hangUp();
    const deadline = setTimeout(() => {
      timedOut = true;
      hangUp();
    }, ANSWER_DEADLINE_MS);
    const finish = (): void => {
      clearTimeout(deadline);
      clearTimeout(hold);
      options.signal?.removeEventListener('abort', hangUp);
    };
    const onEvent = (event: CallEvent): void => {
      options.onEvent?.(event);
      switch (event.type) {
        case 'ringing':
          rang = true;
          break;
        case 'answered':
          clearTimeout(deadline);
          hold = setTimeout(hangUp, (options.holdSeconds ?? 5) * 1000);
          break;
        case 'ended':
          finish();
          resolve('answered');
          break;
        case 'failed':
          finish();
          // Our own hang-up at the deadline is the line not answering, not a cancellation.
          resolve(timedOut ? (rang ? 'no_answer' : 'unreachable') : event.reason);
          break;
      }
    };
    options.signal?.addEventListener('abort', hangUp);
    try {
      call = phone.call(target, { extension: null, microphoneId: options.microphoneId, onEvent });
    } catch (error) {
      finish();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
