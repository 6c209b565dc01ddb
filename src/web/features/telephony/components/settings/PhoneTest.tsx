import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoftphoneConfig } from '../../../../../shared/schemas/telephony.js';
import { isApiError } from '../../../../api/client';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Button } from '../../../../components/ui/Button';
import { getSoftphoneConfig } from '../../api/telephony';
import { useMicrophone } from '../../hooks/useMicrophone';
import { testReport, type TestLine } from './phoneTest';

type Unavailable = Extract<SoftphoneConfig, { available: false }>['reason'];

type TestState =
  | { step: 'idle' }
  | { step: 'testing'; progress: 'connecting' | 'ringing' | 'talking' }
  | { step: 'done'; lines: TestLine[] }
  | { step: 'unavailable'; reason: Unavailable }
  | { step: 'error'; message: string };

/**
 * "Test my phone": registers with the saved account (read afresh, never from the cache), opens
 * the microphone and calls the library's test number. Progress and findings are read out from
 * one polite live region.
 */
export function PhoneTest() {
  const { t } = useTranslation();
  // The microphone chosen on the calling screen, on this browser; not checked until the test.
  const { selected: microphoneId } = useMicrophone(false);
  const [state, setState] = useState<TestState>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const testing = state.step === 'testing';

  const run = async () => {
    const abort = new AbortController();
    running.current = abort;
    setState({ step: 'testing', progress: 'connecting' });
    try {
      const config = await getSoftphoneConfig(abort.signal);
      if (!config.available) {
        setState({ step: 'unavailable', reason: config.reason });
        return;
      }
      // The SIP library loads only now, not with the settings page.
      const { testMyPhone } = await import('../../../../components/telephony/test-my-phone');
      const result = await testMyPhone(config, {
        microphoneId,
        signal: abort.signal,
        onEvent: (event) => {
          if (abort.signal.aborted) return;
          if (event.type === 'ringing') setState({ step: 'testing', progress: 'ringing' });
          if (event.type === 'answered') setState({ step: 'testing', progress: 'talking' });
        },
      });
      if (abort.signal.aborted) return;
      setState({ step: 'done', lines: testReport(result, config.testTarget !== null, t) });
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = isApiError(error)
        ? errorMessage(error, t)
        : t('telephony.myPhone.test.failed');
      setState({ step: 'error', message });
    }
  };

  const progressText = (progress: 'connecting' | 'ringing' | 'talking') => {
    switch (progress) {
      case 'connecting':
        return t('telephony.myPhone.test.testing');
      case 'ringing':
        return t('telephony.myPhone.test.ringing');
      case 'talking':
        return t('telephony.myPhone.test.talking');
    }
  };

  return (
    <div className="form">
      <h3 id="my-phone-test-title">{t('telephony.myPhone.test.title')}</h3>
      <p className="field__hint">{t('telephony.myPhone.test.lead')}</p>
      <div className="form__actions">
        <Button
          variant="secondary"
          busy={testing}
          onClick={() => {
            if (!testing) void run();
          }}
        >
          {testing ? t('telephony.myPhone.test.buttonBusy') : t('telephony.myPhone.test.button')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {state.step === 'testing' ? <p>{progressText(state.progress)}</p> : null}
        {state.step === 'unavailable' ? (
          <p>{t(`telephony.myPhone.test.notAvailable.${state.reason}`)}</p>
        ) : null}
        {state.step === 'error' ? <p className="field__error">{state.message}</p> : null}
        {state.step === 'done' ? (
          <ul className="plain-list">
            {state.lines.map((line) => (
              <li key={line.key}>
                <span aria-hidden="true">{line.ok ? '✓ ' : '✗ '}</span>
                {line.text}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
