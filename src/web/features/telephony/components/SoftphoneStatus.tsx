import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import type { MicrophoneChoice } from '../hooks/useMicrophone';
import type { SoftphoneState } from '../hooks/useSoftphone';

const DEFAULT_MICROPHONE = '';

/**
 * The phone's registration state, always on the calling screen while the softphone is used, and
 * the microphone it uses. The state line is a live region: a lost connection is heard.
 */
export function SoftphoneStatus({
  softphone,
  microphone,
}: {
  softphone: SoftphoneState;
  microphone: MicrophoneChoice;
}) {
  const { t } = useTranslation();
  if (softphone.mode === 'loading') return null;
  if (softphone.mode === 'links') {
    return softphone.reason === 'no_account' || softphone.reason === 'error' ? (
      <p className="softphone softphone--links muted">
        {t(`telephony.status.links.${softphone.reason}`)}{' '}
        <Link to="/settings">{t('telephony.status.settingsLink')}</Link>
      </p>
    ) : null;
  }
  const { status } = softphone;
  const failed = status.state === 'failed';
  return (
    <section className="softphone" aria-label={t('telephony.status.label')}>
      <p
        className={`softphone__state softphone__state--${status.state}`}
        role="status"
        aria-live="polite"
      >
        <span className="softphone__dot" aria-hidden="true" />
        {t(`telephony.status.${status.state}`)}
        {failed ? ` ${t(`telephony.status.failure.${status.reason}`)}` : null}
      </p>
      {failed && status.reason === 'unauthorized' ? (
        <Link to="/settings">{t('telephony.status.settingsLink')}</Link>
      ) : null}
      <div className="softphone__microphone">
        <label htmlFor="softphone-microphone">{t('telephony.microphone.label')}</label>
        <select
          id="softphone-microphone"
          value={microphone.selected ?? DEFAULT_MICROPHONE}
          onChange={(event) =>
            microphone.choose(event.target.value === DEFAULT_MICROPHONE ? null : event.target.value)
          }
        >
          <option value={DEFAULT_MICROPHONE}>{t('telephony.microphone.default')}</option>
          {microphone.microphones
            .filter((m) => m.id !== 'default' && m.id !== '')
            .map((m, index) => (
              <option key={m.id} value={m.id}>
                {m.label === '' ? t('telephony.microphone.numbered', { n: index + 1 }) : m.label}
              </option>
            ))}
        </select>
      </div>
      {microphone.check !== null && microphone.check !== 'ok' ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t(`telephony.microphone.${microphone.check}.title`)}</p>
          <p>{t(`telephony.microphone.${microphone.check}.text`)}</p>
          <Button variant="secondary" onClick={microphone.recheck}>
            {t('telephony.microphone.retry')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
