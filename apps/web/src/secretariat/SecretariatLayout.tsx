import { FormattedMessage } from 'react-intl';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useT } from '../i18n/i18n';
import { SECRETARIAT_TABS } from './tabs';
import './directory/secretariat.css';

/**
 * The network secretariat's pages (admins): their tabs, then the page. Anyone else who follows a
 * link here is told plainly that these pages are the secretariat's, and where to go instead.
 */
export function SecretariatLayout() {
  const { session } = useAuth();
  const t = useT();
  if (!session?.person.isAdmin) {
    return (
      <main className="narrow" data-testid="secretariat-only">
        <h1>
          <FormattedMessage id="secretariat.only.title" />
        </h1>
        <p>
          <FormattedMessage id="secretariat.only.body" />
        </p>
        <p>
          <Link to="/">
            <FormattedMessage id="secretariat.only.back" />
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main className="secretariat">
      <nav className="tabs secretariat-tabs" aria-label={t('secretariat.nav.label')}>
        {SECRETARIAT_TABS.map((tab) => (
          <NavLink key={tab.path} to={tab.path}>
            <FormattedMessage id={tab.label} />
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </main>
  );
}
