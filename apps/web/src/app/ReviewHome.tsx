import { Navigate, useParams } from 'react-router-dom';
import { Loading } from '../leader/Loading';
import { useReviewRole } from '../leader/useReviewRole';
import { NotebookPage } from '../notebook/NotebookPage';

/** A review's first page: the notebook for the team, the host city's home for its officials. */
export function ReviewHome() {
  const { reviewId = '' } = useParams();
  const role = useReviewRole(reviewId);
  if (role.loading) return <Loading />;
  return role.hosts ? <Navigate to="host" replace /> : <NotebookPage />;
}
