import type { TEMPLATE_CLASSES, TEMPLATE_PURPOSES } from '../../../shared/schemas/email.js';

/**
 * Three starter e-mails, in English and French, written for older adults: short sentences, one
 * idea per paragraph, a phone number to call. In French the library's name is kept out of
 * phrases like « de {{library.name}} », whose article depends on the name.
 */

interface StarterVersion<L extends string> {
  language: L;
  subject: string;
  html: string;
  text: string;
}

export interface StarterEmailTemplate {
  key: string;
  name: string;
  description: string;
  class: (typeof TEMPLATE_CLASSES)[number];
  purpose: (typeof TEMPLATE_PURPOSES)[number];
  defaultLanguage: 'en';
  versions: [StarterVersion<'en'>, StarterVersion<'fr'>];
}

const lines = (...parts: string[]): string => parts.join('\n');

const WE_MISS_YOU: StarterEmailTemplate = {
  key: 'we-miss-you',
  name: 'We miss you',
  description:
    'For patrons who have not visited in a while: what the library offers online, from e-books to the digital card.',
  class: 'promotional',
  purpose: 'general',
  defaultLanguage: 'en',
  versions: [
    {
      language: 'en',
      subject: 'We miss you, {{patron.firstName}}',
      html: lines(
        '<p>Hello {{patron.firstName}},</p>',
        '<p>It has been a while since we last saw you, and we miss you. We would like you to know that the library is still here for you — online, at any hour, from home. It is all free with your library card.</p>',
        '<p>You can read e-books and listen to audiobooks, watch movies and shows, join a talk or a book club online, and get a digital library card for someone in your family. Here are a few services you might enjoy:</p>',
        '{{services.list}}',
        '<p>You will find everything on our website: <a href="{{library.website}}">{{library.website}}</a></p>',
        '<p>Would you like a hand getting started? Call us at {{library.callbackNumber}}. We will gladly help, one step at a time.</p>',
        '<p>We hope to see you soon,<br>{{library.name}}</p>',
      ),
      text: lines(
        'Hello {{patron.firstName}},',
        '',
        'It has been a while since we last saw you, and we miss you. We would like you to know that the library is still here for you — online, at any hour, from home. It is all free with your library card.',
        '',
        'You can read e-books and listen to audiobooks, watch movies and shows, join a talk or a book club online, and get a digital library card for someone in your family. Here are a few services you might enjoy:',
        '',
        '{{services.list}}',
        '',
        'You will find everything on our website: {{library.website}}',
        '',
        'Would you like a hand getting started? Call us at {{library.callbackNumber}}. We will gladly help, one step at a time.',
        '',
        'We hope to see you soon,',
        '{{library.name}}',
      ),
    },
    {
      language: 'fr',
      subject: 'Vous nous manquez, {{patron.firstName}}',
      html: lines(
        '<p>Bonjour {{patron.firstName}},</p>',
        '<p>Cela fait un moment que nous n’avons pas eu le plaisir de vous voir, et vous nous manquez. Nous voulions vous rappeler que la bibliothèque est toujours là pour vous — en ligne, à toute heure, sans sortir de chez vous. Et c’est gratuit avec votre carte de bibliothèque.</p>',
        '<p>Vous pouvez lire des livres numériques et écouter des livres audio, regarder des films et des séries, participer à une conférence ou à un club de lecture en ligne, et obtenir une carte de bibliothèque numérique pour un membre de votre famille. Voici quelques services qui pourraient vous plaire :</p>',
        '{{services.list}}',
        '<p>Vous trouverez tout sur notre site Web : <a href="{{library.website}}">{{library.website}}</a></p>',
        '<p>Vous aimeriez un coup de main pour commencer? Appelez-nous au {{library.callbackNumber}}. Nous vous guiderons avec plaisir, étape par étape.</p>',
        '<p>Au plaisir de vous revoir bientôt,<br>{{library.name}}</p>',
      ),
      text: lines(
        'Bonjour {{patron.firstName}},',
        '',
        'Cela fait un moment que nous n’avons pas eu le plaisir de vous voir, et vous nous manquez. Nous voulions vous rappeler que la bibliothèque est toujours là pour vous — en ligne, à toute heure, sans sortir de chez vous. Et c’est gratuit avec votre carte de bibliothèque.',
        '',
        'Vous pouvez lire des livres numériques et écouter des livres audio, regarder des films et des séries, participer à une conférence ou à un club de lecture en ligne, et obtenir une carte de bibliothèque numérique pour un membre de votre famille. Voici quelques services qui pourraient vous plaire :',
        '',
        '{{services.list}}',
        '',
        'Vous trouverez tout sur notre site Web : {{library.website}}',
        '',
        'Vous aimeriez un coup de main pour commencer? Appelez-nous au {{library.callbackNumber}}. Nous vous guiderons avec plaisir, étape par étape.',
        '',
        'Au plaisir de vous revoir bientôt,',
        '{{library.name}}',
      ),
    },
  ],
};

// Sent after the last unanswered call, often by a mailing rather than a caller: no {{caller.name}}.
const SORRY_WE_MISSED_YOU: StarterEmailTemplate = {
  key: 'sorry-we-missed-you',
  name: 'Sorry we missed you',
  description:
    'After the last unanswered call: we tried to reach you to check in; here is how to reach us and what we offer.',
  class: 'promotional',
  purpose: 'missed_you',
  defaultLanguage: 'en',
  versions: [
    {
      language: 'en',
      subject: 'Sorry we missed you, {{patron.firstName}}',
      html: lines(
        '<p>Hello {{patron.firstName}},</p>',
        '<p>Someone from {{library.name}} tried to call you recently, just to check in and see how you are doing. We are sorry we could not reach you. Nothing is wrong, and there is nothing you need to do.</p>',
        '<p>If you would like to talk with us, please call {{library.callbackNumber}}. We would be glad to hear from you.</p>',
        '<p>In the meantime, here are some things the library offers that you might enjoy:</p>',
        '{{services.list}}',
        '<p>Take care,<br>{{library.name}}</p>',
      ),
      text: lines(
        'Hello {{patron.firstName}},',
        '',
        'Someone from {{library.name}} tried to call you recently, just to check in and see how you are doing. We are sorry we could not reach you. Nothing is wrong, and there is nothing you need to do.',
        '',
        'If you would like to talk with us, please call {{library.callbackNumber}}. We would be glad to hear from you.',
        '',
        'In the meantime, here are some things the library offers that you might enjoy:',
        '',
        '{{services.list}}',
        '',
        'Take care,',
        '{{library.name}}',
      ),
    },
    {
      language: 'fr',
      subject: 'Nous avons tenté de vous joindre, {{patron.firstName}}',
      html: lines(
        '<p>Bonjour {{patron.firstName}},</p>',
        '<p>Une personne de la bibliothèque a tenté de vous appeler récemment, simplement pour prendre de vos nouvelles. Nous sommes désolés de ne pas avoir pu vous joindre. Ce n’est rien d’inquiétant, et vous n’avez rien à faire.</p>',
        '<p>Si vous voulez nous parler, appelez-nous au {{library.callbackNumber}}. Ça nous fera plaisir d’avoir de vos nouvelles.</p>',
        '<p>En attendant, voici quelques services de la bibliothèque qui pourraient vous plaire :</p>',
        '{{services.list}}',
        '<p>Prenez soin de vous,<br>{{library.name}}</p>',
      ),
      text: lines(
        'Bonjour {{patron.firstName}},',
        '',
        'Une personne de la bibliothèque a tenté de vous appeler récemment, simplement pour prendre de vos nouvelles. Nous sommes désolés de ne pas avoir pu vous joindre. Ce n’est rien d’inquiétant, et vous n’avez rien à faire.',
        '',
        'Si vous voulez nous parler, appelez-nous au {{library.callbackNumber}}. Ça nous fera plaisir d’avoir de vos nouvelles.',
        '',
        'En attendant, voici quelques services de la bibliothèque qui pourraient vous plaire :',
        '',
        '{{services.list}}',
        '',
        'Prenez soin de vous,',
        '{{library.name}}',
      ),
    },
  ],
};

const LINK_YOU_ASKED_FOR: StarterEmailTemplate = {
  key: 'link-you-asked-for',
  name: 'The link you asked for',
  description:
    'Sent by the caller during or after a call: the links to the services the patron wanted help with.',
  class: 'transactional',
  purpose: 'follow_up',
  defaultLanguage: 'en',
  versions: [
    {
      language: 'en',
      subject: 'The link you asked for',
      html: lines(
        '<p>Hello {{patron.firstName}},</p>',
        '<p>Thank you for taking the time to talk with {{caller.name}} from {{library.name}}. As promised, here is the information you asked for:</p>',
        '{{services.list}}',
        '<p>If a link does not work, or if you would like help using it, call us at {{library.callbackNumber}}. We are happy to help.</p>',
        '<p>Have a good day,<br>{{library.name}}</p>',
      ),
      text: lines(
        'Hello {{patron.firstName}},',
        '',
        'Thank you for taking the time to talk with {{caller.name}} from {{library.name}}. As promised, here is the information you asked for:',
        '',
        '{{services.list}}',
        '',
        'If a link does not work, or if you would like help using it, call us at {{library.callbackNumber}}. We are happy to help.',
        '',
        'Have a good day,',
        '{{library.name}}',
      ),
    },
    {
      language: 'fr',
      subject: 'Le lien que vous avez demandé',
      html: lines(
        '<p>Bonjour {{patron.firstName}},</p>',
        '<p>Merci d’avoir pris le temps de parler avec {{caller.name}}, de la bibliothèque. Comme promis, voici l’information que vous avez demandée :</p>',
        '{{services.list}}',
        '<p>Si un lien ne fonctionne pas, ou si vous aimeriez de l’aide pour l’utiliser, appelez-nous au {{library.callbackNumber}}. Ça nous fera plaisir de vous aider.</p>',
        '<p>Bonne journée,<br>{{library.name}}</p>',
      ),
      text: lines(
        'Bonjour {{patron.firstName}},',
        '',
        'Merci d’avoir pris le temps de parler avec {{caller.name}}, de la bibliothèque. Comme promis, voici l’information que vous avez demandée :',
        '',
        '{{services.list}}',
        '',
        'Si un lien ne fonctionne pas, ou si vous aimeriez de l’aide pour l’utiliser, appelez-nous au {{library.callbackNumber}}. Ça nous fera plaisir de vous aider.',
        '',
        'Bonne journée,',
        '{{library.name}}',
      ),
    },
  ],
};

export const STARTER_EMAIL_TEMPLATES: readonly StarterEmailTemplate[] = [
  WE_MISS_YOU,
  SORRY_WE_MISSED_YOU,
  LINK_YOU_ASKED_FOR,
];
