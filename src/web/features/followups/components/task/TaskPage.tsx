import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Task } from '../../../../../shared/schemas/followups.js';
import { inLanguage, useServices } from '../../../../app/catalogue';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useTask } from '../../hooks/useTasks';
import { OverdueBadge, TaskStatusBadge } from '../Badges';
import { dateOnly, dateTime, taskTitle } from '../format';
import { PatronContact } from '../PatronContact';
import { ReferDialog } from '../ReferDialog';
import { TaskChanges } from './TaskChanges';
import { ACTIONS_HEADING, TaskEmailDialog } from './TaskEmailDialog';
import { TaskNotes } from './TaskNotes';
import '../../../../styles/followups.css';

/** One task: who and what it is about, its notes, and what can be done with it. */
export function TaskPage() {
  const { t } = useTranslation();
  const id = Number(useParams().taskId);
  const task = useTask(id);
  const [message, setMessage] = useState<string>();
  const back = (
    <p className="breadcrumb">
      <Link to="/work">{t('tasks.back')}</Link>
    </p>
  );
  if (!Number.isInteger(id) || id <= 0 || task.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('tasks.title')} />
        <Alert tone="error">
          {task.isError ? errorMessage(task.error, t) : t('errors.NOT_FOUND')}
        </Alert>
      </>
    );
  }
  if (task.isPending) return <Loading label={t('app.loading')} />;
  return (
    <>
      {back}
      <TaskView task={task.data} message={message} onDone={setMessage} />
    </>
  );
}

function TaskView({
  task,
  message,
  onDone,
}: {
  task: Task;
  message: string | undefined;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const active = task.status === 'open' || task.status === 'in_progress';
  return (
    <>
      <PageHeading
        title={taskTitle(task, t)}
        lead={
          <p className="followup-lead">
            <TaskStatusBadge status={task.status} /> {t(`tasks.type.${task.type}`)}
            {task.overdue ? (
              <>
                {' '}
                <OverdueBadge />
              </>
            ) : null}
          </p>
        }
      />
      <StatusMessage message={message} />
      {task.purgedAt ? (
        <Alert tone="info">{t('tasks.purged', { date: dateOnly(task.purgedAt, ui) })}</Alert>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('tasks.fields.dueAt')}</dt>
          <dd>{dateOnly(task.dueAt, ui)}</dd>
        </div>
        <div>
          <dt>{t('tasks.fields.owner')}</dt>
          <dd>
            {task.owner ? task.owner.name : t('tasks.nobodyYet')}
            {task.team ? ` (${t('tasks.teamNamed', { team: task.team.name })})` : null}
          </dd>
        </div>
        {task.campaignName ? (
          <div>
            <dt>{t('tasks.fields.campaign')}</dt>
            <dd>{task.campaignName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('tasks.fields.createdAt')}</dt>
          <dd>
            {task.createdBy
              ? t('tasks.createdBy', { date: dateTime(task.createdAt, ui), name: task.createdBy })
              : dateTime(task.createdAt, ui)}
          </dd>
        </div>
        {task.closedAt ? (
          <div>
            <dt>{t('tasks.fields.closedAt')}</dt>
            <dd>{dateTime(task.closedAt, ui)}</dd>
          </div>
        ) : null}
      </dl>

      <div className="followup-columns">
        <div className="followup-main">
          <section className="card followup-card" aria-labelledby="task-request">
            <h2 id="task-request">{t('tasks.request')}</h2>
            {task.serviceKey ? <WantedService serviceKey={task.serviceKey} /> : null}
            {task.detail === '' ? (
              task.serviceKey ? null : (
                <p className="muted">{t('tasks.noDetail')}</p>
              )
            ) : (
              <p className="prewrap">{task.detail}</p>
            )}
          </section>

          {task.referral ? (
            <section className="card followup-card" aria-labelledby="task-referral">
              <h2 id="task-referral">{t('tasks.referral.title')}</h2>
              <dl className="facts facts--stacked">
                <div>
                  <dt>{t('tasks.referral.service')}</dt>
                  <dd>{task.referral.serviceName}</dd>
                </div>
                <div>
                  <dt>{t('tasks.referral.shared')}</dt>
                  <dd className="prewrap">{task.referral.shared || t('tasks.referral.none')}</dd>
                </div>
                <div>
                  <dt>{t('tasks.referral.note')}</dt>
                  <dd className="prewrap">{task.referral.note || t('tasks.referral.none')}</dd>
                </div>
              </dl>
            </section>
          ) : null}

          <TaskNotes task={task} onDone={onDone} />
        </div>

        <div className="followup-side">
          <PatronContact patron={task.patron} headingId="task-patron" />
          <section className="card followup-card" aria-labelledby={ACTIONS_HEADING}>
            <h2 id={ACTIONS_HEADING} tabIndex={-1}>
              {t('tasks.actions.title')}
            </h2>
            <div className="form__actions">
              <TaskEmailDialog task={task} onDone={onDone} />
              <ReferDialog
                patronId={task.patron.id}
                proof={{ taskId: task.id }}
                escalationId={null}
                onDone={onDone}
              />
            </div>
            {active && task.patron.emails.length === 0 ? (
              <p className="muted">{t('tasks.email.noAddress')}</p>
            ) : null}
            <TaskChanges task={task} onDone={onDone} />
          </section>
        </div>
      </div>
    </>
  );
}

/** The library service the patron wants help with, named in the interface language. */
function WantedService({ serviceKey }: { serviceKey: string }) {
  const { t } = useTranslation();
  const services = useServices(true);
  const service = services.data?.find((s) => s.key === serviceKey);
  const name = service ? inLanguage(service.name, currentLanguage()) : serviceKey;
  return <p>{t('tasks.wantsHelpWith', { service: name })}</p>;
}
