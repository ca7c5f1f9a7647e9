/** Who is calling, taken from a verified access token. */
export interface CurrentUser {
  personId: string;
  email: string;
  isAdmin: boolean;
}
