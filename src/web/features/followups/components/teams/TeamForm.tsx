import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { teamInput, type Team } from '../../../../../shared/schemas/followups.js';
import type { User } from '../../../../../shared/schemas/users.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Loading } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { TextField } from '../../../../components/ui/TextField';
import { useSaveTeam } from '../../hooks/useWork';

export interface TeamFormProps {
  team: Team | undefined;
  /** Staff who can be members; undefined while they load or when they cannot be listed. */
  staff: readonly User[] | undefined;
  staffPending: boolean;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** A new team, or a team renamed and given its members. */
export function TeamForm({ team, staff, staffPending, onSaved, onCancel }: TeamFormProps) {
  const { t } = useTranslation();
  const save = useSaveTeam();
  const [name, setName] = useState(team?.name ?? '');
  const [members, setMembers] = useState<string[]>(team?.members.map((m) => String(m.id)) ?? []);
  const form = useFormErrors({
    idPrefix: 'team',
    labels: { name: t('teams.fields.name'), memberIds: t('teams.fields.members') },
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Members who are not in the staff list (disabled since) are kept as they are.
  const options = [
    ...(staff ?? []).map((user) => ({
      value: String(user.id),
      label: `${user.name} (${t(`roles.${user.role}`)})`,
    })),
    ...(team?.members ?? [])
      .filter((m) => !(staff ?? []).some((user) => user.id === m.id))
      .map((m) => ({ value: String(m.id), label: m.name })),
  ];
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const input = form.validate(teamInput, { name, memberIds: members.map(Number) });
    if (input === undefined) return;
    save.mutate(
      { id: team?.id ?? null, input },
      {
        onSuccess: (saved) => onSaved(saved.name),
        onError: (error) => form.showApiError(error),
      },
    );
  };
  return (
    <section className="card followup-card" aria-labelledby="team-form-title">
      <h2 id="team-form-title" ref={heading} tabIndex={-1}>
        {team ? t('teams.editTitle', { name: team.name }) : t('teams.addTitle')}
      </h2>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={form.fieldId('name')}
          label={t('teams.fields.name')}
          autoComplete="off"
          value={name}
          onChange={setName}
          error={form.errors.name}
          maxLength={100}
        />
        {staffPending ? (
          <Loading label={t('app.loading')} />
        ) : options.length > 0 ? (
          <CheckboxGroup
            id={form.fieldId('memberIds')}
            legend={t('teams.fields.members')}
            hint={t('teams.membersHint')}
            options={options}
            values={members}
            onChange={setMembers}
            error={form.errors.memberIds}
          />
        ) : (
          <p className="muted">{t('teams.noStaff')}</p>
        )}
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
