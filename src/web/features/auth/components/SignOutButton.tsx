import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { useSignOut } from '../hooks/useAuth';

export function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Button variant="quiet" busy={signOut.isPending} onClick={() => signOut.mutate()}>
      {t('auth.signOut')}
    </Button>
  );
}
