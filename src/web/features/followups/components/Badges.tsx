import { useTranslation } from 'react-i18next';
import type {
  EscalationLevel,
  EscalationSummary,
  TaskStatus,
} from '../../../../shared/schemas/followups.js';

const TASK_TONE: Record<TaskStatus, string> = {
  open: 'badge badge--info',
  in_progress: 'badge badge--warning',
  done: 'badge badge--on',
  cancelled: 'badge badge--off',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <span className={TASK_TONE[status]}>{t(`tasks.status.${status}`)}</span>;
}

/** Overdue, in words and with a mark, never by colour alone. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--error">
      <span aria-hidden="true">! </span>
      {t('tasks.overdue')}
    </span>
  );
}

const LEVEL_TONE: Record<EscalationLevel, string> = {
  urgent: 'badge badge--error',
  practical_help: 'badge badge--warning',
  more_contact: 'badge badge--info',
};

/** The concern's level in words; urgent ones also carry a mark. */
export function LevelBadge({ level }: { level: EscalationLevel }) {
  const { t } = useTranslation();
  return (
    <span className={LEVEL_TONE[level]}>
      {level === 'urgent' ? <span aria-hidden="true">! </span> : null}
      {t(`escalations.level.${level}`)}
    </span>
  );
}

const ESCALATION_TONE: Record<EscalationSummary['status'], string> = {
  open: 'badge badge--error',
  acknowledged: 'badge badge--info',
  closed: 'badge badge--off',
};

export function EscalationStatusBadge({ status }: { status: EscalationSummary['status'] }) {
  const { t } = useTranslation();
  return <span className={ESCALATION_TONE[status]}>{t(`escalations.status.${status}`)}</span>;
}
