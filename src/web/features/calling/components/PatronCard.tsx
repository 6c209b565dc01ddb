import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallCard, CallScheme } from '../../../../shared/schemas/calls.js';
import { linkTelephony } from '../../../components/telephony/telephony';
import { CallHistory } from './CallHistory';
import { displayName, languageName, readablePhone } from './format';

type CallPatron = CallCard['patrons'][number];
type Phone = CallPatron['phones'][number];

/** The built-in softphone, ready to call: numbers become call buttons. */
export interface CardSoftphone {
  call: (e164: string) => void;
  /** A call is up: no other can start. */
  busy: boolean;
}

export interface PatronCardProps {
  call: CallCard;
  scheme: CallScheme;
  /** A number link was clicked: the call timer starts. */
  onDial: () => void;
  softphone: CardSoftphone | null;
}

/**
 * One number to call: a button when the built-in softphone places the call, else a link to the
 * caller's own phone app. Outside calling hours it is plain text.
 */
function Dial({
  e164,
  call,
  scheme,
  onDial,
  softphone,
  main = false,
}: {
  e164: string;
  main?: boolean;
} & Omit<PatronCardProps, 'call'> & { call: CallCard }) {
  const { t } = useTranslation();
  const number = readablePhone(e164);
  const className = main ? 'dial dial--main' : 'dial';
  if (!call.callableNow) return <span className={`${className} dial--off`}>{number}</span>;
  if (softphone) {
    return (
      <button
        type="button"
        className={`${className} dial--button`}
        aria-disabled={softphone.busy || undefined}
        aria-label={t('telephony.line.call', { number })}
        onClick={() => {
          if (!softphone.busy) softphone.call(e164);
        }}
      >
        {number}
      </button>
    );
  }
  return (
    <a
      className={className}
      href={linkTelephony(scheme).linkFor(e164) ?? undefined}
      onClick={onDial}
      aria-label={t('calling.card.callNumber', { number })}
    >
      {number}
    </a>
  );
}

function PhoneLink({ phone, ...card }: { phone: Phone } & PatronCardProps) {
  const { t } = useTranslation();
  if (!phone.valid || phone.e164 === null) {
    return (
      <>
        <span className="badge badge--warn">{t('phone.invalid')}</span> {phone.raw}
      </>
    );
  }
  return (
    <>
      <Dial e164={phone.e164} {...card} />
      {phone.extension ? (
        <span className="dial__ext">
          {' '}
          {t('calling.card.thenExtension', { extension: phone.extension })}
        </span>
      ) : null}
    </>
  );
}

function Person({ patron, ...card }: { patron: CallPatron } & PatronCardProps) {
  const { call } = card;
  const { t, i18n } = useTranslation();
  const preferred = patron.preferredName !== null && patron.preferredName !== patron.firstName;
  return (
    <li className="person">
      {/* With one person the card's heading already names them. */}
      {call.patrons.length > 1 ? <h3 className="person__name">{displayName(patron)}</h3> : null}
      {preferred ? (
        <p className="muted">{t('calling.card.legalName', { name: patron.firstName })}</p>
      ) : null}
      <dl className="person__facts">
        <div>
          <dt>{t('calling.card.language')}</dt>
          <dd>
            {patron.language ? languageName(patron.language, i18n.language) : t('patrons.none')}
          </dd>
        </div>
        <div>
          <dt>{t('calling.card.ageBand')}</dt>
          <dd>{patron.ageBand ?? t('patrons.none')}</dd>
        </div>
        <div>
          <dt>{t('calling.card.attempts')}</dt>
          <dd>{patron.attempts}</dd>
        </div>
      </dl>
      {patron.phones.length > 0 ? (
        <ul className="plain-list phones">
          {patron.phones.map((phone, index) => (
            <li key={`${phone.kind}-${index}`}>
              <span className="muted">{t(`phone.kind.${phone.kind}`)} </span>
              <PhoneLink phone={phone} {...card} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('calling.card.noPhone')}</p>
      )}
    </li>
  );
}

/**
 * Only what the call needs (TRUST PR-5): who is on the line, how to reach them, and what earlier
 * callers noted. A household is one call: every member is shown.
 */
export function PatronCard({
  headingRef,
  ...card
}: PatronCardProps & { headingRef: Ref<HTMLHeadingElement> }) {
  const { call } = card;
  const { t } = useTranslation();
  const household = call.patrons.length > 1;
  const names = call.patrons.map(displayName).join(', ');
  const shared = call.phone;
  return (
    <section className="call-panel patron-card" aria-labelledby="patron-card-title">
      <h2 id="patron-card-title" ref={headingRef} tabIndex={-1}>
        {household ? t('calling.card.household', { names }) : names}
      </h2>
      {call.isCallback ? (
        <p className="banner banner--callback">{t('calling.card.callbackBanner')}</p>
      ) : null}
      {!call.callableNow ? (
        <div className="alert alert--info">
          <p className="alert__title">
            {t('calling.card.notCallable', { timeZone: call.timeZone })}
          </p>
          {call.notCallableReason ? <p>{call.notCallableReason}</p> : null}
        </div>
      ) : null}
      {shared !== null ? (
        <p className="dial-main">
          <span className="dial-main__label">{t('calling.card.numberToCall')}</span>{' '}
          <Dial e164={shared} main {...card} />
        </p>
      ) : null}
      <ul className="people">
        {call.patrons.map((patron) => (
          <Person key={patron.patronId} patron={patron} {...card} />
        ))}
      </ul>
      <CallHistory history={call.history} />
    </section>
  );
}
