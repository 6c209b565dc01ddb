import { Route, Routes } from 'react-router';
import { AuditPage } from '../features/audit/components/AuditPage';
import { SetupPage } from '../features/auth/components/SetupPage';
import { SignInPage } from '../features/auth/components/SignInPage';
import { HomePage } from '../features/home/components/HomePage';
import { SettingsPage } from '../features/settings/components/SettingsPage';
import { CreateStaffPage } from '../features/staff/components/CreateStaffPage';
import { EditStaffPage } from '../features/staff/components/EditStaffPage';
import { StaffPage } from '../features/staff/components/StaffPage';
import { RequireRole, RequireSession } from './guards';
import { useFollowUserLanguage } from './language';
import { PublicShell, SignedInShell } from './shells';
import { NotFoundPage } from './StatusPages';

export function App() {
  useFollowUserLanguage();
  return (
    <Routes>
      <Route element={<PublicShell />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="setup" element={<SetupPage />} />
      </Route>
      <Route
        element={
          <RequireSession>
            <SignedInShell />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route element={<RequireRole roles={['admin']} />}>
          <Route path="staff" element={<StaffPage />} />
          <Route path="staff/new" element={<CreateStaffPage />} />
          <Route path="staff/:userId" element={<EditStaffPage />} />
          <Route path="audit" element={<AuditPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
