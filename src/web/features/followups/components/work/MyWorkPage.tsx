import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../../../shared/schemas/followups.js';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useTaskList, useUpdateTask } from '../../hooks/useTasks';
import { useWorkFilter, type WorkFilter } from '../../hooks/useWorkFilter';
import { taskTitle } from '../format';
import { refusalText } from '../refusal';
import { CallbacksSection } from './CallbacksSection';
import { RecurringCallsSection } from './RecurringCallsSection';
import { TaskTable } from './TaskTable';
import { WorkFilterForm } from './WorkFilterForm';
import '../../../../styles/followups.css';

/** "My work": my tasks, my teams' tasks (to take), my callbacks and my recurring calls. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const coordinator = user.role === 'admin' || user.role === 'coordinator';
  const { filter, setFilter } = useWorkFilter();
  const closed = filter.status === 'closed';
  const mine = useTaskList({ scope: 'mine', status: filter.status, overdue: filter.overdue });
  const team = useTaskList({ scope: 'team', status: filter.status, overdue: filter.overdue });
  const take = useUpdateTask();
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [filtered, setFiltered] = useState(false);

  const changeFilter = (next: WorkFilter) => {
    setMessage(undefined);
    setFiltered(next.status !== filter.status || next.overdue !== filter.overdue);
    setFilter(next);
  };
  const onTake = (task: TaskSummary) => {
    if (take.isPending) return;
    setFailure(undefined);
    setMessage(undefined);
    take.mutate(
      { id: task.id, input: { ownerId: user.id } },
      {
        onSuccess: (taken) => {
          setMessage(t('tasks.taken', { title: taskTitle(taken, t) }));
          // The button is gone: the keyboard carries on from the task's link.
          window.setTimeout(() => document.getElementById(`team-tasks-link-${taken.id}`)?.focus());
        },
        onError: (error) => setFailure(refusalText(error, t)),
      },
    );
  };
  const loaded = mine.data !== undefined && team.data !== undefined && !mine.isPlaceholderData;
  const listed =
    filtered && loaded && !team.isPlaceholderData
      ? t('work.listed', { mine: mine.data.length, team: team.data.length })
      : undefined;

  return (
    <>
      <PageHeading title={t('work.title')} lead={<p>{t('work.lead')}</p>} />
      {coordinator ? (
        <p className="form__actions">
          <Link className="button button--secondary" to="/work/teams">
            {t('work.teamsLink')}
          </Link>
          <Link className="button button--secondary" to="/escalations">
            {t('work.escalationsLink')}
          </Link>
        </p>
      ) : null}
      <WorkFilterForm filter={filter} onChange={changeFilter} />
      <StatusMessage message={message ?? listed} />
      {failure ? <Alert tone="error">{failure}</Alert> : null}

      <section className="work-section" aria-labelledby="my-tasks-title">
        <h2 id="my-tasks-title">{t('work.myTasks')}</h2>
        {mine.isPending ? <Loading label={t('app.loading')} /> : null}
        {mine.isError ? <Alert tone="error">{errorMessage(mine.error, t)}</Alert> : null}
        {mine.data ? (
          <>
            <p className="results__count">
              {closed
                ? t('work.closedCount', { count: mine.data.length })
                : t('work.activeCount', {
                    count: mine.data.length,
                    overdue: mine.data.filter((task) => task.overdue).length,
                  })}
            </p>
            {mine.data.length > 0 ? (
              <TaskTable
                id="my-tasks"
                caption={t('work.myTasks')}
                tasks={mine.data}
                closed={closed}
              />
            ) : null}
          </>
        ) : null}
      </section>

      <section className="work-section" aria-labelledby="team-tasks-title">
        <h2 id="team-tasks-title">{t('work.teamTasks')}</h2>
        <p className="muted">{coordinator ? t('work.teamLeadAll') : t('work.teamLead')}</p>
        {team.isPending ? <Loading label={t('app.loading')} /> : null}
        {team.isError ? <Alert tone="error">{errorMessage(team.error, t)}</Alert> : null}
        {team.data ? (
          <>
            <p className="results__count">{t('work.teamCount', { count: team.data.length })}</p>
            {team.data.length > 0 ? (
              <TaskTable
                id="team-tasks"
                caption={t('work.teamTasks')}
                tasks={team.data}
                closed={closed}
                take={{
                  me: user.id,
                  busyId: take.isPending ? take.variables.id : undefined,
                  onTake,
                }}
              />
            ) : null}
          </>
        ) : null}
      </section>

      {closed ? null : <CallbacksSection />}

      <RecurringCallsSection
        closed={closed}
        canSeeAll={coordinator}
        everyone={filter.everyone}
        onEveryone={(everyone) => setFilter({ ...filter, everyone })}
      />
    </>
  );
}
