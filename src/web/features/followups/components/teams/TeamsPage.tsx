import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useStaffWhoCall, useTeams } from '../../hooks/useWork';
import { TeamForm } from './TeamForm';
import '../../../../styles/followups.css';

/**
 * Teams that can own tasks until one of their members takes it (the virtual information desk…).
 * Coordinators and admins create, rename and staff them.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const staff = useStaffWhoCall(true);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [message, setMessage] = useState<string>();
  const current = teams.data?.find((team) => team.id === editing);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/work">{t('tasks.back')}</Link>
      </p>
      <PageHeading title={t('teams.title')} lead={<p>{t('teams.lead')}</p>} />
      <StatusMessage message={message} />
      {staff.isError ? <Alert tone="error">{errorMessage(staff.error, t)}</Alert> : null}
      {editing === null ? (
        <p>
          <Button
            onClick={() => {
              setMessage(undefined);
              setEditing('new');
            }}
          >
            {t('teams.add')}
          </Button>
        </p>
      ) : (
        <TeamForm
          key={editing}
          team={current}
          staff={staff.data}
          staffPending={staff.isPending}
          onSaved={(name) => {
            setEditing(null);
            setMessage(t('teams.saved', { name }));
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {teams.isPending ? <Loading label={t('app.loading')} /> : null}
      {teams.isError ? <Alert tone="error">{errorMessage(teams.error, t)}</Alert> : null}
      {teams.data ? (
        teams.data.length === 0 ? (
          <p>{t('teams.none')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="teams-caption" tabIndex={0}>
            <table className="table">
              <caption id="teams-caption" className="visually-hidden">
                {t('teams.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('teams.fields.name')}</th>
                  <th scope="col">{t('teams.fields.members')}</th>
                  <th scope="col">{t('teams.fields.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {teams.data.map((team) => (
                  <tr key={team.id}>
                    <th scope="row">{team.name}</th>
                    <td>
                      {team.members.length === 0 ? (
                        <span className="muted">{t('teams.noMembers')}</span>
                      ) : (
                        team.members.map((m) => m.name).join(', ')
                      )}
                    </td>
                    <td>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setMessage(undefined);
                          setEditing(team.id);
                        }}
                      >
                        {t('teams.edit')}
                        <span className="visually-hidden"> {team.name}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </>
  );
}
