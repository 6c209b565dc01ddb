import type { ScriptVersionBody } from '../../../shared/schemas/scripts.js';

/**
 * « Quoi de neuf à la bibliothèque », French. Lines marked « Note : » are for the caller. Step and
 * answer ids must match the English version.
 */
export const WHATS_NEW_FR: ScriptVersionBody = {
  language: 'fr',
  start: 'intro',
  steps: [
    {
      id: 'intro',
      type: 'question',
      title: 'Présentez-vous',
      text: 'Bonjour, je m’appelle {{caller.name}} et j’appelle de la part de {{library.name}}. Est-ce que je pourrais parler à {{patron.firstName}}, s’il vous plaît?',
      answers: [
        { id: 'speaking', label: 'C’est {{patron.firstName}} au bout du fil', next: 'why' },
        {
          id: 'not-available',
          label: 'La personne n’est pas disponible',
          next: 'end-not-available',
        },
      ],
    },
    {
      id: 'why',
      type: 'say',
      title: 'La raison de l’appel',
      text: 'On appelle quelques-uns de nos fidèles usagers pour prendre de leurs nouvelles, et pour vous faire connaître les façons de profiter de la bibliothèque en ce moment.',
      next: 'good-time',
    },
    {
      id: 'good-time',
      type: 'question',
      title: 'Est-ce un bon moment?',
      text: 'Avez-vous quelques minutes?',
      answers: [
        { id: 'yes', label: 'Oui, allez-y', next: 'check-in' },
        { id: 'call-back', label: 'Pas maintenant — rappeler plus tard', next: 'end-call-back' },
        { id: 'no-thanks', label: 'Non, merci', next: 'end-no-thanks' },
        { id: 'do-not-call', label: 'Ne plus m’appeler, s’il vous plaît', next: 'end-do-not-call' },
      ],
    },
    {
      id: 'check-in',
      type: 'question',
      title: 'Prenez des nouvelles',
      text: 'Tout d’abord, comment allez-vous, vous et votre famille?',
      answers: [
        { id: 'well', label: 'Ça va bien', next: 'digital-services' },
        { id: 'needs-help', label: 'Aurait besoin d’un peu d’aide', next: 'support' },
      ],
    },
    {
      id: 'support',
      type: 'say',
      title: 'Offrez du soutien',
      text: 'Ça me fait de la peine d’entendre ça. Le 211 Ontario peut vous mettre en contact avec de l’aide près de chez vous — composez simplement le 2-1-1, à toute heure; c’est gratuit et confidentiel.\n\nNote : inscrivez une préoccupation de bien-être dans les notes d’appel pour qu’une coordonnatrice ou un coordonnateur fasse un suivi. Si la personne est en danger en ce moment, dites-lui d’appeler le 9-1-1.',
      next: 'digital-services',
    },
    {
      id: 'digital-services',
      type: 'services',
      title: 'Services numériques',
      text: 'Plusieurs de nos services sont maintenant en ligne, et ils sont tous gratuits avec votre carte de bibliothèque.\n\nNote : cochez ce que vous avez présenté.',
      services: ['eresources', 'virtual-info-desk', 'enewsletter'],
      next: 'curbside',
    },
    {
      id: 'curbside',
      type: 'services',
      title: 'Cueillette à la porte',
      text: 'Si vous préférez les livres imprimés, vous pouvez toujours en emprunter.',
      services: ['curbside'],
      next: 'virtual-programs',
    },
    {
      id: 'virtual-programs',
      type: 'services',
      title: 'Activités virtuelles',
      text: 'On offre aussi plusieurs de nos activités en ligne.',
      services: ['virtual-programs'],
      next: 'digital-card',
    },
    {
      id: 'digital-card',
      type: 'services',
      title: 'Carte de bibliothèque numérique',
      text: 'Et si quelqu’un chez vous n’a pas encore de carte de bibliothèque, il est possible d’en obtenir une en ligne.',
      services: ['digital-card'],
      next: 'questions',
    },
    {
      id: 'questions',
      type: 'question',
      title: 'Questions pour la bibliothèque',
      text: 'Avez-vous des questions pour la bibliothèque?',
      answers: [
        { id: 'none', label: 'Pas de questions', next: 'feedback' },
        { id: 'has-question', label: 'A une question', next: 'information-request' },
      ],
    },
    {
      id: 'information-request',
      type: 'say',
      title: 'Notez la question',
      text: 'Je vais prendre ça en note.\n\nNote : répondez si vous le pouvez. Sinon, inscrivez une demande d’information avec la question et la façon dont la personne souhaite avoir la réponse, et dites-lui quand s’attendre à un retour.',
      next: 'feedback',
    },
    {
      id: 'feedback',
      type: 'question',
      title: 'Demandez son avis',
      text: 'On aimerait bien savoir : que pensez-vous des services de la bibliothèque pendant cette période?',
      answers: [
        { id: 'shared', label: 'A donné son avis', next: 'quote-consent' },
        { id: 'none', label: 'Rien à ajouter', next: 'follow-up-email' },
      ],
    },
    {
      id: 'quote-consent',
      type: 'question',
      title: 'Demandez avant de partager ses mots',
      text: 'Merci, ça fait chaud au cœur. Est-ce que la bibliothèque pourrait partager ce que vous venez de dire — par exemple dans un rapport ou dans notre infolettre? Et comment devrait-on vous nommer : par votre prénom, vos initiales, ou sans nom?\n\nNote : relisez-lui ses mots. N’inscrivez la citation que si la personne est d’accord, avec l’attribution choisie.',
      answers: [
        { id: 'named', label: 'Oui, avec son prénom ou ses initiales', next: 'follow-up-email' },
        { id: 'anonymous', label: 'Oui, sans son nom', next: 'follow-up-email' },
        { id: 'no', label: 'Non', next: 'follow-up-email' },
      ],
    },
    {
      id: 'follow-up-email',
      type: 'question',
      title: 'Courriel de suivi',
      text: 'Voulez-vous que je vous envoie un courriel avec les liens vers ce dont on a parlé?\n\nNote : si oui, vérifiez avec la personne l’adresse courriel à son dossier avant l’envoi.',
      answers: [
        { id: 'yes', label: 'Oui, envoyer un courriel', next: 'close' },
        { id: 'no', label: 'Non, merci', next: 'close' },
        { id: 'no-email', label: 'N’a pas de courriel', next: 'close' },
      ],
    },
    {
      id: 'close',
      type: 'end',
      title: 'Remerciez et concluez',
      text: 'Merci beaucoup de votre temps, {{patron.firstName}}. Vous nous manquez! Si vous avez besoin de quoi que ce soit, appelez-nous au {{library.callbackNumber}}. Prenez soin de vous.',
    },
    {
      id: 'end-call-back',
      type: 'end',
      title: 'Prévoyez un rappel',
      text: 'Pas de problème. Quel serait un meilleur moment pour vous rappeler?\n\nNote : inscrivez le moment du rappel. Puis : « Merci, à bientôt! »',
    },
    {
      id: 'end-no-thanks',
      type: 'end',
      title: 'Concluez poliment',
      text: 'C’est correct, aucun problème. Merci de votre temps. Si jamais vous avez besoin de nous, le numéro de la bibliothèque est le {{library.callbackNumber}}. Bonne journée!',
    },
    {
      id: 'end-do-not-call',
      type: 'end',
      title: 'Ne plus appeler',
      text: 'Je comprends, et je m’excuse du dérangement. Je vais le noter pour qu’on ne vous rappelle plus. Bonne journée!\n\nNote : inscrivez « ne pas appeler » au dossier de cette personne.',
    },
    {
      id: 'end-not-available',
      type: 'end',
      title: 'Personne non disponible',
      text: 'Pas de problème. Y a-t-il un meilleur moment pour joindre {{patron.firstName}}?\n\nNote : dites seulement que la bibliothèque a appelé pour prendre des nouvelles — ne donnez aucun autre détail. Inscrivez le meilleur moment si on vous le donne.',
    },
  ],
};
