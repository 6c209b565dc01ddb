import type { TFunction } from 'i18next';
import type { Role } from '../../shared/roles.js';
import type { NavItem } from '../components/ui/Layout';

type Page = 'home' | 'patrons' | 'importPatrons' | 'staff' | 'audit' | 'settings';

/** Pages each role reaches from the main navigation; later features add theirs here. */
const NAV_BY_ROLE: Record<Role, readonly Page[]> = {
  admin: ['home', 'patrons', 'importPatrons', 'staff', 'audit', 'settings'],
  coordinator: ['home', 'patrons', 'importPatrons', 'settings'],
  caller: ['home', 'settings'],
  viewer: ['home', 'settings'],
};

const PATHS: Record<Page, string> = {
  home: '/',
  patrons: '/patrons',
  importPatrons: '/patrons/import',
  staff: '/staff',
  audit: '/audit',
  settings: '/settings',
};

/** Pages whose link is current only on the page itself, not on the pages under it. */
const EXACT: ReadonlySet<Page> = new Set(['home', 'patrons']);

export function navFor(role: Role, t: TFunction): NavItem[] {
  return NAV_BY_ROLE[role].map((page) => ({
    to: PATHS[page],
    label: t(`nav.${page}`),
    end: EXACT.has(page),
  }));
}
