/** Who is calling, taken from a verified access token. */
export interface CurrentUser {
  personId: string;
  email: string;
  isAdmin: boolean;
  /** The session the access token belongs to (absent for a person acting outside a request, e.g. scripts). */
  sessionId?: string;
  /** The person's language (BCP 47) when the token carries it: API error messages are written in it. */
  language?: string;
}
