import type { TFunction } from 'i18next';
import type { TestMyPhoneResult } from '../../../../components/telephony/test-my-phone';
import type { TelephonyStatus } from '../../../../components/telephony/telephony';

/** One line of the "Test my phone" report: what was found, and whether it is a problem. */
export interface TestLine {
  key: 'registration' | 'microphone' | 'call';
  ok: boolean;
  text: string;
}

function registrationLine(status: TelephonyStatus, t: TFunction): TestLine {
  const line = (ok: boolean, text: string): TestLine => ({ key: 'registration', ok, text });
  switch (status.state) {
    case 'ready':
      return line(true, t('telephony.myPhone.test.registration.ready'));
    case 'failed':
      return line(false, t(`telephony.myPhone.test.registration.${status.reason}`));
    case 'registering':
      // Still trying when the test gave up: nothing answered.
      return line(false, t('telephony.myPhone.test.registration.unreachable'));
    case 'unconfigured':
      return line(false, t('telephony.myPhone.test.registration.unconfigured'));
  }
}

/**
 * The test's findings in words: the phone system, the microphone, then the test call (made only
 * when both are fine and the library has a test number).
 */
export function testReport(
  result: TestMyPhoneResult,
  hasTestNumber: boolean,
  t: TFunction,
): TestLine[] {
  const registration = registrationLine(result.registration, t);
  const microphone: TestLine = {
    key: 'microphone',
    ok: result.microphone === 'ok',
    text: t(`telephony.myPhone.test.microphone.${result.microphone}`),
  };
  let call: TestLine;
  if (result.call === 'answered') {
    call = { key: 'call', ok: true, text: t('telephony.myPhone.test.call.answered') };
  } else if (result.call !== undefined) {
    const reason = t(`telephony.myPhone.test.reasons.${result.call}`);
    call = { key: 'call', ok: false, text: t('telephony.myPhone.test.call.failed', { reason }) };
  } else if (registration.ok && microphone.ok && !hasTestNumber) {
    call = { key: 'call', ok: true, text: t('telephony.myPhone.test.call.noNumber') };
  } else {
    call = { key: 'call', ok: false, text: t('telephony.myPhone.test.call.skipped') };
  }
  return [registration, microphone, call];
}
