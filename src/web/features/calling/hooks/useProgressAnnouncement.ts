import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignProgress } from '../../../../shared/schemas/calls.js';

/** At most one announcement this often, however fast the figures move. */
const QUIET_MS = 15_000;

/**
 * What to read out when the picture changes in a way that matters (calls finished, callers
 * joining or leaving, callbacks falling due), not on every update of the stream. `announce`
 * reads out something else in the same region (the result of the coordinator's own action).
 */
export function useProgressAnnouncement(progress: CampaignProgress | undefined) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string>();
  const lastKey = useRef<string>(undefined);
  const lastAt = useRef(0);
  const pending = useRef<number>(undefined);
  const summary = progress
    ? [
        t('progress.announce', { done: progress.done, total: progress.total }),
        t('progress.announceCallers', { count: progress.callers.length }),
        t('progress.announceCallbacks', { count: progress.callbacksDue }),
      ].join(' ')
    : undefined;
  const key = progress
    ? [progress.status, progress.done, progress.callers.length, progress.callbacksDue].join('|')
    : undefined;
  useEffect(() => {
    if (key === undefined || summary === undefined) return;
    // The first picture is on screen already: only later changes are news.
    if (lastKey.current === undefined) {
      lastKey.current = key;
      return;
    }
    if (key === lastKey.current) return;
    lastKey.current = key;
    window.clearTimeout(pending.current);
    const wait = Math.max(0, lastAt.current + QUIET_MS - Date.now());
    pending.current = window.setTimeout(() => {
      lastAt.current = Date.now();
      setMessage(summary);
    }, wait);
  }, [key, summary]);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  return { message, announce: setMessage };
}
