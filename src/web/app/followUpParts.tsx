import { lazy, Suspense, type ComponentProps } from 'react';

// Features never import each other: the follow-up pieces the calling screen shows are handed to
// it from here, and loaded when first shown.
const ReferDialog = lazy(() =>
  import('../features/followups/components/ReferDialog').then((m) => ({
    default: m.ReferDialog,
  })),
);
const EnrolRecurringDialog = lazy(() =>
  import('../features/followups/components/recurring/EnrolRecurringDialog').then((m) => ({
    default: m.EnrolRecurringDialog,
  })),
);

/** "Refer to a service" for a patron: on the calling screen, with the claim as proof. */
export function ReferPart(props: ComponentProps<typeof ReferDialog>) {
  return (
    <Suspense fallback={null}>
      <ReferDialog {...props} />
    </Suspense>
  );
}

/** "Regular friendly calls" for a patron: on the calling screen, with the claim as proof. */
export function EnrolRecurringPart(props: ComponentProps<typeof EnrolRecurringDialog>) {
  return (
    <Suspense fallback={null}>
      <EnrolRecurringDialog {...props} />
    </Suspense>
  );
}
