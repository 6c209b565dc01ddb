import type { Service } from '../../../shared/schemas/campaigns.js';

/**
 * The six services the original Customer Care Calls told patrons about. Links are left empty:
 * every library points them at its own pages.
 */

export type StarterService = Omit<Service, 'id'>;

export const STARTER_SERVICES: readonly StarterService[] = [
  {
    key: 'enewsletter',
    name: { en: 'eNewsletter', fr: 'Infolettre' },
    description: {
      en: 'A free e-mail from the library with news, events and new arrivals.',
      fr: 'Un courriel gratuit de la bibliothèque avec les nouvelles, les activités et les nouveautés.',
    },
    talkingPoint: {
      en: 'We send out a free eNewsletter by e-mail with what’s happening at the library. I can sign you up if you’d like — it’s easy to unsubscribe any time.',
      fr: 'Nous envoyons une infolettre gratuite par courriel avec tout ce qui se passe à la bibliothèque. Je peux vous inscrire si vous voulez — vous pouvez vous désabonner en tout temps.',
    },
    link: null,
    active: true,
    raisesTask: false,
  },
  {
    key: 'curbside',
    name: { en: 'Curbside service', fr: 'Cueillette à la porte' },
    description: {
      en: 'Place holds on books and other items, then pick them up at the library door.',
      fr: 'Réservez des livres et d’autres documents, puis venez les chercher à la porte de la bibliothèque.',
    },
    talkingPoint: {
      en: 'You can still borrow books: put them on hold by phone or online, and we’ll let you know when they’re ready to pick up at the door. There’s no need to come inside.',
      fr: 'Vous pouvez toujours emprunter des livres : réservez-les par téléphone ou en ligne, et on vous avise quand ils sont prêts à cueillir à la porte. Pas besoin d’entrer.',
    },
    link: null,
    active: true,
    raisesTask: false,
  },
  {
    key: 'virtual-info-desk',
    name: { en: 'Virtual information desk', fr: 'Comptoir d’information virtuel' },
    description: {
      en: 'Library staff answer questions by live chat, e-mail or phone.',
      fr: 'Le personnel de la bibliothèque répond à vos questions par clavardage, par courriel ou par téléphone.',
    },
    talkingPoint: {
      en: 'If you have a question — about your account, finding a book, or using our online services — you can reach our staff by live chat on our website or just by calling the library. We’re happy to walk you through it.',
      fr: 'Si vous avez une question — sur votre dossier, pour trouver un livre ou pour utiliser nos services en ligne — vous pouvez joindre notre personnel par clavardage sur notre site Web ou tout simplement en appelant la bibliothèque. On se fera un plaisir de vous guider.',
    },
    link: null,
    active: true,
    raisesTask: false,
  },
  {
    key: 'digital-card',
    name: { en: 'Digital library card', fr: 'Carte de bibliothèque numérique' },
    description: {
      en: 'A library card you sign up for online, to use eBooks and other online services right away.',
      fr: 'Une carte de bibliothèque à demander en ligne, pour profiter tout de suite des livres numériques et des autres services en ligne.',
    },
    talkingPoint: {
      en: 'Anyone in your household can get a library card online, without coming in. It works right away for eBooks, audiobooks and our other online services.',
      fr: 'Toute personne de votre foyer peut obtenir une carte de bibliothèque en ligne, sans se déplacer. Elle fonctionne tout de suite pour les livres numériques, les livres audio et nos autres services en ligne.',
    },
    link: null,
    active: true,
    raisesTask: true,
  },
  {
    key: 'virtual-programs',
    name: { en: 'Virtual programs', fr: 'Activités virtuelles' },
    description: {
      en: 'Free online storytimes, book clubs, talks and classes.',
      fr: 'Heures du conte, clubs de lecture, conférences et ateliers gratuits en ligne.',
    },
    talkingPoint: {
      en: 'We run free programs online — book clubs, talks, classes, and storytimes for the grandchildren. You can join from a computer, a tablet, and for many of them even by phone.',
      fr: 'Nous offrons des activités gratuites en ligne — clubs de lecture, conférences, ateliers, et des heures du conte pour les petits-enfants. Vous pouvez y participer par ordinateur, par tablette et, pour plusieurs, même par téléphone.',
    },
    link: null,
    active: true,
    raisesTask: false,
  },
  {
    key: 'eresources',
    name: { en: 'eResources', fr: 'Ressources numériques' },
    description: {
      en: 'eBooks, audiobooks, magazines, movies and music streaming, and research databases — free with a library card.',
      fr: 'Livres numériques, livres audio, magazines, films et musique en continu, et bases de données — gratuits avec une carte de bibliothèque.',
    },
    talkingPoint: {
      en: 'With your library card you can borrow eBooks and audiobooks, read magazines and stream movies and music, all free, from home. Large print is easy too — you can make the text as big as you like.',
      fr: 'Avec votre carte de bibliothèque, vous pouvez emprunter des livres numériques et des livres audio, lire des magazines, et regarder des films ou écouter de la musique en continu, gratuitement, de la maison. Et vous pouvez grossir le texte autant que vous voulez.',
    },
    link: null,
    active: true,
    raisesTask: true,
  },
];

/** The keys of the starter services, for validating the starter scripts. */
export const STARTER_SERVICE_KEYS: readonly string[] = STARTER_SERVICES.map((s) => s.key);
