import type { TFunction } from 'i18next';
import type { Role } from '../../shared/roles.js';
import type { NavItem } from '../components/ui/Layout';

type Page =
  | 'home'
  | 'calling'
  | 'campaigns'
  | 'results'
  | 'patrons'
  | 'importPatrons'
  | 'services'
  | 'emailTemplates'
  | 'outbox'
  | 'staff'
  | 'audit'
  | 'library'
  | 'mail'
  | 'settings';

/** Pages each role reaches from the main navigation; later features add theirs here. */
const NAV_BY_ROLE: Record<Role, readonly Page[]> = {
  admin: [
    'home',
    'calling',
    'campaigns',
    'results',
    'patrons',
    'importPatrons',
    'services',
    'emailTemplates',
    'outbox',
    'staff',
    'audit',
    'library',
    'mail',
    'settings',
  ],
  coordinator: [
    'home',
    'calling',
    'campaigns',
    'results',
    'patrons',
    'importPatrons',
    'services',
    'emailTemplates',
    'outbox',
    'settings',
  ],
  caller: ['home', 'calling', 'campaigns', 'settings'],
  viewer: ['home', 'results', 'campaigns', 'settings'],
};

const PATHS: Record<Page, string> = {
  home: '/',
  calling: '/calling',
  campaigns: '/campaigns',
  results: '/results',
  services: '/services',
  emailTemplates: '/email/templates',
  outbox: '/email/outbox',
  library: '/settings/library',
  mail: '/settings/mail',
  patrons: '/patrons',
  importPatrons: '/patrons/import',
  staff: '/staff',
  audit: '/audit',
  settings: '/settings',
};

/** Pages whose link is current only on the page itself, not on the pages under it. */
const EXACT: ReadonlySet<Page> = new Set(['home', 'patrons', 'settings']);

export function navFor(role: Role, t: TFunction): NavItem[] {
  return NAV_BY_ROLE[role].map((page) => ({
    to: PATHS[page],
    label: t(`nav.${page}`),
    end: EXACT.has(page),
  }));
}
