import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimNextResult } from '../../../../shared/schemas/calls.js';
import { useLibrary, useServices } from '../../../app/catalogue';
import { useCurrentUser } from '../../../app/session';
import { SoftphoneStatus, useMicrophone, useSoftphone } from '../../../app/softphoneParts';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { FocusedAlert } from '../../../components/ui/FocusedAlert';
import { PageHeading } from '../../../components/ui/PageHeading';
import {
  useCampaignDetails,
  useClaimNext,
  useCurrentCall,
  useLease,
  useRelease,
  useSetCurrentCall,
  useWorkableCampaigns,
} from '../hooks/useCall';
import { useShortcuts } from '../hooks/useShortcuts';
import { HeldFor } from './CallTimer';
import { CallView } from './CallView';
import { CampaignChoice } from './CampaignChoice';
import { dateTime, displayName } from './format';
import '../../../styles/calling.css';

/** The campaign last worked on this browser, so a caller starts where they left off. */
const CAMPAIGN_KEY = 'outreach-desk.calling.campaign';
const NEXT_KEY = 'p';

type None = Extract<ClaimNextResult, { status: 'none' }>;

export function WorkspacePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const campaigns = useWorkableCampaigns();
  const current = useCurrentCall();
  const call = current.data;
  const [chosen, setChosen] = useState<number | undefined>(() => {
    const saved = Number(window.localStorage.getItem(CAMPAIGN_KEY));
    return Number.isInteger(saved) && saved > 0 ? saved : undefined;
  });
  const list = campaigns.data ?? [];
  const onlyOne = list.length === 1 ? list[0]?.id : undefined;
  const known = list.some((c) => c.id === chosen) ? chosen : onlyOne;
  const campaignId = call?.campaignId ?? known;
  const details = useCampaignDetails(campaignId);
  const library = useLibrary();
  const services = useServices();
  const claim = useClaimNext();
  const release = useRelease();
  const setCall = useSetCurrentCall();
  const [announcement, setAnnouncement] = useState<string>();
  const [none, setNone] = useState<None>();
  const [lost, setLost] = useState(0);
  const [heldSince, setHeldSince] = useState(() => Date.now());
  const nextRef = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState(0);
  const softphone = useSoftphone(true);
  const microphone = useMicrophone(
    softphone.mode === 'softphone' && softphone.status.state === 'ready',
  );
  /** A softphone call is up: the patron cannot be skipped until it ends. */
  const [lineLive, setLineLive] = useState(false);

  useEffect(() => {
    if (focusNext > 0) nextRef.current?.focus();
  }, [focusNext]);

  const onLost = () => {
    setCall(null);
    setLost((n) => n + 1);
  };
  useLease(call, onLost);

  const choose = (id: number) => {
    setChosen(id);
    setNone(undefined);
    window.localStorage.setItem(CAMPAIGN_KEY, String(id));
  };

  const next = () => {
    if (campaignId === undefined || claim.isPending || call) return;
    setNone(undefined);
    setAnnouncement(undefined);
    claim.mutate(campaignId, {
      onSuccess: (result) => {
        if (result.status === 'claimed') {
          setLost(0);
          setHeldSince(Date.now());
          setAnnouncement(
            t('calling.announce.claimed', {
              names: result.call.patrons.map(displayName).join(', '),
            }),
          );
        } else {
          setNone(result);
          setAnnouncement(t(`calling.none.${result.reason}`));
        }
      },
    });
  };

  const skip = () => {
    if (!call || release.isPending || lineLive) return;
    release.mutate(call, {
      onSuccess: () => {
        setAnnouncement(t('calling.announce.skipped'));
        setFocusNext((n) => n + 1);
      },
    });
  };

  const onSaved = () => {
    setCall(null);
    setAnnouncement(t('calling.announce.saved'));
    setFocusNext((n) => n + 1);
  };

  useShortcuts(({ letter }) => {
    if (letter !== NEXT_KEY || call) return false;
    next();
    return true;
  });

  if (campaigns.isPending || current.isPending) return <Loading label={t('app.loading')} />;
  const loadError = campaigns.error ?? current.error;
  if (loadError) {
    return (
      <>
        <PageHeading title={t('calling.title')} />
        <Alert tone="error">{errorMessage(loadError, t)}</Alert>
      </>
    );
  }

  return (
    <div className="workspace">
      <PageHeading title={t('calling.title')} />
      <StatusMessage message={announcement} />
      <SoftphoneStatus softphone={softphone} microphone={microphone} />
      {lost > 0 ? (
        <FocusedAlert title={t('calling.lost.title')} focusKey={lost}>
          <p>{t('calling.lost.text')}</p>
        </FocusedAlert>
      ) : null}
      {release.isError ? <Alert tone="error">{errorMessage(release.error, t)}</Alert> : null}
      <CampaignChoice
        campaigns={list}
        campaignId={campaignId}
        details={details.data}
        locked={Boolean(call)}
        onChoose={choose}
      />
      {call ? (
        <>
          <div className="call-bar">
            <p className="call-bar__what">
              {call.campaignName} · <HeldFor since={heldSince} />
            </p>
            <Button variant="secondary" busy={release.isPending || lineLive} onClick={skip}>
              {t('calling.skip')}
            </Button>
          </div>
          <CallView
            key={call.claimId}
            call={call}
            scheme={user.callScheme}
            softphone={softphone}
            microphoneId={microphone.selected}
            onLineLive={setLineLive}
            callerName={user.name}
            campaign={details.data}
            library={library.data}
            services={services.data ?? []}
            announce={setAnnouncement}
            onSaved={onSaved}
            onLost={onLost}
          />
        </>
      ) : campaignId !== undefined ? (
        <div className="next-patron">
          {/* A plain button: the focus returns here after each call, so it needs a ref. */}
          <button
            ref={nextRef}
            type="button"
            className="button button--primary next-patron__button"
            aria-disabled={claim.isPending || undefined}
            aria-keyshortcuts="P"
            onClick={next}
          >
            {claim.isPending ? t('calling.claiming') : t('calling.next')}
            <kbd className="next-patron__key" aria-hidden="true">
              P
            </kbd>
          </button>
          <p className="muted">{t('calling.nextHint')}</p>
          {claim.isError ? <Alert tone="error">{errorMessage(claim.error, t)}</Alert> : null}
          {none ? (
            <Alert tone="info" title={t(`calling.none.${none.reason}`)}>
              {none.nextDueAt ? (
                <p>
                  {t('calling.none.nextDue', { when: dateTime(none.nextDueAt, i18n.language) })}
                </p>
              ) : null}
            </Alert>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
