import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../../shared/schemas/users.js';

export function StaffTable({ staff }: { staff: readonly User[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-labelledby="staff-table-caption" tabIndex={0}>
      <table className="table">
        <caption id="staff-table-caption" className="visually-hidden">
          {t('staff.table.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.fields.name')}</th>
            <th scope="col">{t('staff.fields.email')}</th>
            <th scope="col">{t('staff.fields.role')}</th>
            <th scope="col">{t('staff.fields.language')}</th>
            <th scope="col">{t('staff.table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/staff/${user.id}`}>{user.name}</Link>
              </th>
              <td className="nowrap">{user.email}</td>
              <td>{t(`roles.${user.role}`)}</td>
              <td>{t(`language.name.${user.language}`)}</td>
              <td>
                <span className={user.disabled ? 'badge badge--off' : 'badge badge--on'}>
                  {user.disabled ? t('staff.status.disabled') : t('staff.status.active')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
