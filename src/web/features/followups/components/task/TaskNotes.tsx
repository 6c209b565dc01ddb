import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Task } from '../../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../../app/i18n';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { TextArea } from '../../../../components/ui/TextArea';
import { useUpdateTask } from '../../hooks/useTasks';
import { dateTime, taskNoteText } from '../format';
import { refusalText } from '../refusal';

const noteSchema = z.object({ note: z.string().trim().min(1).max(4000) });

/** The task's notes, oldest first, and a note to add (not once the retention rules removed them). */
export function TaskNotes({ task, onDone }: { task: Task; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const update = useUpdateTask();
  const [note, setNote] = useState('');
  const form = useFormErrors({ idPrefix: 'task-note', labels: { note: t('tasks.notes.add') } });
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    const input = form.validate(noteSchema, { note });
    if (input === undefined) return;
    update.mutate(
      { id: task.id, input },
      {
        onSuccess: () => {
          setNote('');
          onDone(t('tasks.notes.added'));
        },
        onError: (error) => form.showApiError(error, refusalText(error, t)),
      },
    );
  };
  return (
    <section className="card followup-card" aria-labelledby="task-notes">
      <h2 id="task-notes">{t('tasks.notes.title')}</h2>
      {task.notes.length === 0 ? (
        <p className="muted">{t('tasks.notes.none')}</p>
      ) : (
        <ol className="timeline">
          {task.notes.map((n) => (
            <li key={n.id} className="timeline__item">
              <p className="timeline__meta">
                {t('tasks.notes.by', { name: n.author, date: dateTime(n.at, ui) })}
              </p>
              <p className="timeline__text">{taskNoteText(n.text, t)}</p>
            </li>
          ))}
        </ol>
      )}
      {task.purgedAt ? null : (
        <>
          <ErrorSummary
            focusKey={form.failures}
            items={form.summaryItems}
            formError={form.formError}
          />
          <form className="form" noValidate onSubmit={onSubmit}>
            <TextArea
              id={form.fieldId('note')}
              label={t('tasks.notes.add')}
              value={note}
              onChange={setNote}
              error={form.errors.note}
              maxLength={4000}
            />
            <div className="form__actions">
              <Button type="submit" variant="secondary" busy={update.isPending}>
                {t('tasks.notes.save')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
