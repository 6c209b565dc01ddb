import type { TFunction } from 'i18next';
import type { Role } from '../../shared/roles.js';
import type { WorkSummary } from '../../shared/schemas/followups.js';
import type { NavBadge, NavItem } from '../components/ui/Layout';

export type Page =
  | 'home'
  | 'calling'
  | 'work'
  | 'escalations'
  | 'referralServices'
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
    'work',
    'escalations',
    'referralServices',
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
    'work',
    'escalations',
    'referralServices',
    'campaigns',
    'results',
    'patrons',
    'importPatrons',
    'services',
    'emailTemplates',
    'outbox',
    'settings',
  ],
  caller: ['home', 'calling', 'work', 'escalations', 'referralServices', 'campaigns', 'settings'],
  viewer: ['home', 'results', 'campaigns', 'settings'],
};

const PATHS: Record<Page, string> = {
  home: '/',
  calling: '/calling',
  work: '/work',
  escalations: '/escalations',
  referralServices: '/referral-services',
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

/**
 * The counts beside "My work" (my open tasks, and how many are overdue) and "Escalations" (those
 * nobody acknowledged yet, and how many are urgent); none when there is nothing waiting.
 */
export function badgeFor(
  page: Page,
  summary: WorkSummary | undefined,
  t: TFunction,
): NavBadge | undefined {
  if (summary === undefined) return undefined;
  if (page === 'work' && summary.myTasks > 0) {
    const overdue = summary.myOverdueTasks;
    return {
      text:
        overdue > 0
          ? `${summary.myTasks} · ${t('nav.badge.overdueShort', { count: overdue })}`
          : String(summary.myTasks),
      label:
        overdue > 0
          ? t('nav.badge.tasksOverdue', { count: summary.myTasks, overdue })
          : t('nav.badge.tasks', { count: summary.myTasks }),
    };
  }
  if (page === 'escalations' && summary.escalationsWaiting > 0) {
    const urgent = summary.urgentWaiting;
    return {
      text:
        urgent > 0
          ? `${summary.escalationsWaiting} · ${t('nav.badge.urgentShort', { count: urgent })}`
          : String(summary.escalationsWaiting),
      label:
        urgent > 0
          ? t('nav.badge.waitingUrgent', { count: summary.escalationsWaiting, urgent })
          : t('nav.badge.waiting', { count: summary.escalationsWaiting }),
      urgent: urgent > 0,
    };
  }
  return undefined;
}

/**
 * A page's name in the navigation; a caller's "escalations" are only the concerns they raised,
 * which they follow but cannot act on, and are named so.
 */
function labelFor(role: Role, page: Page, t: TFunction): string {
  if (role === 'caller' && page === 'escalations') return t('nav.escalationsMine');
  return t(`nav.${page}`);
}

export function navFor(role: Role, t: TFunction, summary?: WorkSummary): NavItem[] {
  return NAV_BY_ROLE[role].map((page) => {
    // A caller's own concerns wait on the coordinators, not on them: no count beside them.
    const badge =
      role === 'caller' && page === 'escalations' ? undefined : badgeFor(page, summary, t);
    return {
      to: PATHS[page],
      label: labelFor(role, page, t),
      end: EXACT.has(page),
      ...(badge ? { badge } : {}),
    };
  });
}
