import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/ui/Alert';

// Features never import each other: the built-in softphone's settings shown on other features'
// pages are handed to them from here, and loaded when first shown.
const MyPhoneSection = lazy(() =>
  import('../features/telephony/components/settings/MyPhoneSection').then((m) => ({
    default: m.MyPhoneSection,
  })),
);
const StaffPhoneSection = lazy(() =>
  import('../features/telephony/components/settings/StaffPhoneSection').then((m) => ({
    default: m.StaffPhoneSection,
  })),
);

/** "My phone" on My settings: the staff member's own phone account and "Test my phone". */
export function MyPhonePart() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('app.loading')} />}>
      <MyPhoneSection />
    </Suspense>
  );
}

/** "Phone account" on an admin's Edit staff page: the staff member's phone account. */
export function StaffPhonePart(props: ComponentProps<typeof StaffPhoneSection>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('app.loading')} />}>
      <StaffPhoneSection {...props} />
    </Suspense>
  );
}
