import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH, type UiLanguage } from '../../../../shared/roles.js';
import { uiLanguageOptions } from '../../../components/form/options';
import { completeSetupInput } from '../../../../shared/schemas/users.js';
import { isApiError } from '../../../api/client';
import { currentLanguage } from '../../../app/i18n';
import { useCurrentUserQuery, useSetupStatus } from '../../../app/session';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { Alert, Loading } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { PageHeading } from '../../../components/ui/PageHeading';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { useCompleteSetup } from '../hooks/useAuth';

/** The one-time token travels in the fragment (#token=…) so it never reaches server logs. */
function tokenFrom(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? undefined : token;
}

/** First run: the person holding the setup link creates the first admin account. */
export function SetupPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const me = useCurrentUserQuery();
  const complete = useCompleteSetup();
  const [token] = useState(() => tokenFrom(location.hash));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<UiLanguage>(currentLanguage);
  const form = useFormErrors({
    idPrefix: 'setup',
    labels: {
      name: t('staff.fields.name'),
      email: t('auth.email'),
      password: t('auth.password'),
      language: t('staff.fields.language'),
    },
  });

  // Drop the token from the address bar and history once read.
  useEffect(() => {
    if (location.hash !== '') void navigate({ pathname: location.pathname }, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  if (me.data) return <Navigate to="/" replace />;
  if (setup.isPending) return <Loading label={t('app.loading')} />;
  if (setup.data?.needed === false) return <Navigate to="/sign-in" replace />;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (complete.isPending || token === undefined) return;
    const input = form.validate(completeSetupInput, { token, name, email, password, language });
    if (input === undefined) return;
    complete.mutate(input, {
      onError: (error) =>
        form.showApiError(
          error,
          isApiError(error) && error.code === 'FORBIDDEN' ? t('auth.setup.invalidLink') : undefined,
        ),
    });
  };

  return (
    <div className="narrow">
      <PageHeading title={t('auth.setup.title')} lead={<p>{t('auth.setup.lead')}</p>} />
      {token === undefined ? (
        <Alert tone="info" title={t('auth.setup.noTokenTitle')}>
          <p>{t('auth.setup.noToken')}</p>
        </Alert>
      ) : (
        <>
          <ErrorSummary
            focusKey={form.failures}
            items={form.summaryItems}
            formError={form.formError}
          />
          <form className="form" noValidate onSubmit={onSubmit}>
            <TextField
              id={form.fieldId('name')}
              label={t('staff.fields.name')}
              autoComplete="name"
              value={name}
              onChange={setName}
              error={form.errors.name}
            />
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
              autoComplete="new-password"
              hint={t('staff.passwordHint', { count: PASSWORD_MIN_LENGTH })}
              value={password}
              onChange={setPassword}
              error={form.errors.password}
            />
            <SelectField
              id={form.fieldId('language')}
              label={t('staff.fields.language')}
              value={language}
              options={uiLanguageOptions(t)}
              onChange={setLanguage}
              error={form.errors.language}
            />
            <div className="form__actions">
              <Button type="submit" busy={complete.isPending}>
                {complete.isPending ? t('common.saving') : t('auth.setup.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
