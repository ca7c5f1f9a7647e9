import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, NavLink, Navigate, Outlet, useLocation, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { MessageId, useT } from '../i18n/i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useReviewRole } from '../leader/useReviewRole';
import '../leader/tabs.css';
import { useSync } from '../notebook/sync-context';

/** Pages for signed-in people: the header, and a way back to sign-in when there is no session. */
export function SignedInLayout() {
  const { session, signOut } = useAuth();
  const location = useLocation();
  const sync = useSync();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <PageChrome
      home="/"
      nav={
        <>
          <NavLink to="/" end>
            <FormattedMessage id="nav.reviews" />
          </NavLink>
          <NavLink to="/profile">
            <FormattedMessage id="nav.profile" />
          </NavLink>
          <NavLink to="/practices">
            <FormattedMessage id="catalogue.nav" />
          </NavLink>
          <NavLink to="/index">
            <FormattedMessage id="iccIndex.nav" />
          </NavLink>
          {session.person.isAdmin && (
            <NavLink to="/secretariat">
              <FormattedMessage id="nav.secretariat" />
            </NavLink>
          )}
          <button type="button" className="btn btn-link" onClick={() => void signOut()}>
            <FormattedMessage id="nav.signOut" />
          </button>
        </>
      }
      status={
        <p className={`net ${sync.online ? 'net-online' : 'net-offline'}`} role="status" data-testid="network-status">
          <FormattedMessage id={sync.online ? 'net.online' : 'net.offline'} />
          {sync.waiting > 0 && (
            <>
              {' · '}
              <FormattedMessage id="net.waiting" values={{ count: sync.waiting }} />
            </>
          )}
        </p>
      }
    />
  );
}

/** Every page's frame: the skip link, the header with the brand and the main links, and the page. */
export function PageChrome({ home, nav, status }: { home: string; nav: ReactNode; status?: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#content">
        <FormattedMessage id="nav.skip" />
      </a>
      <header className="app-header">
        <Link to={home} className="brand">
          PeerVisit
        </Link>
        <nav aria-label="Main">{nav}</nav>
        {status}
      </header>
      <div id="content" className="content">
        <Outlet />
      </div>
    </>
  );
}

interface ReviewTab {
  /** Relative to /reviews/:reviewId ('' is the notebook). */
  path: string;
  label: MessageId;
}

/** The peer's tabs: the notebook, the coverage board, search. */
const PEER_TABS: ReviewTab[] = [
  { path: '', label: 'tabs.notebook' },
  { path: 'coverage', label: 'tabs.coverage' },
  { path: 'search', label: 'tabs.search' },
  // Peers draft conclusions and recommendations with the leader.
  { path: 'conclusions', label: 'tabs.conclusions' },
  { path: 'recommendations', label: 'tabs.recommendations' },
  // The city's Index beside the visit: the team confirms its results.
  { path: 'icc-index', label: 'iccIndex.visit.tab' },
];

/**
 * The expert leader's (and the secretariat's) tabs, in the order of a review: preparation, the
 * programme, the visit, then the findings and the report. Later steps add their tab here.
 */
const LEADER_TABS: ReviewTab[] = [
  { path: 'overview', label: 'leader.tab.overview' },
  { path: 'team', label: 'leader.tab.team' },
  { path: 'self-assessment', label: 'leader.tab.selfAssessment' },
  { path: 'programme', label: 'leader.tab.programme' },
  { path: 'board', label: 'leader.tab.board' },
  { path: 'evidence', label: 'leader.tab.evidence' },
  { path: 'icc-index', label: 'iccIndex.visit.tab' },
  { path: 'conclusions', label: 'tabs.conclusions' },
  { path: 'recommendations', label: 'tabs.recommendations' },
  { path: 'feedback-report', label: 'tabs.feedbackReport' },
  { path: 'plan', label: 'plan.tab' },
  { path: '', label: 'tabs.notebook' },
];

/**
 * The host city's tabs (its coordinator and contributors): what to do next, the self-assessment and
 * its documents, the visit, the findings and report after feedback, and the follow-up over the years.
 */
const HOST_TABS: ReviewTab[] = [
  { path: 'host', label: 'host.tab.home' },
  { path: 'host/self-assessment', label: 'host.tab.selfAssessment' },
  { path: 'host/documents', label: 'host.tab.documents' },
  { path: 'host/visit', label: 'host.tab.visit' },
  { path: 'host/findings', label: 'host.tab.findings' },
  { path: 'host/follow-up', label: 'host.tab.followUp' },
  { path: 'host/plan', label: 'plan.tab' },
];

/** A review's pages, with the tabs of my role in it (the leader's workspace, the peer's notebook or the host city's screens). */
export function ReviewLayout() {
  const { reviewId = '' } = useParams();
  const role = useReviewRole(reviewId);
  const t = useT();
  const tabs = role.leads ? LEADER_TABS : role.hosts ? HOST_TABS : PEER_TABS;
  return (
    <main className="review">
      <nav className={`tabs ${role.leads || role.hosts ? 'tabs-leader' : ''}`} aria-label={t('leader.nav.label')}>
        {tabs.map((tab) => (
          <NavLink key={tab.path} to={tab.path ? `/reviews/${reviewId}/${tab.path}` : `/reviews/${reviewId}`} end>
            <FormattedMessage id={tab.label} />
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </main>
  );
}

/** Sign-in and the email links: a plain page with the name on top, and a choice of language. */
export function PublicLayout() {
  return (
    <PageChrome
      home="/"
      nav={
        <NavLink to="/practices">
          <FormattedMessage id="catalogue.nav" />
        </NavLink>
      }
      status={<LanguageSwitch />}
    />
  );
}
