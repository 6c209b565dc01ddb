import type { TFunction } from 'i18next';
import type { Role } from '../../shared/roles.js';
import type { NavItem } from '../components/ui/Layout';

/** Pages each role reaches from the main navigation; later features add theirs here. */
const NAV_BY_ROLE: Record<Role, readonly ('home' | 'staff' | 'audit' | 'settings')[]> = {
  admin: ['home', 'staff', 'audit', 'settings'],
  coordinator: ['home', 'settings'],
  caller: ['home', 'settings'],
  viewer: ['home', 'settings'],
};

const PATHS = { home: '/', staff: '/staff', audit: '/audit', settings: '/settings' } as const;

export function navFor(role: Role, t: TFunction): NavItem[] {
  return NAV_BY_ROLE[role].map((page) => ({ to: PATHS[page], label: t(`nav.${page}`) }));
}
