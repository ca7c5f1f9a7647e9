export interface GraphqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; problems?: { path: string; message: string }[]; [k: string]: unknown };
  }[];
}

/** Posts GraphQL over real HTTP, optionally as a signed-in person. */
export class GraphqlClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string | undefined): GraphqlClient {
    return new GraphqlClient(this.baseUrl, token);
  }

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<T>;
  }

  /** Like request, but fails the test with the errors when there are any. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  async signIn(email: string, password: string): Promise<GraphqlClient> {
    const data = await this.ok<{ signIn: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    return this.as(data.signIn.accessToken);
  }
}
