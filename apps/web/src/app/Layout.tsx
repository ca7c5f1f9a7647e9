import { FormattedMessage } from 'react-intl';
import { Link, NavLink, Navigate, Outlet, useLocation, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useSync } from '../notebook/sync-context';

/** Pages for signed-in people: the header, and a way back to sign-in when there is no session. */
export function SignedInLayout() {
  const { session, signOut } = useAuth();
  const location = useLocation();
  const sync = useSync();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <>
      <a className="skip-link" href="#content">
        <FormattedMessage id="nav.skip" />
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          PeerVisit
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            <FormattedMessage id="nav.reviews" />
          </NavLink>
          <NavLink to="/profile">
            <FormattedMessage id="nav.profile" />
          </NavLink>
          <button type="button" className="btn btn-link" onClick={() => void signOut()}>
            <FormattedMessage id="nav.signOut" />
          </button>
        </nav>
        <p className={`net ${sync.online ? 'net-online' : 'net-offline'}`} role="status" data-testid="network-status">
          <FormattedMessage id={sync.online ? 'net.online' : 'net.offline'} />
          {sync.waiting > 0 && (
            <>
              {' · '}
              <FormattedMessage id="net.waiting" values={{ count: sync.waiting }} />
            </>
          )}
        </p>
      </header>
      <div id="content" className="content">
        <Outlet />
      </div>
    </>
  );
}

/** A review's pages: the notebook, the coverage board, search. */
export function ReviewLayout() {
  const { reviewId } = useParams();
  return (
    <main className="review">
      <nav className="tabs" aria-label="Review">
        <NavLink to={`/reviews/${reviewId}`} end>
          <FormattedMessage id="tabs.notebook" />
        </NavLink>
        <NavLink to={`/reviews/${reviewId}/coverage`}>
          <FormattedMessage id="tabs.coverage" />
        </NavLink>
        <NavLink to={`/reviews/${reviewId}/search`}>
          <FormattedMessage id="tabs.search" />
        </NavLink>
      </nav>
      <Outlet />
    </main>
  );
}

/** Sign-in and the email links: a plain page with the name on top. */
export function PublicLayout() {
  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand">
          PeerVisit
        </Link>
      </header>
      <div className="content">
        <Outlet />
      </div>
    </>
  );
}
