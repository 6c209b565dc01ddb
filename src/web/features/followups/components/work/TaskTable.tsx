import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../../app/i18n';
import { Button } from '../../../../components/ui/Button';
import { OverdueBadge, TaskStatusBadge } from '../Badges';
import { dateOnly, taskTitle } from '../format';

export interface TaskTableProps {
  /** Prefix of the ids in the table (caption, links). */
  id: string;
  caption: string;
  tasks: readonly TaskSummary[];
  closed: boolean;
  /** Team tasks: who has it, and "Take it" for those not mine. */
  take?: { me: number; busyId: number | undefined; onTake: (task: TaskSummary) => void };
}

/** Tasks as a table: each links to its page; overdue ones say so in words. */
export function TaskTable({ id, caption, tasks, closed, take }: TaskTableProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table table--compact">
        <caption id={`${id}-caption`} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('tasks.fields.task')}</th>
            <th scope="col">{t('tasks.fields.patron')}</th>
            <th scope="col">{t('tasks.fields.type')}</th>
            <th scope="col">{closed ? t('tasks.fields.closedAt') : t('tasks.fields.dueAt')}</th>
            <th scope="col">{t('tasks.fields.status')}</th>
            {take ? <th scope="col">{t('tasks.fields.owner')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const title = taskTitle(task, t);
            const mine = task.owner?.id === take?.me;
            const active = task.status === 'open' || task.status === 'in_progress';
            return (
              <tr key={task.id}>
                <th scope="row">
                  <Link id={`${id}-link-${task.id}`} to={`/work/tasks/${task.id}`}>
                    {title}
                  </Link>
                  {task.campaignName ? (
                    <span className="cell-note">{task.campaignName}</span>
                  ) : null}
                </th>
                <td>{task.patronName}</td>
                <td>{t(`tasks.type.${task.type}`)}</td>
                <td>
                  <span className="nowrap">
                    {closed && task.closedAt
                      ? dateOnly(task.closedAt, ui)
                      : dateOnly(task.dueAt, ui)}
                  </span>
                  {task.overdue ? (
                    <>
                      {' '}
                      <OverdueBadge />
                    </>
                  ) : null}
                </td>
                <td>
                  <TaskStatusBadge status={task.status} />
                </td>
                {take ? (
                  <td>
                    {task.owner === null ? (
                      <span className="muted">{t('tasks.nobodyYet')}</span>
                    ) : mine ? (
                      t('tasks.you')
                    ) : (
                      task.owner.name
                    )}
                    {task.team ? <span className="cell-note">{task.team.name}</span> : null}
                    {!mine && active ? (
                      <div>
                        <Button
                          variant="secondary"
                          busy={take.busyId === task.id}
                          onClick={() => take.onTake(task)}
                        >
                          {t('tasks.take')}
                          <span className="visually-hidden">: {title}</span>
                        </Button>
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
