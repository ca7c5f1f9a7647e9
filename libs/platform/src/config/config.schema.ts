import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every environment variable PeerVisit reads, with its default and what it expects.
 * The README's configuration table is generated from this list (scripts/config-table.ts),
 * so the two cannot drift apart.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce
  .number({ message: 'expected a whole number' })
  .int('expected a whole number')
  .positive('expected a number above 0');
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol.replace(':', ''));
    } catch {
      return false;
    }
  }, `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`);

export const CONFIG_VARIABLES = {
  NODE_ENV: { schema: z.enum(['development', 'test', 'production']), default: 'development', doc: 'development, test or production. Production turns off introspection and the explorer and requires JWT_SECRET.' },
  HOST: { schema: z.string().min(1), default: '127.0.0.1', doc: 'Interface the API listens on (0.0.0.0 in containers).' },
  PORT: { schema: z.coerce.number({ message: 'expected a port number' }).int().min(0, 'expected a port number 0-65535').max(65535, 'expected a port number 0-65535'), default: '3000', doc: 'HTTP port of the API (0 picks a free one).' },
  PUBLIC_URL: { schema: url(['http', 'https']), default: 'http://localhost:3000', doc: 'Base URL people reach the service at; used in links sent by email.' },
  DATABASE_URL: { schema: url(['postgres', 'postgresql']), default: 'postgres://postgres@127.0.0.1:5432/peervisit', doc: 'PostgreSQL connection string.' },
  DATABASE_POOL_SIZE: { schema: positiveInt, default: '10', doc: 'Connections in the PostgreSQL pool.' },
  REDIS_URL: { schema: url(['redis', 'rediss']), default: 'redis://127.0.0.1:6379', doc: 'Redis for the job queues. Must run with maxmemory-policy noeviction.' },
  QUEUE_PREFIX: { schema: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -'), default: 'peervisit', doc: 'Prefix of every BullMQ key in Redis (lets several installations or test runs share one Redis).' },
  WORKERS_IN_PROCESS: { schema: bool, default: 'true', doc: 'Run the queue workers inside the API process (the one-machine default). Set false when running apps/worker separately.' },
  SMTP_URL: { schema: url(['smtp', 'smtps']).optional(), default: undefined, doc: 'SMTP server, e.g. smtp://user:pass@mail.example.org:587. When unset, messages are written as .eml files under DATA_DIR/mail.' },
  MAIL_FROM: { schema: z.string().min(3), default: 'PeerVisit <no-reply@peervisit.local>', doc: 'Sender of every message.' },
  DATA_DIR: { schema: z.string().min(1), default: '.data', doc: 'Directory for local files: uploaded documents, reports, captured mail, the embedded PostgreSQL.' },
  JWT_SECRET: { schema: z.string().min(32, 'expected at least 32 characters').optional(), default: undefined, doc: 'Secret that signs access tokens. Required in production; in development a fixed development secret is used.' },
  ACCESS_TOKEN_TTL_SECONDS: { schema: positiveInt, default: '900', doc: 'Lifetime of an access token.' },
  PASSWORD_RESET_TTL_MINUTES: { schema: positiveInt, default: '60', doc: 'Lifetime of a password-reset link.' },
  SIGN_IN_MAX_FAILURES: { schema: positiveInt, default: '5', doc: 'Failed password sign-ins for one email before further attempts are refused for SIGN_IN_LOCKOUT_SECONDS (counted in Redis).' },
  SIGN_IN_MAX_FAILURES_PER_IP: { schema: positiveInt, default: '50', doc: 'Failed password sign-ins from one client IP (any emails) before that IP is refused for SIGN_IN_LOCKOUT_SECONDS.' },
  SIGN_IN_LOCKOUT_SECONDS: { schema: positiveInt, default: '900', doc: 'How long failures are counted, and how long sign-in stays refused once a limit is reached.' },
  INVITATION_TTL_DAYS: { schema: positiveInt, default: '14', doc: 'Lifetime of an invitation to join a review.' },
  GRAPHQL_MAX_DEPTH: { schema: positiveInt, default: '10', doc: 'Deepest selection a query may have.' },
  GRAPHQL_MAX_COMPLEXITY: { schema: positiveInt, default: '5000', doc: 'Highest cost a query may have (each field 1, lists multiplied by their page size).' },
  GRAPHQL_EXPLORER: { schema: bool.optional(), default: undefined, doc: 'Serve the offline GraphiQL explorer at /explorer and allow introspection. Defaults to on outside production.' },
  LOG_LEVEL: { schema: z.enum(['error', 'warn', 'log', 'debug', 'verbose']), default: 'log', doc: 'Lowest level written to the log (error, warn, log, debug, verbose).' },
  OUTBOX_MAX_ATTEMPTS: { schema: positiveInt, default: '6', doc: 'Attempts to send one message before it is marked failed (an admin can retry it).' },
  OUTBOX_RETRY_DELAY_MS: { schema: positiveInt, default: '30000', doc: 'First delay before retrying a failed send; it doubles with each attempt.' },
  OUTBOX_SWEEP_INTERVAL_MS: { schema: positiveInt, default: '60000', doc: 'How often the sweeper re-queues due messages that have no job (after a crash or a Redis flush).' },
  OUTBOX_SENDING_TIMEOUT_MS: { schema: positiveInt, default: '120000', doc: 'A message still "sending" after this long is taken to have crashed mid-send and is sent again.' },
  UPLOAD_MAX_BYTES: { schema: positiveInt, default: String(25 * 1024 * 1024), doc: 'Largest document a person may upload.' },
  UPLOAD_MEDIA_TYPES: { schema: z.string().min(1), default: 'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword,application/vnd.oasis.opendocument.text,text/plain,text/csv,image/png,image/jpeg', doc: 'Comma-separated media types accepted for uploads.' },
  API_PROCESSES: {
    schema: z
      .string()
      .regex(/^(auto|\d+)$/, 'expected a number of processes, or auto (or 0) for one per CPU core')
      .transform((v) => (v === 'auto' || Number(v) === 0 ? availableParallelism() : Number(v))),
    default: '1',
    doc: 'Processes serving the API on the same port (node:cluster; the OS spreads connections between them). auto or 0: one per CPU core. Each runs the whole API, queue workers included when WORKERS_IN_PROCESS is true.',
  },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  queuePrefix: string;
  workersInProcess: boolean;
  smtpUrl?: string;
  mailFrom: string;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  passwordResetTtlMinutes: number;
  invitationTtlDays: number;
  signInMaxFailures: number;
  signInMaxFailuresPerIp: number;
  signInLockoutSeconds: number;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  explorerEnabled: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  uploadMaxBytes: number;
  uploadMediaTypes: string[];
  outboxMaxAttempts: number;
  outboxRetryDelayMs: number;
  outboxSweepIntervalMs: number;
  outboxSendingTimeoutMs: number;
  /** API_PROCESSES resolved to a count (auto → CPU cores). */
  apiProcesses: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEVELOPMENT_JWT_SECRET = 'peervisit-development-secret-do-not-use-in-production';

/** Reads and validates the environment; throws ConfigError listing every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES)) {
    const raw = env[name] === '' ? undefined : (env[name] ?? spec.default);
    const parsed = (spec.schema as z.ZodType).safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}=${JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const nodeEnv = values.NODE_ENV as AppConfig['nodeEnv'];
  if (nodeEnv === 'production' && !values.JWT_SECRET) {
    problems.push('JWT_SECRET: required in production (at least 32 characters)');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv,
    host: values.HOST as string,
    port: values.PORT as number,
    publicUrl: (values.PUBLIC_URL as string).replace(/\/$/, ''),
    databaseUrl: values.DATABASE_URL as string,
    databasePoolSize: values.DATABASE_POOL_SIZE as number,
    redisUrl: values.REDIS_URL as string,
    queuePrefix: values.QUEUE_PREFIX as string,
    workersInProcess: values.WORKERS_IN_PROCESS as boolean,
    smtpUrl: values.SMTP_URL as string | undefined,
    mailFrom: values.MAIL_FROM as string,
    dataDir: values.DATA_DIR as string,
    jwtSecret: (values.JWT_SECRET as string | undefined) ?? DEVELOPMENT_JWT_SECRET,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS as number,
    passwordResetTtlMinutes: values.PASSWORD_RESET_TTL_MINUTES as number,
    invitationTtlDays: values.INVITATION_TTL_DAYS as number,
    signInMaxFailures: values.SIGN_IN_MAX_FAILURES as number,
    signInMaxFailuresPerIp: values.SIGN_IN_MAX_FAILURES_PER_IP as number,
    signInLockoutSeconds: values.SIGN_IN_LOCKOUT_SECONDS as number,
    graphqlMaxDepth: values.GRAPHQL_MAX_DEPTH as number,
    graphqlMaxComplexity: values.GRAPHQL_MAX_COMPLEXITY as number,
    explorerEnabled: (values.GRAPHQL_EXPLORER as boolean | undefined) ?? nodeEnv !== 'production',
    logLevel: values.LOG_LEVEL as AppConfig['logLevel'],
    uploadMaxBytes: values.UPLOAD_MAX_BYTES as number,
    uploadMediaTypes: (values.UPLOAD_MEDIA_TYPES as string).split(',').map((s) => s.trim()).filter(Boolean),
    outboxMaxAttempts: values.OUTBOX_MAX_ATTEMPTS as number,
    outboxRetryDelayMs: values.OUTBOX_RETRY_DELAY_MS as number,
    outboxSweepIntervalMs: values.OUTBOX_SWEEP_INTERVAL_MS as number,
    outboxSendingTimeoutMs: values.OUTBOX_SENDING_TIMEOUT_MS as number,
    apiProcesses: values.API_PROCESSES as number,
  };
}
