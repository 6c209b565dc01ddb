import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TestMyPhoneResult } from '../../../../components/telephony/test-my-phone';
import { testReport } from './phoneTest';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const report = (result: TestMyPhoneResult, hasTestNumber: boolean) =>
  testReport(result, hasTestNumber, t).map((line) => [
    line.ok,
    line.text.replace('telephony.myPhone.test.', ''),
  ]);

describe('testReport', () => {
  it('says all is well, the test call answered', () => {
    expect(
      report({ registration: { state: 'ready' }, microphone: 'ok', call: 'answered' }, true),
    ).toEqual([
      [true, 'registration.ready'],
      [true, 'microphone.ok'],
      [true, 'call.answered'],
    ]);
  });

  it('tells a wrong password from a phone system out of reach', () => {
    const failed = (reason: 'unauthorized' | 'unreachable') =>
      report(
        { registration: { state: 'failed', reason, detail: null }, microphone: 'ok' },
        true,
      )[0];
    expect(failed('unauthorized')).toEqual([false, 'registration.unauthorized']);
    expect(failed('unreachable')).toEqual([false, 'registration.unreachable']);
    expect(report({ registration: { state: 'registering' }, microphone: 'ok' }, true)[0]).toEqual([
      false,
      'registration.unreachable',
    ]);
  });

  it('explains a blocked or missing microphone, and skips the call', () => {
    expect(report({ registration: { state: 'ready' }, microphone: 'blocked' }, true)).toEqual([
      [true, 'registration.ready'],
      [false, 'microphone.blocked'],
      [false, 'call.skipped'],
    ]);
    expect(report({ registration: { state: 'ready' }, microphone: 'missing' }, true)[1]).toEqual([
      false,
      'microphone.missing',
    ]);
  });

  it('says why the test call failed', () => {
    expect(
      report({ registration: { state: 'ready' }, microphone: 'ok', call: 'busy' }, true)[2],
    ).toEqual([false, 'call.failed {"reason":"telephony.myPhone.test.reasons.busy"}']);
  });

  it('says when there is no test number to call', () => {
    expect(report({ registration: { state: 'ready' }, microphone: 'ok' }, false)[2]).toEqual([
      true,
      'call.noNumber',
    ]);
  });
});
