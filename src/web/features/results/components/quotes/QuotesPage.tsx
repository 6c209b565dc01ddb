import { useRef, useState, type ReactNode, type RefObject, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Quote } from '../../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../../app/i18n';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { FocusedAlert } from '../../../../components/ui/FocusedAlert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { SelectField } from '../../../../components/ui/SelectField';
import type { QuoteStatus } from '../../api/results';
import { idOf } from '../../hooks/usePeriod';
import { useModerateQuote, useQuotes } from '../../hooks/useQuotes';
import { useCampaignNames } from '../../hooks/useStats';
import { quoteForCopy } from '../figures';
import { QuoteCard, selectQuoteText } from './QuoteCard';
import '../../../../styles/results.css';

const ALL = 'all';

function CampaignFilter({
  campaignId,
  onApply,
}: {
  campaignId: number | undefined;
  onApply: (campaignId: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const campaigns = useCampaignNames();
  const [value, setValue] = useState(campaignId === undefined ? ALL : String(campaignId));
  const options = [
    { value: ALL, label: t('results.quotes.filter.all') },
    ...(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.name })),
  ];
  // A campaign from the address that is not listed (yet) stays chosen.
  if (!options.some((o) => o.value === value)) {
    options.push({ value, label: t('results.quotes.filter.campaignNumber', { id: value }) });
  }
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(value === ALL ? undefined : Number(value));
  };
  return (
    <form
      className="filter"
      role="search"
      aria-label={t('results.quotes.filter.label')}
      onSubmit={onSubmit}
    >
      <SelectField
        id="quotes-campaign"
        label={t('results.quotes.filter.campaign')}
        value={value}
        options={options}
        onChange={setValue}
      />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('results.quotes.filter.apply')}
        </Button>
      </div>
    </form>
  );
}

interface ListProps {
  id: string;
  title: string;
  empty: string;
  lead?: string;
  quotes: readonly Quote[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  children: (quote: Quote) => ReactNode;
  /** Said by a summary already (the hidden quotes' disclosure): read out, not shown twice. */
  titleHidden?: boolean;
}

/** A titled list of quote cards; its heading takes focus when an item leaves it. */
function QuoteSection({
  id,
  title,
  empty,
  lead,
  quotes,
  headingRef,
  children,
  titleHidden = false,
}: ListProps) {
  const { t } = useTranslation();
  return (
    <section className="results-section quotes-section" aria-labelledby={id}>
      <h2
        id={id}
        ref={headingRef}
        tabIndex={-1}
        className={titleHidden ? 'visually-hidden' : undefined}
      >
        {title}
      </h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {quotes.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <p className="results__count">{t('results.quotes.count', { count: quotes.length })}</p>
          <ul className="plain-list quote-list">{quotes.map(children)}</ul>
        </>
      )}
    </section>
  );
}

/**
 * /quotes: patrons' words approved for sharing, ready to copy into a newsletter or a report; for
 * coordinators and admins also the quotes waiting for review, to approve or hide.
 */
export function QuotesPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const user = useCurrentUser();
  const moderator = user.role === 'admin' || user.role === 'coordinator';
  const [params, setParams] = useSearchParams();
  const campaignId = idOf(params.get('campaign'));
  const quotes = useQuotes(campaignId);
  const moderate = useModerateQuote();
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  const pendingRef = useRef<HTMLHeadingElement>(null);
  const approvedRef = useRef<HTMLHeadingElement>(null);
  const hiddenRef = useRef<HTMLHeadingElement>(null);
  const anonymous = t('results.quotes.anonymous');

  const all = quotes.data ?? [];
  const approved = all.filter((q) => q.status === 'approved');
  const pending = all.filter((q) => q.status === 'pending');
  const hidden = all.filter((q) => q.status === 'hidden');

  const copy = (quote: Quote) => {
    setMessage(undefined);
    const text = quoteForCopy(quote, anonymous, ui);
    const fallback = () => {
      // No clipboard (a page served over plain http, or refused): the words are selected instead.
      selectQuoteText(quote.id);
      setMessage(t('results.quotes.copyFailed'));
    };
    if (typeof navigator.clipboard === 'undefined') {
      fallback();
      return;
    }
    navigator.clipboard
      .writeText(text)
      .then(() => setMessage(t('results.quotes.copied')), fallback);
  };

  const change = (
    quote: Quote,
    status: QuoteStatus,
    from: RefObject<HTMLHeadingElement | null>,
  ) => {
    if (moderate.isPending) return;
    setMessage(undefined);
    moderate.mutate(
      { quoteId: quote.id, status },
      {
        onSuccess: () => {
          setMessage(t(`results.quotes.done.${status}`));
          // The quote leaves the list its button was in: continue from that list's heading.
          from.current?.focus();
        },
        onError: (error) =>
          setFailure((f) => ({ text: errorMessage(error, t), key: (f?.key ?? 0) + 1 })),
      },
    );
  };

  return (
    <>
      <PageHeading
        title={t('results.quotes.title')}
        lead={<p>{moderator ? t('results.quotes.lead') : t('results.quotes.leadViewer')}</p>}
      />
      <CampaignFilter
        key={campaignId ?? ALL}
        campaignId={campaignId}
        onApply={(id) => setParams(id === undefined ? {} : { campaign: String(id) })}
      />
      <StatusMessage message={message} />
      {failure ? (
        <FocusedAlert focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      {quotes.isPending ? <Loading label={t('app.loading')} /> : null}
      {quotes.isError ? <Alert tone="error">{errorMessage(quotes.error, t)}</Alert> : null}
      {quotes.data ? (
        <div className="quotes">
          {moderator ? (
            <QuoteSection
              id="quotes-pending"
              title={t('results.quotes.pending')}
              lead={t('results.quotes.pendingLead')}
              empty={t('results.quotes.pendingNone')}
              quotes={pending}
              headingRef={pendingRef}
            >
              {(quote) => (
                <QuoteCard
                  key={quote.id}
                  quote={quote}
                  withConsent
                  actions={({ reasonId }) => (
                    <>
                      <Button
                        disabled={!quote.consent}
                        aria-describedby={reasonId}
                        busy={moderate.isPending}
                        onClick={() => change(quote, 'approved', pendingRef)}
                      >
                        {t('results.quotes.approve')}
                      </Button>
                      <Button
                        variant="secondary"
                        busy={moderate.isPending}
                        onClick={() => change(quote, 'hidden', pendingRef)}
                      >
                        {t('results.quotes.hide')}
                      </Button>
                    </>
                  )}
                />
              )}
            </QuoteSection>
          ) : null}
          <QuoteSection
            id="quotes-approved"
            title={t('results.quotes.approved')}
            empty={t('results.quotes.approvedNone')}
            quotes={approved}
            headingRef={approvedRef}
          >
            {(quote) => (
              <QuoteCard
                key={quote.id}
                quote={quote}
                actions={({ name }) => (
                  <>
                    <Button
                      variant="secondary"
                      aria-label={t('results.quotes.copyLabel', { name })}
                      onClick={() => copy(quote)}
                    >
                      {t('results.quotes.copy')}
                    </Button>
                    {moderator ? (
                      <Button
                        variant="quiet"
                        busy={moderate.isPending}
                        onClick={() => change(quote, 'hidden', approvedRef)}
                      >
                        {t('results.quotes.hide')}
                      </Button>
                    ) : null}
                  </>
                )}
              />
            )}
          </QuoteSection>
          {moderator ? (
            <details className="quotes-hidden">
              <summary>{t('results.quotes.hidden', { count: hidden.length })}</summary>
              <QuoteSection
                id="quotes-hidden"
                title={t('results.quotes.hidden', { count: hidden.length })}
                empty={t('results.quotes.hiddenNone')}
                quotes={hidden}
                headingRef={hiddenRef}
                titleHidden
              >
                {(quote) => (
                  <QuoteCard
                    key={quote.id}
                    quote={quote}
                    withConsent
                    actions={() => (
                      <Button
                        variant="secondary"
                        busy={moderate.isPending}
                        onClick={() => change(quote, 'pending', hiddenRef)}
                      >
                        {t('results.quotes.restore')}
                      </Button>
                    )}
                  />
                )}
              </QuoteSection>
            </details>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
