import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/ui/Alert';

// Features never import each other: the e-mail pieces other features' pages show are handed to
// them from here, and loaded when first shown (the caller's screen stays light until then).
const CampaignEmails = lazy(() =>
  import('../features/email/components/campaign/CampaignEmails').then((m) => ({
    default: m.CampaignEmails,
  })),
);
const FollowUpEmail = lazy(() =>
  import('../features/email/components/followup/FollowUpEmail').then((m) => ({
    default: m.FollowUpEmail,
  })),
);

const MailModeNotice = lazy(() =>
  import('../features/email/components/MailModeNotice').then((m) => ({
    default: m.MailModeNotice,
  })),
);

/** The e-mail step of a campaign, on the campaign's page (coordinators and admins). */
export function CampaignEmailsPart(props: ComponentProps<typeof CampaignEmails>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('app.loading')} />}>
      <CampaignEmails {...props} />
    </Suspense>
  );
}

/** "Send follow-up e-mail" on the calling screen. */
export function FollowUpEmailPart(props: ComponentProps<typeof FollowUpEmail>) {
  return (
    <Suspense fallback={null}>
      <FollowUpEmail {...props} />
    </Suspense>
  );
}

/** Says when e-mail is only written to files (no relay yet), wherever staff send one. */
export function MailModeNoticePart() {
  return (
    <Suspense fallback={null}>
      <MailModeNotice withLink={false} />
    </Suspense>
  );
}
