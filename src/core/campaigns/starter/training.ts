import type { Training } from '../../../shared/schemas/campaigns.js';

/**
 * Default training shown to callers, per language: why we call, what to say about privacy,
 * answers to the usual objections and cold-call tips. Links are left for each library to add.
 */

export const STARTER_LANGUAGES = ['en', 'fr'] as const;
export type StarterLanguage = (typeof STARTER_LANGUAGES)[number];

const EN: Training = {
  talkingPoints: [
    'We call to check in on our patrons, especially those who may be isolated, and to make sure they know what the library can do for them right now.',
    'This is a friendly call, not a sales call: we never ask for money, passwords or banking details.',
    'Where we got their number: from their library account. We use it only to reach them about library services.',
    'Anyone can ask not to be called again. Record it politely and the library will not call them for campaigns.',
    'If someone needs more help than the library can give, record a wellbeing concern and offer community resources such as 211 Ontario (dial 2-1-1).',
  ],
  faq: [
    {
      question: 'How did you get my number?',
      answer:
        'It’s the number on your library account. We only use it to contact you about library services, and I can make a note if you’d rather we didn’t call.',
    },
    {
      question: 'Is this a scam?',
      answer:
        'It’s good to be careful! We will never ask for money, passwords or banking details. If you’d like to check, hang up and call the library’s main number — it’s on our website and your library card — and ask about our care calls.',
    },
    {
      question: 'I’m busy right now.',
      answer:
        'No problem at all. When would be a better time for me to call back? (Record the callback time.)',
    },
    {
      question: 'I don’t use the internet.',
      answer:
        'That’s fine — you can still use the library. You can put books on hold by phone and pick them up at the door, and our staff can answer your questions on the phone.',
    },
    {
      question: 'Don’t call me again.',
      answer:
        'I understand, and I’m sorry for the bother. I’ll make a note so we don’t call you again. (Record “do not call”; don’t argue or try to persuade.)',
    },
    {
      question: 'Can you renew my books? What about my fines?',
      answer:
        'Let me make a note of that so the right person can look into it and get back to you. (Record an information request with the details; don’t look up or discuss the account unless you are trained to.)',
    },
    {
      question: 'Why is the library calling me and not other people?',
      answer:
        'We’re calling many of our members — you haven’t been singled out and nothing is wrong with your account.',
    },
    {
      question: 'Can you call my mother / my neighbour too?',
      answer:
        'Thank you for thinking of them! They’re welcome to call the library themselves, or you can pass on our number. (Don’t take someone else’s details without their permission.)',
    },
  ],
  tips: [
    'Smile when you speak — it can be heard on the phone.',
    'Speak slowly and clearly, a little lower and louder than usual; many patrons are hard of hearing.',
    'Introduce yourself and the library first, before anything else.',
    'Don’t read the script word for word: use it as a guide and say it in your own words.',
    'Let silences happen. Give people time to think and to answer.',
    'Listen more than you talk; a check-in is about them, not the services.',
    'Voicemail: keep it short — your first name, the library and its main number. Leave no personal details and don’t say why beyond “a friendly call”.',
    'If a call becomes difficult or worrying, stay calm, record a concern and tell your coordinator.',
    'End warmly: thank them, give the library’s number, and wish them a good day.',
  ],
  links: [],
};

const FR: Training = {
  talkingPoints: [
    'On appelle pour prendre des nouvelles de nos membres, surtout de ceux qui pourraient être isolés, et pour s’assurer qu’ils savent ce que la bibliothèque peut faire pour eux en ce moment.',
    'C’est un appel amical, pas de la sollicitation : on ne demande jamais d’argent, de mot de passe ni de renseignements bancaires.',
    'D’où vient leur numéro : de leur dossier d’abonné à la bibliothèque. On l’utilise seulement pour les joindre au sujet des services de la bibliothèque.',
    'Toute personne peut demander à ne plus être appelée. Notez-le poliment, et la bibliothèque ne l’appellera plus pour ses campagnes.',
    'Si une personne a besoin de plus d’aide que ce que la bibliothèque peut offrir, inscrivez une préoccupation de bien-être et proposez des ressources communautaires comme le 211 Ontario (composer le 2-1-1).',
  ],
  faq: [
    {
      question: 'Comment avez-vous eu mon numéro?',
      answer:
        'C’est le numéro inscrit à votre dossier de la bibliothèque. On l’utilise seulement pour vous joindre au sujet de nos services, et je peux noter que vous préférez qu’on ne vous appelle pas.',
    },
    {
      question: 'Est-ce une arnaque?',
      answer:
        'Vous avez bien raison de vous méfier! On ne vous demandera jamais d’argent, de mot de passe ni de renseignements bancaires. Pour vérifier, raccrochez et appelez le numéro principal de la bibliothèque — il est sur notre site Web et sur votre carte — et renseignez-vous sur nos appels de bienveillance.',
    },
    {
      question: 'Je suis occupé en ce moment.',
      answer:
        'Pas de problème. Quel serait un meilleur moment pour vous rappeler? (Inscrivez le moment du rappel.)',
    },
    {
      question: 'Je n’utilise pas Internet.',
      answer:
        'Ce n’est pas grave — vous pouvez quand même profiter de la bibliothèque. Vous pouvez réserver des livres par téléphone et venir les chercher à la porte, et notre personnel peut répondre à vos questions au téléphone.',
    },
    {
      question: 'Ne m’appelez plus.',
      answer:
        'Je comprends, et je m’excuse du dérangement. Je vais le noter pour qu’on ne vous rappelle plus. (Inscrivez « ne pas appeler »; n’insistez pas.)',
    },
    {
      question: 'Pouvez-vous renouveler mes livres? Et mes frais de retard?',
      answer:
        'Je vais le prendre en note pour que la bonne personne s’en occupe et vous revienne. (Inscrivez une demande d’information avec les détails; ne consultez pas le dossier et n’en discutez pas sans la formation nécessaire.)',
    },
    {
      question: 'Pourquoi la bibliothèque m’appelle-t-elle, moi?',
      answer:
        'On appelle beaucoup de nos membres — ce n’est pas un appel ciblé et il n’y a aucun problème avec votre dossier.',
    },
    {
      question: 'Pouvez-vous appeler ma mère ou mon voisin aussi?',
      answer:
        'C’est gentil de penser à eux! Ils peuvent appeler la bibliothèque eux-mêmes, ou vous pouvez leur donner notre numéro. (Ne prenez pas les coordonnées d’une autre personne sans sa permission.)',
    },
  ],
  tips: [
    'Souriez en parlant — ça s’entend au téléphone.',
    'Parlez lentement et clairement, un peu plus bas et plus fort que d’habitude; bien des gens entendent mal.',
    'Présentez-vous et nommez la bibliothèque avant toute chose.',
    'Ne lisez pas le script mot à mot : servez-vous-en comme guide et dites les choses dans vos mots.',
    'Laissez les silences s’installer. Donnez aux gens le temps de réfléchir et de répondre.',
    'Écoutez plus que vous ne parlez; un appel de bienveillance, c’est d’abord pour la personne, pas pour les services.',
    'Boîte vocale : faites court — votre prénom, la bibliothèque et son numéro principal. Ne laissez aucun renseignement personnel et ne donnez pas d’autre raison qu’« un appel amical ».',
    'Si un appel devient difficile ou inquiétant, restez calme, inscrivez une préoccupation et avisez votre coordonnatrice ou coordonnateur.',
    'Concluez chaleureusement : remerciez la personne, donnez le numéro de la bibliothèque et souhaitez-lui une bonne journée.',
  ],
  links: [],
};

/** Default caller training by language. */
export const DEFAULT_TRAINING: Readonly<Record<StarterLanguage, Training>> = { en: EN, fr: FR };
