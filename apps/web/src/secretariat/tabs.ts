import type { MessageId } from '../i18n/i18n';

/**
 * The network secretariat's pages (admins), in the order of its work: the reviews, the directory,
 * the network's picture, the benchmarks, mail and queues, and the administrators.
 */
export const SECRETARIAT_TABS: { path: string; label: MessageId }[] = [
  { path: '/secretariat/reviews', label: 'secretariat.tab.reviews' },
  { path: '/secretariat/cities', label: 'secretariat.tab.cities' },
  { path: '/secretariat/organisations', label: 'secretariat.tab.organisations' },
  { path: '/secretariat/people', label: 'secretariat.tab.people' },
  { path: '/secretariat/network', label: 'secretariat.tab.network' },
  { path: '/secretariat/benchmarks', label: 'secretariat.tab.benchmarks' },
  { path: '/secretariat/mail', label: 'secretariat.tab.mail' },
  { path: '/secretariat/admins', label: 'secretariat.tab.admins' },
];
