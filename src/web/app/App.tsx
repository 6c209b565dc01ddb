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

// Campaign pages are the largest part of the app: loaded when first opened.
const CampaignListPage = lazy(() =>
  import('../features/campaigns/components/CampaignListPage').then((m) => ({
    default: m.CampaignListPage,
  })),
);
const CampaignPage = lazy(() =>
  import('../features/campaigns/components/CampaignPage').then((m) => ({
    default: m.CampaignPage,
  })),
);
const CampaignBuilderPage = lazy(() =>
  import('../features/campaigns/components/builder/CampaignBuilderPage').then((m) => ({
    default: m.CampaignBuilderPage,
  })),
);
const PracticePage = lazy(() =>
  import('../features/campaigns/components/PracticePage').then((m) => ({
    default: m.PracticePage,
  })),
);
const ServicesPage = lazy(() =>
  import('../features/services/components/ServicesPage').then((m) => ({
    default: m.ServicesPage,
  })),
);
const LibraryPage = lazy(() =>
  import('../features/library/components/LibraryPage').then((m) => ({ default: m.LibraryPage })),
);

// E-mail pages are for coordinators and admins (mail settings for admins): loaded when first
// opened. The unsubscribe page is for patrons, who need nothing else of the app.
const TemplateListPage = lazy(() =>
  import('../features/email/components/templates/TemplateListPage').then((m) => ({
    default: m.TemplateListPage,
  })),
);
const TemplateEditorPage = lazy(() =>
  import('../features/email/components/templates/TemplateEditorPage').then((m) => ({
    default: m.TemplateEditorPage,
  })),
);
const OutboxPage = lazy(() =>
  import('../features/email/components/outbox/OutboxPage').then((m) => ({
    default: m.OutboxPage,
  })),
);
const PatronEmailsPage = lazy(() =>
  import('../features/email/components/patron/PatronEmailsPage').then((m) => ({
    default: m.PatronEmailsPage,
  })),
);
const MailSettingsPage = lazy(() =>
  import('../features/email/components/settings/MailSettingsPage').then((m) => ({
    default: m.MailSettingsPage,
  })),
);
const UnsubscribePage = lazy(() =>
  import('../features/email/components/unsubscribe/UnsubscribePage').then((m) => ({
    default: m.UnsubscribePage,
  })),
);

// The phone system settings (admins) load when first opened.
const TelephonySettingsPage = lazy(() =>
  import('../features/telephony/components/settings/TelephonySettingsPage').then((m) => ({
    default: m.TelephonySettingsPage,
  })),
);

// Results are for coordinators, admins and viewers: loaded when first opened, so callers' first
// load does not carry them or their charts (PERFORMANCE PA-14).
const LibraryResultsPage = lazy(() =>
  import('../features/results/components/ResultsPages').then((m) => ({
    default: m.LibraryResultsPage,
  })),
);
const CampaignResultsPage = lazy(() =>
  import('../features/results/components/ResultsPages').then((m) => ({
    default: m.CampaignResultsPage,
  })),
);
const ImpactReportPage = lazy(() =>
  import('../features/results/components/report/ImpactReportPage').then((m) => ({
    default: m.ImpactReportPage,
  })),
);
const QuotesPage = lazy(() =>
  import('../features/results/components/quotes/QuotesPage').then((m) => ({
    default: m.QuotesPage,
  })),
);

// The caller's workspace and the live progress load when first opened, keeping the first load
// light for everyone.
const WorkspacePage = lazy(() =>
  import('../features/calling/components/WorkspacePage').then((m) => ({
    default: m.WorkspacePage,
  })),
);
const ProgressPage = lazy(() =>
  import('../features/calling/components/ProgressPage').then((m) => ({
    default: m.ProgressPage,
  })),
);

// Follow-ups (tasks, escalations, the referral directory, teams) load when first opened.
const MyWorkPage = lazy(() =>
  import('../features/followups/components/work/MyWorkPage').then((m) => ({
    default: m.MyWorkPage,
  })),
);
const TaskPage = lazy(() =>
  import('../features/followups/components/task/TaskPage').then((m) => ({
    default: m.TaskPage,
  })),
);
const TeamsPage = lazy(() =>
  import('../features/followups/components/teams/TeamsPage').then((m) => ({
    default: m.TeamsPage,
  })),
);
const EscalationsPage = lazy(() =>
  import('../features/followups/components/escalations/EscalationsPage').then((m) => ({
    default: m.EscalationsPage,
  })),
);
const EscalationPage = lazy(() =>
  import('../features/followups/components/escalations/EscalationPage').then((m) => ({
    default: m.EscalationPage,
  })),
);
const ReferralServicesPage = lazy(() =>
  import('../features/followups/components/directory/ReferralServicesPage').then((m) => ({
    default: m.ReferralServicesPage,
  })),
);

export function App() {
  useFollowUserLanguage();
  return (
    <Routes>
      <Route element={<PublicShell />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="setup" element={<SetupPage />} />
        {/* From the link in a patron's e-mail: no sign-in, ever. */}
        <Route path="unsubscribe/:token" element={<UnsubscribePage />} />
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
        <Route path="campaigns" element={<CampaignListPage />} />
        <Route element={<RequireRole roles={['admin', 'coordinator', 'caller']} />}>
          <Route path="campaigns/:campaignId" element={<CampaignPage />} />
          <Route path="campaigns/:campaignId/practice" element={<PracticePage />} />
        </Route>
        <Route element={<RequireRole roles={['admin', 'coordinator', 'caller']} />}>
          <Route path="calling" element={<WorkspacePage />} />
          <Route path="work" element={<MyWorkPage />} />
          <Route path="work/tasks/:taskId" element={<TaskPage />} />
          <Route path="referral-services" element={<ReferralServicesPage />} />
        </Route>
        <Route element={<RequireRole roles={['admin', 'coordinator', 'viewer']} />}>
          <Route path="results" element={<LibraryResultsPage />} />
          <Route path="campaigns/:campaignId/results" element={<CampaignResultsPage />} />
          <Route path="reports/impact" element={<ImpactReportPage />} />
          <Route path="quotes" element={<QuotesPage />} />
        </Route>
        <Route element={<RequireRole roles={['admin', 'coordinator']} />}>
          <Route path="campaigns/:campaignId/progress" element={<ProgressPage />} />
          <Route path="campaigns/new" element={<CampaignBuilderPage />} />
          <Route path="campaigns/:campaignId/edit" element={<CampaignBuilderPage />} />
          <Route path="services" element={<ServicesPage />} />
          <Route path="patrons" element={<PatronListPage />} />
          <Route path="patrons/import" element={<ImportPage />} />
          <Route path="patrons/imports/:importId" element={<ImportReportPage />} />
          <Route path="patrons/:patronId/emails" element={<PatronEmailsPage />} />
          <Route path="email/templates" element={<TemplateListPage />} />
          <Route path="email/templates/new" element={<TemplateEditorPage />} />
          <Route path="email/templates/:templateId" element={<TemplateEditorPage />} />
          <Route path="email/outbox" element={<OutboxPage />} />
          <Route path="work/teams" element={<TeamsPage />} />
        </Route>
        {/* Coordinators work the queue; a caller follows, read-only, the concerns they raised. The
            urgent-concern e-mail links to an escalation: it opens here after sign-in. */}
        <Route element={<RequireRole roles={['admin', 'coordinator', 'caller']} />}>
          <Route path="escalations" element={<EscalationsPage />} />
          <Route path="escalations/:escalationId" element={<EscalationPage />} />
        </Route>
        <Route element={<RequireRole roles={['admin']} />}>
          <Route path="staff" element={<StaffPage />} />
          <Route path="staff/new" element={<CreateStaffPage />} />
          <Route path="staff/:userId" element={<EditStaffPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="settings/library" element={<LibraryPage />} />
          <Route path="settings/mail" element={<MailSettingsPage />} />
          <Route path="settings/telephony" element={<TelephonySettingsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
