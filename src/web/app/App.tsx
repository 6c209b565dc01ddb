import { lazy } from 'react';
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

// Patron pages are for coordinators and admins only: loaded when first opened, so callers'
// first load does not carry them.
const PatronListPage = lazy(() =>
  import('../features/patrons/components/PatronListPage').then((m) => ({
    default: m.PatronListPage,
  })),
);
const ImportPage = lazy(() =>
  import('../features/patrons/components/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const ImportReportPage = lazy(() =>
  import('../features/patrons/components/ImportReportPage').then((m) => ({
    default: m.ImportReportPage,
  })),
);

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
        <Route element={<RequireRole roles={['admin', 'coordinator']} />}>
          <Route path="patrons" element={<PatronListPage />} />
          <Route path="patrons/import" element={<ImportPage />} />
          <Route path="patrons/imports/:importId" element={<ImportReportPage />} />
        </Route>
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
