import type { ScriptVersionBody } from '../../../shared/schemas/scripts.js';

/**
 * « Appel de bienveillance aux aînés », French. Lines marked « Note : » are for the caller, not
 * to be read out. Step and answer ids must match the English version.
 */
export const WELLNESS_FR: ScriptVersionBody = {
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
      text: 'C’est une période difficile pour bien du monde, alors on appelle quelques-uns de nos membres pour prendre de leurs nouvelles. Il n’y a aucun problème avec votre dossier — c’est simplement un appel amical de la bibliothèque.',
      next: 'good-time',
    },
    {
      id: 'good-time',
      type: 'question',
      title: 'Est-ce un bon moment?',
      text: 'Avez-vous quelques minutes pour jaser?',
      answers: [
        { id: 'yes', label: 'Oui, allez-y', next: 'how-are-you' },
        { id: 'call-back', label: 'Pas maintenant — rappeler plus tard', next: 'end-call-back' },
        { id: 'no-thanks', label: 'Non, merci', next: 'end-no-thanks' },
        { id: 'do-not-call', label: 'Ne plus m’appeler, s’il vous plaît', next: 'end-do-not-call' },
      ],
    },
    {
      id: 'how-are-you',
      type: 'question',
      title: 'Comment va la personne?',
      text: 'Comment allez-vous ces temps-ci?\n\nNote : prenez votre temps et laissez la personne parler. Rien ne presse.',
      answers: [
        { id: 'well', label: 'Ça va bien', next: 'internet' },
        { id: 'needs-help', label: 'Aurait besoin d’un peu d’aide', next: 'support' },
        { id: 'more-contact', label: 'Aimerait avoir plus de contacts', next: 'more-contact' },
      ],
    },
    {
      id: 'support',
      type: 'say',
      title: 'Offrez du soutien',
      text: 'Ça me fait de la peine d’apprendre que c’est difficile. Il y a de l’aide pour vous. Le 211 Ontario peut vous mettre en contact avec de l’aide près de chez vous — repas, transport, soins à domicile, quelqu’un à qui parler. Composez simplement le 2-1-1 : c’est gratuit, confidentiel, ouvert jour et nuit, et on y parle français et bien d’autres langues.\n\nNote : inscrivez une préoccupation de bien-être dans les notes d’appel pour qu’une coordonnatrice ou un coordonnateur fasse un suivi. Si la personne est en danger en ce moment, dites-lui d’appeler le 9-1-1.',
      next: 'internet',
    },
    {
      id: 'more-contact',
      type: 'say',
      title: 'Gardez le contact',
      text: 'On serait contents de vous rappeler. Et si vous aimeriez rencontrer du monde, la bibliothèque a des clubs de lecture et des conférences auxquels vous pouvez participer de la maison — certains même par téléphone.\n\nNote : notez que la personne aimerait recevoir un autre appel amical.',
      next: 'internet',
    },
    {
      id: 'internet',
      type: 'question',
      title: 'Internet à la maison',
      text: 'Avez-vous Internet à la maison — sur un ordinateur, une tablette ou un téléphone intelligent?',
      answers: [
        { id: 'yes', label: 'Oui', next: 'services-online' },
        { id: 'no', label: 'Non', next: 'services-offline' },
      ],
    },
    {
      id: 'services-online',
      type: 'services',
      title: 'Des services à utiliser de la maison',
      text: 'Il y a beaucoup de choses que vous pouvez faire avec la bibliothèque sans sortir de chez vous. Laissez-moi vous en présenter quelques-unes.\n\nNote : choisissez ce qui convient à la personne; pas besoin de tout mentionner. Cochez ce que vous avez présenté.',
      services: ['eresources', 'virtual-programs', 'digital-card'],
      next: 'questions',
    },
    {
      id: 'services-offline',
      type: 'services',
      title: 'Des services sans Internet',
      text: 'Pas de problème du tout — vous pouvez quand même profiter de la bibliothèque sans Internet.\n\nNote : cochez ce que vous avez présenté.',
      services: ['curbside', 'virtual-info-desk'],
      next: 'questions',
    },
    {
      id: 'questions',
      type: 'question',
      title: 'Questions pour la bibliothèque',
      text: 'Avez-vous des questions pour la bibliothèque, ou y a-t-il quelque chose qu’on pourrait vérifier pour vous?',
      answers: [
        { id: 'none', label: 'Pas de questions', next: 'follow-up-email' },
        { id: 'has-question', label: 'A une question', next: 'information-request' },
      ],
    },
    {
      id: 'information-request',
      type: 'say',
      title: 'Notez la question',
      text: 'Bonne question — je vais la prendre en note.\n\nNote : répondez si vous le pouvez. Sinon, inscrivez une demande d’information avec la question et la façon dont la personne souhaite avoir la réponse, et dites-lui quand s’attendre à un retour.',
      next: 'follow-up-email',
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
      text: 'Merci beaucoup d’avoir pris le temps de jaser avec moi, {{patron.firstName}}. Si jamais vous avez besoin de quoi que ce soit, vous pouvez nous appeler au {{library.callbackNumber}}. Prenez bien soin de vous, et bonne journée!',
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
