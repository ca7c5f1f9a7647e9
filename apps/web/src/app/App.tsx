import { useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { AuthProvider, useAuth } from '../auth/auth-context';
import { createGraphqlClient } from '../graphql/client';
import { I18n, useLanguage } from '../i18n/i18n';
import { CoveragePage } from '../notebook/CoveragePage';
import { SearchPage } from '../notebook/SearchPage';
import { SyncProvider } from '../notebook/sync-context';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
import { MyReviewsPage } from '../pages/MyReviewsPage';
import { ProfilePage } from '../pages/ProfilePage';
import { ResetPasswordPage } from '../pages/ResetPasswordPage';
import { SignInPage } from '../pages/SignInPage';
import { PublicLayout, ReviewLayout, SignedInLayout } from './Layout';
import { ReviewHome } from './ReviewHome';

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/accept-invitation', element: <AcceptInvitationPage /> },
    ],
  },
  {
    // The public good-practice catalogue: no sign-in needed (the signed-in header when there is a session), loaded on demand.
    lazy: () => import('../catalogue/CatalogueLayout').then((m) => ({ Component: m.CatalogueLayout })),
    children: [
      { path: '/practices', lazy: () => import('../catalogue/PracticesPage').then((m) => ({ Component: m.PracticesPage })) },
      { path: '/practices/:id', lazy: () => import('../catalogue/PracticePage').then((m) => ({ Component: m.PracticePage })) },
    ],
  },
  {
    element: <SignedInLayout />,
    children: [
      { path: '/', element: <MyReviewsPage /> },
      { path: '/profile', element: <ProfilePage /> },
      // The Intercultural Cities Index (issue 23), loaded on demand.
      { path: '/index', lazy: () => import('../icc-index/IndexListPage').then((m) => ({ Component: m.IndexListPage })) },
      {
        path: '/index/:assessmentId',
        lazy: () => import('../icc-index/IndexAssessmentPage').then((m) => ({ Component: m.IndexAssessmentPage })),
      },
      {
        path: '/reviews/:reviewId',
        element: <ReviewLayout />,
        children: [
          { index: true, element: <ReviewHome /> },
          { path: 'coverage', element: <CoveragePage /> },
          { path: 'search', element: <SearchPage /> },
          // The leader's preparation, programme and visit screens, loaded on demand (dnd-kit comes with them, never with the notebook).
          { path: 'overview', lazy: () => import('../leader/OverviewPage').then((m) => ({ Component: m.OverviewPage })) },
          { path: 'team', lazy: () => import('../leader/TeamPage').then((m) => ({ Component: m.TeamPage })) },
          {
            path: 'self-assessment',
            lazy: () => import('../leader/SelfAssessmentPage').then((m) => ({ Component: m.SelfAssessmentPage })),
          },
          { path: 'programme', lazy: () => import('../leader/ProgrammePage').then((m) => ({ Component: m.ProgrammePage })) },
          { path: 'board', lazy: () => import('../leader/BoardPage').then((m) => ({ Component: m.BoardPage })) },
          { path: 'evidence', lazy: () => import('../leader/EvidencePage').then((m) => ({ Component: m.EvidencePage })) },
          // The city's Intercultural Cities Index beside the visit, and the team's confirmations (issue 23).
          { path: 'icc-index', lazy: () => import('../icc-index/VisitIndexPage').then((m) => ({ Component: m.VisitIndexPage })) },
          // The leader's findings and report screens load on demand (vega comes with them, never with the notebook).
          { path: 'conclusions', lazy: () => import('../findings/ConclusionsPage').then((m) => ({ Component: m.ConclusionsPage })) },
          {
            path: 'recommendations',
            lazy: () => import('../findings/RecommendationsPage').then((m) => ({ Component: m.RecommendationsPage })),
          },
          {
            path: 'feedback-report',
            lazy: () => import('../report/FeedbackReportPage').then((m) => ({ Component: m.FeedbackReportPage })),
          },
          // The host city's home, self-assessment and documents, loaded on demand.
          { path: 'host', lazy: () => import('../host/HostHomePage').then((m) => ({ Component: m.HostHomePage })) },
          {
            path: 'host/self-assessment',
            lazy: () => import('../host/SelfAssessmentPage').then((m) => ({ Component: m.SelfAssessmentPage })),
          },
          { path: 'host/documents', lazy: () => import('../host/DocumentsPage').then((m) => ({ Component: m.DocumentsPage })) },
          // The host city's visit, findings and report, and follow-up, loaded on demand (vega comes with the follow-up's chart).
          { path: 'host/visit', lazy: () => import('../host/VisitPage').then((m) => ({ Component: m.VisitPage })) },
          { path: 'host/findings', lazy: () => import('../host/FindingsPage').then((m) => ({ Component: m.FindingsPage })) },
          { path: 'host/follow-up', lazy: () => import('../host/FollowUpPage').then((m) => ({ Component: m.FollowUpPage })) },
          { path: 'host/plan', lazy: () => import('../plan/PlanPage').then((m) => ({ Component: m.PlanPage })) },
          { path: 'plan', lazy: () => import('../plan/PlanPage').then((m) => ({ Component: m.PlanPage })) },
        ],
      },
      {
        // The network secretariat's pages (admins; anyone else is told they are the secretariat's), loaded on demand.
        path: '/secretariat',
        lazy: () => import('../secretariat/SecretariatLayout').then((m) => ({ Component: m.SecretariatLayout })),
        children: [
          { index: true, element: <Navigate to="/secretariat/reviews" replace /> },
          { path: 'reviews', lazy: () => import('../secretariat/ReviewsPage').then((m) => ({ Component: m.ReviewsPage })) },
          { path: 'cities', lazy: () => import('../secretariat/CitiesPage').then((m) => ({ Component: m.CitiesPage })) },
          {
            path: 'organisations',
            lazy: () => import('../secretariat/OrganisationsPage').then((m) => ({ Component: m.OrganisationsPage })),
          },
          { path: 'people', lazy: () => import('../secretariat/PeoplePage').then((m) => ({ Component: m.PeoplePage })) },
          { path: 'network', lazy: () => import('../secretariat/NetworkPage').then((m) => ({ Component: m.NetworkPage })) },
          { path: 'benchmarks', lazy: () => import('../secretariat/BenchmarksPage').then((m) => ({ Component: m.BenchmarksPage })) },
          { path: 'mail', lazy: () => import('../secretariat/MailPage').then((m) => ({ Component: m.MailPage })) },
          { path: 'admins', lazy: () => import('../secretariat/AdminsPage').then((m) => ({ Component: m.AdminsPage })) },
        ],
      },
      { path: '*', element: <MyReviewsPage /> },
    ],
  },
]);

function WithLocale() {
  const { person } = useAuth();
  return (
    <I18n personLocale={person?.locale}>
      <WithClient personId={person?.id} />
    </I18n>
  );
}

function WithClient({ personId }: { personId?: string }) {
  const { language } = useLanguage();
  // A new client per person and language: nothing cached for one person is shown to the next, and
  // texts the API gives in the caller's language (the benchmark's) are asked for again in a new one.
  const client = useMemo(() => createGraphqlClient(language), [personId, language]);
  return (
    <UrqlProvider value={client}>
      <SyncProvider>
        <RouterProvider router={router} />
      </SyncProvider>
    </UrqlProvider>
  );
}

export function App() {
  return (
    <AuthProvider>
      <WithLocale />
    </AuthProvider>
  );
}
