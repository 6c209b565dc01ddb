import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  TASK_STATUSES,
  type Task,
  type TaskStatus,
  type UpdateTaskInput,
} from '../../../../../shared/schemas/followups.js';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Alert } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useUpdateTask } from '../../hooks/useTasks';
import { useStaffWhoCall, useTeams } from '../../hooks/useWork';
import { dateInputValue, endOfDay, taskTitle } from '../format';
import { refusalText } from '../refusal';

type Field = 'status' | 'dueAt' | 'teamId' | 'ownerId';

const SCHEMAS = {
  status: z.object({ status: z.enum(TASK_STATUSES) }),
  dueAt: z.object({ dueAt: z.string().refine((day) => endOfDay(day) !== undefined) }),
  teamId: z.object({ teamId: z.string().min(1) }),
  ownerId: z.object({ ownerId: z.string().min(1) }),
} as const;

/**
 * Changing a task: its status, its due date, and who has it — a team (anyone may hand it to one),
 * a person (coordinators), or me. One form per change, so each saves on its own.
 */
export function TaskChanges({ task, onDone }: { task: Task; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const coordinator = user.role === 'admin' || user.role === 'coordinator';
  const update = useUpdateTask();
  const teams = useTeams();
  const staff = useStaffWhoCall(coordinator);
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [due, setDue] = useState(dateInputValue(task.dueAt));
  const [teamId, setTeamId] = useState(task.team ? String(task.team.id) : '');
  const [ownerId, setOwnerId] = useState(task.owner ? String(task.owner.id) : '');
  // The task changed (saved here, or by the e-mail that closed it): the fields show it as it is.
  const [shown, setShown] = useState(task);
  if (shown !== task) {
    setShown(task);
    setStatus(task.status);
    setDue(dateInputValue(task.dueAt));
    setTeamId(task.team ? String(task.team.id) : '');
    setOwnerId(task.owner ? String(task.owner.id) : '');
  }
  const form = useFormErrors<Field>({
    idPrefix: 'task-change',
    labels: {
      status: t('tasks.fields.status'),
      dueAt: t('tasks.fields.dueAt'),
      teamId: t('tasks.change.team'),
      ownerId: t('tasks.change.person'),
    },
    messages: { teamId: t('validation.choose'), ownerId: t('validation.choose') },
  });
  const values = { status, dueAt: due, teamId, ownerId };

  const save = (input: UpdateTaskInput, done: string) => {
    if (update.isPending) return;
    update.mutate(
      { id: task.id, input },
      {
        onSuccess: () => {
          form.clear();
          onDone(done);
        },
        onError: (error) => form.showApiError(error, refusalText(error, t)),
      },
    );
  };
  const submit =
    (field: Field) =>
    (event: SubmitEvent<HTMLFormElement>): void => {
      event.preventDefault();
      if (form.validate(SCHEMAS[field], values) === undefined) return;
      switch (field) {
        case 'status':
          return save(
            { status },
            t('tasks.change.statusSaved', { status: t(`tasks.status.${status}`) }),
          );
        case 'dueAt': {
          const dueAt = endOfDay(due);
          if (dueAt === undefined) return;
          return save({ dueAt }, t('tasks.change.dueSaved'));
        }
        case 'teamId': {
          const team = teams.data?.find((x) => String(x.id) === teamId);
          if (!team) return;
          // Given to a team, the task waits there until one of its members takes it.
          return save(
            { teamId: team.id, ownerId: null },
            t('tasks.change.teamSaved', { team: team.name }),
          );
        }
        case 'ownerId': {
          const person = staff.data?.find((x) => String(x.id) === ownerId);
          if (!person) return;
          return save({ ownerId: person.id }, t('tasks.change.personSaved', { name: person.name }));
        }
      }
    };

  const mine = task.owner?.id === user.id;
  return (
    <div className="task-changes">
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      {mine ? null : (
        <p>
          <Button
            variant="secondary"
            busy={update.isPending}
            onClick={() =>
              save({ ownerId: user.id }, t('tasks.taken', { title: taskTitle(task, t) }))
            }
          >
            {t('tasks.takeThis')}
          </Button>
        </p>
      )}
      <form className="inline-form" noValidate onSubmit={submit('status')}>
        <SelectField
          id={form.fieldId('status')}
          label={t('tasks.fields.status')}
          value={status}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
          onChange={setStatus}
          error={form.errors.status}
        />
        <Button type="submit" variant="secondary" busy={update.isPending}>
          {t('tasks.change.saveStatus')}
        </Button>
      </form>
      <form className="inline-form" noValidate onSubmit={submit('dueAt')}>
        <TextField
          id={form.fieldId('dueAt')}
          type="date"
          label={t('tasks.fields.dueAt')}
          value={due}
          onChange={setDue}
          error={form.errors.dueAt}
        />
        <Button type="submit" variant="secondary" busy={update.isPending}>
          {t('tasks.change.saveDue')}
        </Button>
      </form>
      {teams.isError ? <Alert tone="error">{errorMessage(teams.error, t)}</Alert> : null}
      {teams.data && teams.data.length > 0 ? (
        <form className="inline-form" noValidate onSubmit={submit('teamId')}>
          <SelectField
            id={form.fieldId('teamId')}
            label={t('tasks.change.team')}
            value={teamId}
            options={[
              { value: '', label: t('tasks.change.chooseTeam') },
              ...teams.data.map((team) => ({ value: String(team.id), label: team.name })),
            ]}
            onChange={setTeamId}
            error={form.errors.teamId}
          />
          <Button type="submit" variant="secondary" busy={update.isPending}>
            {t('tasks.change.giveTeam')}
          </Button>
        </form>
      ) : null}
      {coordinator && staff.data ? (
        <form className="inline-form" noValidate onSubmit={submit('ownerId')}>
          <SelectField
            id={form.fieldId('ownerId')}
            label={t('tasks.change.person')}
            value={ownerId}
            options={[
              { value: '', label: t('tasks.change.choosePerson') },
              ...staff.data.map((person) => ({ value: String(person.id), label: person.name })),
            ]}
            onChange={setOwnerId}
            error={form.errors.ownerId}
          />
          <Button type="submit" variant="secondary" busy={update.isPending}>
            {t('tasks.change.givePerson')}
          </Button>
        </form>
      ) : null}
      {coordinator && staff.isError ? (
        <Alert tone="error">{errorMessage(staff.error, t)}</Alert>
      ) : null}
    </div>
  );
}
