import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { StaffPhonePart } from '../../../app/telephonyParts';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { useStaffMember } from '../hooks/useStaff';
import { ResetPasswordForm } from './ResetPasswordForm';
import { StaffAccessSection } from './StaffAccessSection';
import { StaffDetailsForm } from './StaffDetailsForm';

export function EditStaffPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const id = Number(useParams().userId);
  const member = useStaffMember(id);

  if (!Number.isInteger(id) || id <= 0) {
    return <Alert tone="error">{t('errors.NOT_FOUND')}</Alert>;
  }
  if (member.isPending) return <Loading label={t('app.loading')} />;
  if (member.isError) {
    return (
      <>
        <PageHeading title={t('staff.edit.notFoundTitle')} />
        <Alert tone="error">{errorMessage(member.error, t)}</Alert>
        <p>
          <Link to="/staff">{t('staff.edit.back')}</Link>
        </p>
      </>
    );
  }
  const user = member.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t('staff.edit.back')}</Link>
      </p>
      <PageHeading
        title={user.name}
        lead={
          <p>
            {user.email} · {t(`roles.${user.role}`)}
            {user.disabled ? ` · ${t('staff.status.disabled')}` : ''}
          </p>
        }
      />
      <div className="sections">
        <StaffDetailsForm key={user.id} user={user} />
        <StaffAccessSection user={user} isSelf={user.id === me.id} />
        <ResetPasswordForm user={user} />
        {user.role === 'viewer' ? null : <StaffPhonePart key={`phone-${user.id}`} user={user} />}
      </div>
    </>
  );
}
