/**
 * How the authorization layer learns a person's roles in a review. The review lib provides it;
 * platform only defines the shape, so dependencies keep pointing one way.
 */
export interface ReviewAccess {
  rolesOf(personId: string, reviewId: string): Promise<string[]>;
}

export const REVIEW_ACCESS = Symbol('REVIEW_ACCESS');
