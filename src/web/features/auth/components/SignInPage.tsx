import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { signInInput } from '../../../../shared/schemas/users.js';
import type { ReturnState } from '../../../app/guards';
import { useCurrentUserQuery, useSetupStatus } from '../../../app/session';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { Loading } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { PageHeading } from '../../../components/ui/PageHeading';
import { TextField } from '../../../components/ui/TextField';
import { useSignIn } from '../hooks/useAuth';

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useCurrentUserQuery();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors({
    idPrefix: 'sign-in',
    labels: { email: t('auth.email'), password: t('auth.password') },
  });

  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.data) {
    const from = (location.state as ReturnState | null)?.from;
    return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  }
  if (me.isPending) return <Loading label={t('app.loading')} />;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const input = form.validate(signInInput, { email, password });
    if (input === undefined) return;
    signIn.mutate(input, {
      onError: (error) => {
        setPassword('');
        form.showApiError(error);
      },
    });
  };

  return (
    <div className="narrow">
      <PageHeading title={t('auth.signIn.title')} lead={<p>{t('auth.signIn.lead')}</p>} />
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={form.fieldId('email')}
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={form.errors.email}
        />
        <TextField
          id={form.fieldId('password')}
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <div className="form__actions">
          <Button type="submit" busy={signIn.isPending}>
            {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
          </Button>
        </div>
      </form>
      <p className="muted">{t('auth.signIn.forgotten')}</p>
    </div>
  );
}
