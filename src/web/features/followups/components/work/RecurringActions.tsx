import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecurringCalls } from '../../../../../shared/schemas/followups.js';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { useUpdateRecurringCalls } from '../../hooks/useRecurring';
import { RecurringChange } from './RecurringChange';

/**
 * Pause, resume, change or end one patron's recurring calls. Ending asks first; every change is
 * announced (or its error shown) through `onResult`.
 */
export function RecurringActions({
  recurring,
  onResult,
}: {
  recurring: RecurringCalls;
  onResult: (message: string, failed: boolean) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateRecurringCalls();
  const [ending, setEnding] = useState(false);
  if (recurring.status === 'ended') return null;
  const change = (status: 'active' | 'paused' | 'ended') =>
    update.mutate(
      { id: recurring.id, input: { status } },
      {
        onSuccess: () => {
          setEnding(false);
          onResult(t(`work.recurring.changed.${status}`, { name: recurring.patronName }), false);
        },
        onError: (error) => {
          setEnding(false);
          onResult(errorMessage(error, t), true);
        },
      },
    );
  const who = { name: recurring.patronName };
  return (
    <div className="recurring-actions">
      {recurring.status === 'active' ? (
        <Button
          variant="quiet"
          busy={update.isPending}
          aria-label={t('work.recurring.pauseFor', who)}
          onClick={() => change('paused')}
        >
          {t('work.recurring.pause')}
        </Button>
      ) : (
        <Button
          variant="quiet"
          busy={update.isPending}
          aria-label={t('work.recurring.resumeFor', who)}
          onClick={() => change('active')}
        >
          {t('work.recurring.resume')}
        </Button>
      )}
      <RecurringChange recurring={recurring} onResult={(message) => onResult(message, false)} />
      <Button
        variant="quiet"
        aria-label={t('work.recurring.endFor', who)}
        onClick={() => setEnding(true)}
      >
        {t('work.recurring.end')}
      </Button>
      <ConfirmDialog
        open={ending}
        title={t('work.recurring.endTitle', who)}
        confirmLabel={t('work.recurring.end')}
        tone="danger"
        busy={update.isPending}
        onConfirm={() => change('ended')}
        onCancel={() => setEnding(false)}
      >
        <p>{t('work.recurring.endText')}</p>
      </ConfirmDialog>
    </div>
  );
}
