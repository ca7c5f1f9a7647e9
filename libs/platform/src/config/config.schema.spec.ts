import { ConfigError, loadConfig } from './config.schema';

describe('loadConfig', () => {
  it('fills every default in development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, workersInProcess: true, explorerEnabled: true, smtpUrl: undefined });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('names each wrong variable and what it expects, all at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WORKERS_IN_PROCESS: 'maybe', SMTP_URL: 'http://mail' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      'PORT="eighty": expected a port number',
      'DATABASE_URL="mysql://x": expected a URL starting with postgres:// or postgresql://',
      'WORKERS_IN_PROCESS="maybe": expected true or false',
      'SMTP_URL="http://mail": expected a URL starting with smtp:// or smtps://',
    ]);
  });

  it('requires a real JWT secret in production and turns the explorer off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET: required in production');
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.explorerEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), GRAPHQL_EXPLORER: 'true' }).explorerEnabled).toBe(true);
  });

  it('reads lists and booleans', () => {
    const config = loadConfig({ UPLOAD_MEDIA_TYPES: 'application/pdf, text/plain', WORKERS_IN_PROCESS: 'false' });
    expect(config.uploadMediaTypes).toEqual(['application/pdf', 'text/plain']);
    expect(config.workersInProcess).toBe(false);
  });
});
