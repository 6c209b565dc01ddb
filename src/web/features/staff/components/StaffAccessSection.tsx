import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/schemas/users.js';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { useUpdateStaffMember } from '../hooks/useStaff';

/** Disabling ends the person's sessions and stops sign-in; their history stays. */
export function StaffAccessSection({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateStaffMember(user.id);
  const [done, setDone] = useState<string>();

  const toggle = () => {
    setDone(undefined);
    const disabled = !user.disabled;
    update.mutate(
      { disabled },
      {
        onSuccess: (updated) =>
          setDone(
            disabled
              ? t('staff.access.disabledDone', { name: updated.name })
              : t('staff.access.enabledDone', { name: updated.name }),
          ),
      },
    );
  };

  return (
    <section className="card" aria-labelledby="staff-access-title">
      <h2 id="staff-access-title">{t('staff.access.title')}</h2>
      <p>{user.disabled ? t('staff.access.isDisabled') : t('staff.access.isActive')}</p>
      {update.isError ? <Alert tone="error">{errorMessage(update.error, t)}</Alert> : null}
      {isSelf && !user.disabled ? (
        <p className="muted">{t('staff.access.notSelf')}</p>
      ) : (
        <div className="form__actions">
          <Button
            variant={user.disabled ? 'secondary' : 'danger'}
            busy={update.isPending}
            onClick={toggle}
          >
            {user.disabled ? t('staff.access.enable') : t('staff.access.disable')}
          </Button>
        </div>
      )}
      <StatusMessage message={done} />
    </section>
  );
}
