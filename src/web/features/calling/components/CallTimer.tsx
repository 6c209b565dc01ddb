import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { useNow } from '../hooks/useNow';
import { clock } from './format';

export interface CallTimerProps {
  startedAt: Date | null;
  endedAt: Date | null;
  /** Without these the timer only shows the time (the softphone times the call itself). */
  onStart?: () => void;
  onStop?: () => void;
}

/**
 * How long the call has lasted. It starts when a number is clicked, or by hand when the caller
 * dials from a desk phone. Not a live region: a ticking clock read out every second would drown
 * everything else.
 */
export function CallTimer({ startedAt, endedAt, onStart, onStop }: CallTimerProps) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const seconds = startedAt ? ((endedAt?.getTime() ?? now) - startedAt.getTime()) / 1000 : 0;
  return (
    <div className="call-timer">
      <p className="call-timer__time">
        <span className="call-timer__label">{t('calling.timer.label')}</span>{' '}
        <span role="timer" className="call-timer__clock">
          {clock(seconds)}
        </span>
      </p>
      {onStart === undefined || onStop === undefined ? null : startedAt === null ? (
        <Button variant="secondary" onClick={onStart}>
          {t('calling.timer.start')}
        </Button>
      ) : endedAt === null ? (
        <Button variant="secondary" onClick={onStop}>
          {t('calling.timer.stop')}
        </Button>
      ) : null}
    </div>
  );
}

/** How long the caller has held this patron, to the minute. */
export function HeldFor({ since }: { since: number }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const minutes = Math.floor((now - since) / 60_000);
  return <span className="muted">{t('calling.heldFor', { count: minutes })}</span>;
}
