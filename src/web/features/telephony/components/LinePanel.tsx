import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import type { Line } from '../hooks/useLine';
import { isLive } from './line';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Reads "+16135550101" as "+1 613-555-0101", as the patron card does, else as it is. */
function readable(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `+1 ${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}` : e164;
}

/**
 * The call in progress: what the line is doing, mute, hang up, the keypad and the number's
 * extension. Shown on the patron card while the softphone places calls.
 */
export function LinePanel({ line }: { line: Line }) {
  const { t } = useTranslation();
  const [keypad, setKeypad] = useState(false);
  const { state } = line;
  if (state.phase === 'idle' && state.problem === null) return null;
  const live = isLive(state);
  const number = state.e164 === null ? '' : readable(state.e164);
  return (
    <section className="line" aria-labelledby="line-title">
      <h3 id="line-title" className="line__state">
        {t(`telephony.line.phase.${state.phase}`, { number })}
      </h3>
      {state.phase === 'failed' && state.problem !== null ? (
        <p>{t(`telephony.line.failure.${state.problem}`)}</p>
      ) : null}
      {state.phase === 'ended' && state.endedBy !== null ? (
        <p>{t(`telephony.line.endedBy.${state.endedBy}`)}</p>
      ) : null}
      {state.problem === 'refused' ? (
        <Alert tone="error">{errorMessage(line.refusal, t)}</Alert>
      ) : null}
      {live ? (
        <div className="line__controls">
          <Button variant="danger" onClick={line.hangUp}>
            {t('telephony.line.hangUp')}
          </Button>
          {state.phase === 'answered' ? (
            <>
              <Button variant="secondary" aria-pressed={state.muted} onClick={line.toggleMute}>
                {t('telephony.line.mute')}
              </Button>
              <Button
                variant="secondary"
                aria-expanded={keypad}
                aria-controls="line-keypad"
                onClick={() => setKeypad((open) => !open)}
              >
                {t('telephony.line.keypad')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {state.phase === 'answered' && state.extension !== null ? (
        state.digitsSent.includes(state.extension) ? (
          <p>{t('telephony.line.extensionSent', { extension: state.extension })}</p>
        ) : (
          <p>
            {t('telephony.line.extensionSoon', { extension: state.extension })}{' '}
            <Button variant="secondary" onClick={line.sendExtension}>
              {t('telephony.line.extensionNow', { extension: state.extension })}
            </Button>
          </p>
        )
      ) : null}
      {state.phase === 'answered' && keypad ? (
        <div
          id="line-keypad"
          className="keypad"
          role="group"
          aria-label={t('telephony.line.keypad')}
        >
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className="keypad__key"
              onClick={() => line.sendDigits(key)}
            >
              {key}
            </button>
          ))}
        </div>
      ) : null}
      {state.digitsSent !== '' ? (
        <p className="muted">{t('telephony.line.digitsSent', { digits: state.digitsSent })}</p>
      ) : null}
    </section>
  );
}
