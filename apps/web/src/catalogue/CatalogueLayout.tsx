import { FormattedMessage } from 'react-intl';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { PageChrome, SignedInLayout } from '../app/Layout';
import './catalogue.css';

/**
 * The public good-practice catalogue's pages work signed in or not: with a session, the usual
 * header (my reviews, profile, sign out); without one, a plain header with the catalogue and a way
 * to sign in that comes back to the page afterwards.
 */
export function CatalogueLayout() {
  const { session } = useAuth();
  const location = useLocation();
  if (session) return <SignedInLayout />;
  return (
    <PageChrome
      home="/practices"
      nav={
        <>
          <NavLink to="/practices">
            <FormattedMessage id="catalogue.nav" />
          </NavLink>
          <Link to="/sign-in" state={{ from: location.pathname + location.search }}>
            <FormattedMessage id="signIn.title" />
          </Link>
        </>
      }
    />
  );
}
