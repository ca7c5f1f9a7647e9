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
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(':', ''));
      } catch {
        return false;
      }
    },
    `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  );

export const CONFIG_VARIABLES = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']),
    default: 'development',
    doc: 'development, test or production. Production turns off introspection and the explorer and requires JWT_SECRET.',
  },
  HOST: { schema: z.string().min(1), default: '127.0.0.1', doc: 'Interface the API listens on (0.0.0.0 in containers).' },
  PORT: {
    schema: z.coerce
      .number({ message: 'expected a port number' })
      .int()
      .min(0, 'expected a port number 0-65535')
      .max(65535, 'expected a port number 0-65535'),
    default: '3000',
    doc: 'HTTP port of the API (0 picks a free one).',
  },
  PUBLIC_URL: {
    schema: url(['http', 'https']),
    default: 'http://localhost:3000',
    doc: 'Base URL people reach the service at; used in links sent by email.',
  },
  DATABASE_URL: {
    schema: url(['postgres', 'postgresql']),
    default: 'postgres://postgres@127.0.0.1:5432/peervisit',
    doc: 'PostgreSQL connection string.',
  },
  DATABASE_POOL_SIZE: { schema: positiveInt, default: '10', doc: 'Connections in the PostgreSQL pool.' },
  DATABASE_STATEMENT_TIMEOUT_MS: {
    schema: positiveInt,
    default: '15000',
    doc: 'Longest one SQL statement of the API or the workers may run before PostgreSQL cancels it (statement_timeout), so that no request holds a pooled connection for long. Migrations have none.',
  },
  REDIS_URL: {
    schema: url(['redis', 'rediss']),
    default: 'redis://127.0.0.1:6379',
    doc: 'Redis for the job queues. Must run with maxmemory-policy noeviction.',
  },
  QUEUE_PREFIX: {
    schema: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -'),
    default: 'peervisit',
    doc: 'Prefix of every BullMQ key in Redis (lets several installations or test runs share one Redis).',
  },
  WORKERS_IN_PROCESS: {
    schema: bool,
    default: 'true',
    doc: 'Run the queue workers inside the API process (the one-machine default). Set false when running apps/worker separately.',
  },
  SMTP_URL: {
    schema: url(['smtp', 'smtps']).optional(),
    default: undefined,
    doc: 'SMTP server, e.g. smtp://user:pass@mail.example.org:587. When unset, messages are written as .eml files under DATA_DIR/mail.',
  },
  MAIL_FROM: { schema: z.string().min(3), default: 'PeerVisit <no-reply@peervisit.local>', doc: 'Sender of every message.' },
  DATA_DIR: {
    schema: z.string().min(1),
    default: '.data',
    doc: 'Directory for local files: uploaded documents, reports, captured mail, the embedded PostgreSQL.',
  },
  JWT_SECRET: {
    schema: z.string().min(32, 'expected at least 32 characters').optional(),
    default: undefined,
    doc: 'Secret that signs access tokens. Required in production; in development a fixed development secret is used.',
  },
  ACCESS_TOKEN_TTL_SECONDS: { schema: positiveInt, default: '900', doc: 'Lifetime of an access token.' },
  PASSWORD_RESET_TTL_MINUTES: { schema: positiveInt, default: '60', doc: 'Lifetime of a password-reset link.' },
  REFRESH_TOKEN_TTL_DAYS: {
    schema: positiveInt,
    default: '30',
    doc: 'A session ends after this many days without a refresh (sliding: each refresh extends it), so a phone offline for days can still refresh.',
  },
  SESSION_CHECK_CACHE_SECONDS: {
    schema: positiveInt,
    default: '5',
    doc: 'How long an API process reuses what it read about a session being active (revocations reach other processes at once through Redis; this bounds the delay if that message is lost).',
  },
  SIGN_IN_MAX_FAILURES: {
    schema: positiveInt,
    default: '5',
    doc: 'Failed password sign-ins for one email from one client IP before that IP is refused for that email for SIGN_IN_LOCKOUT_SECONDS (counted in Redis).',
  },
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: {
    schema: positiveInt,
    default: '50',
    doc: 'Failed password sign-ins for one email from all IPs together before it may be signed into only from IPs it signed in from before (or by a password reset) for SIGN_IN_LOCKOUT_SECONDS.',
  },
  SIGN_IN_MAX_FAILURES_PER_IP: {
    schema: positiveInt,
    default: '50',
    doc: 'Failed password sign-ins from one client IP (any emails) before that IP is refused for SIGN_IN_LOCKOUT_SECONDS.',
  },
  SIGN_IN_LOCKOUT_SECONDS: {
    schema: positiveInt,
    default: '900',
    doc: 'How long failures are counted, and how long sign-in stays refused once a limit is reached.',
  },
  INVITATION_TTL_DAYS: { schema: positiveInt, default: '14', doc: 'Lifetime of an invitation to join a review.' },
  GRAPHQL_MAX_DEPTH: { schema: positiveInt, default: '10', doc: 'Deepest selection a query may have.' },
  GRAPHQL_MAX_COMPLEXITY: {
    schema: positiveInt,
    default: '5000',
    doc: 'Highest cost a query may have (each field 1, paged lists multiplied by their page size, plain lists by 4, JSON documents by what they weigh, mutations 100 more).',
  },
  GRAPHQL_MAX_RESPONSE_BYTES: {
    schema: positiveInt,
    default: String(5 * 1024 * 1024),
    doc: 'Largest GraphQL answer sent; a bigger one is replaced by a BAD_USER_INPUT error (reason RESPONSE_TOO_LARGE).',
  },
  GRAPHQL_MAX_CONCURRENT_PER_ACCOUNT: {
    schema: positiveInt,
    default: '16',
    doc: 'GraphQL requests one signed-in person may have running at once (per API process); one more is refused with TOO_MANY_REQUESTS (429).',
  },
  GRAPHQL_MAX_CONCURRENT_PER_IP: {
    schema: positiveInt,
    default: '64',
    doc: 'GraphQL requests without a valid access token that one client IP may have running at once (per API process); one more is refused with TOO_MANY_REQUESTS (429).',
  },
  GRAPHQL_EXPLORER: {
    schema: bool.optional(),
    default: undefined,
    doc: 'Serve the offline GraphiQL explorer at /explorer and allow introspection. Defaults to on outside production.',
  },
  LOG_LEVEL: {
    schema: z.enum(['error', 'warn', 'log', 'debug', 'verbose']),
    default: 'log',
    doc: 'Lowest level written to the log (error, warn, log, debug, verbose).',
  },
  OUTBOX_MAX_ATTEMPTS: {
    schema: positiveInt,
    default: '6',
    doc: 'Attempts to send one message before it is marked failed (an admin can retry it).',
  },
  OUTBOX_RETRY_DELAY_MS: {
    schema: positiveInt,
    default: '30000',
    doc: 'First delay before retrying a failed send; it doubles with each attempt.',
  },
  OUTBOX_SWEEP_INTERVAL_MS: {
    schema: positiveInt,
    default: '60000',
    doc: 'How often the sweeper re-queues due messages that have no job (after a crash or a Redis flush).',
  },
  OUTBOX_SENDING_TIMEOUT_MS: {
    schema: positiveInt,
    default: '120000',
    doc: 'A message still "sending" after this long is taken to have crashed mid-send and is sent again.',
  },
  RETENTION_MESSAGE_DAYS: {
    schema: positiveInt,
    default: '365',
    doc: 'Days after an email was sent (or given up) before its content is deleted; who it went to, which template, when and how it went are kept.',
  },
  RETENTION_REPORT_FILE_DAYS: {
    schema: positiveInt,
    default: '30',
    doc: 'Days after rendering before the files of a report version that was never published and has a later version in the same language are deleted.',
  },
  RETENTION_TOKEN_DAYS: {
    schema: positiveInt,
    default: '7',
    doc: 'Days after an invitation or password-reset link was used, withdrawn or expired (and a sign-in session ended) before it is deleted.',
  },
  RETENTION_STAKEHOLDER_YEARS: {
    schema: positiveInt,
    default: '5',
    doc: 'Years after the last review a stakeholder took part in closed before their name is replaced by a pseudonym, unless they agreed to be kept longer.',
  },
  RETENTION_INTERVAL_MS: { schema: positiveInt, default: String(24 * 60 * 60 * 1000), doc: 'How often the retention job runs.' },
  UPLOAD_MAX_BYTES: { schema: positiveInt, default: String(25 * 1024 * 1024), doc: 'Largest document a person may upload.' },
  UPLOAD_MEDIA_TYPES: {
    schema: z.string().min(1),
    default:
      'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword,application/vnd.oasis.opendocument.text,text/plain,text/csv,image/png,image/jpeg',
    doc: 'Comma-separated media types accepted for uploads.',
  },
  PARSE_MAX_EXPANDED_BYTES: {
    schema: positiveInt,
    default: String(50 * 1024 * 1024),
    doc: 'Most bytes an uploaded archive (a .docx) may expand to, all its parts together; checked before anything is unpacked.',
  },
  PARSE_MAX_ENTRIES: { schema: positiveInt, default: '1000', doc: 'Most parts (files) an uploaded archive may hold.' },
  PARSE_MAX_COMPRESSION_RATIO: {
    schema: positiveInt,
    default: '100',
    doc: 'Highest expanded-to-compressed ratio of one archive part over 1 MB; above it the file is refused as a decompression bomb.',
  },
  PARSE_TIMEOUT_MS: {
    schema: positiveInt,
    default: '15000',
    doc: 'Longest that reading one uploaded file may take (it is read in a worker thread, which is then stopped); also the longest wait for a free thread.',
  },
  PARSE_MAX_HEAP_MB: {
    schema: positiveInt,
    default: '256',
    doc: 'Heap limit of the worker thread that reads an uploaded file; past it the thread is stopped and the file refused.',
  },
  PARSE_MAX_CONCURRENT: {
    schema: positiveInt,
    default: '2',
    doc: 'Uploaded files read at once per API process (one worker thread each); more wait up to PARSE_TIMEOUT_MS.',
  },
  WORKER_HEALTH_PORT: {
    schema: z.coerce
      .number({ message: 'expected a port number' })
      .int()
      .min(0, 'expected a port number 0-65535')
      .max(65535, 'expected a port number 0-65535'),
    default: '3001',
    doc: 'Port of the worker process (npm run worker) for GET /health/live and /health/ready, on HOST. 0 turns it off.',
  },
  METRICS_TOKEN: {
    schema: z.string().min(24, 'expected at least 24 characters').optional(),
    default: undefined,
    doc: 'Bearer token Prometheus sends to scrape GET /metrics (Authorization: Bearer <token>). When unset, /metrics answers 404.',
  },
  RATE_LIMIT_WINDOW_SECONDS: {
    schema: positiveInt,
    default: '60',
    doc: 'Window of the global request rate limit (counted in Redis, shared by every API process).',
  },
  RATE_LIMIT_PER_IP: {
    schema: positiveInt,
    default: '300000',
    doc: 'HTTP requests one client IP may make per RATE_LIMIT_WINDOW_SECONDS (many people, or a load test, may share one address); above it: 429 TOO_MANY_REQUESTS with Retry-After.',
  },
  RATE_LIMIT_PER_ACCOUNT: {
    schema: positiveInt,
    default: '12000',
    doc: 'HTTP requests one signed-in person may make per RATE_LIMIT_WINDOW_SECONDS, from any address; above it: 429 TOO_MANY_REQUESTS with Retry-After.',
  },
  HTTP_HEADERS_TIMEOUT_MS: {
    schema: positiveInt,
    default: '20000',
    doc: "Longest a client may take to send a request's headers; then the connection is closed.",
  },
  HTTP_REQUEST_TIMEOUT_MS: {
    schema: positiveInt,
    default: '120000',
    doc: 'Longest a client may take to send a whole request, body included (a 25 MB upload needs about 1.7 Mbit/s); then the connection is closed (408).',
  },
  WS_MAX_CONNECTIONS_PER_PERSON: {
    schema: positiveInt,
    default: '20',
    doc: 'Live (WebSocket) connections one person may hold open on one API process; one more is closed with 4429 TOO_MANY_CONNECTIONS.',
  },
  API_PROCESSES: {
    schema: z
      .string()
      .regex(/^(auto|\d+)$/, 'expected a number of processes, or auto (or 0) for one per CPU core')
      .transform((v) => (v === 'auto' || Number(v) === 0 ? availableParallelism() : Number(v))),
    default: '1',
    doc: 'Processes serving the API on the same port (node:cluster; the OS spreads connections between them). auto or 0: one per CPU core. Each runs the whole API, queue workers included when WORKERS_IN_PROCESS is true.',
  },
  API_STACK_VARIANT: {
    schema: z
      .string()
      .regex(
        /^(standard|((graphql-js|document-cache-off|cache-control-plugin)(,(graphql-js|document-cache-off|cache-control-plugin))*))$/,
        'expected standard, or a comma-separated list of graphql-js, document-cache-off, cache-control-plugin',
      )
      .transform((v) => new Set(v.split(','))),
    default: 'standard',
    doc: "For the paired runs of `npm run bench -- graphql-stack` only (docs/performance.md): standard, or a comma-separated list of graphql-js (queries executed by graphql-js, Apollo's own executor, instead of graphql-jit), document-cache-off, cache-control-plugin (Apollo's cache-control plugin, off in the standard stack).",
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
  databaseStatementTimeoutMs: number;
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
  signInMaxFailuresPerAccount: number;
  refreshTokenTtlDays: number;
  sessionCheckCacheSeconds: number;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  graphqlMaxResponseBytes: number;
  graphqlMaxConcurrentPerAccount: number;
  graphqlMaxConcurrentPerIp: number;
  explorerEnabled: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  uploadMaxBytes: number;
  uploadMediaTypes: string[];
  parseMaxExpandedBytes: number;
  parseMaxEntries: number;
  parseMaxCompressionRatio: number;
  parseTimeoutMs: number;
  parseMaxHeapMb: number;
  parseMaxConcurrent: number;
  outboxMaxAttempts: number;
  outboxRetryDelayMs: number;
  outboxSweepIntervalMs: number;
  outboxSendingTimeoutMs: number;
  retentionMessageDays: number;
  retentionReportFileDays: number;
  retentionTokenDays: number;
  retentionStakeholderYears: number;
  retentionIntervalMs: number;
  rateLimitWindowSeconds: number;
  rateLimitPerIp: number;
  rateLimitPerAccount: number;
  httpHeadersTimeoutMs: number;
  httpRequestTimeoutMs: number;
  wsMaxConnectionsPerPerson: number;
  /** API_PROCESSES resolved to a count (auto → CPU cores). */
  apiProcesses: number;
  /** 0: the worker serves no health checks. */
  workerHealthPort: number;
  /** Unset: /metrics is off (404). */
  metricsToken?: string;
  /** API_STACK_VARIANT: the GraphQL stack the API runs on (bench variants; standard = Nest on Fastify, Apollo with graphql-jit, no cache-control plugin). */
  stack: StackVariant;
}

export interface StackVariant {
  executor: 'graphql-js' | 'graphql-jit';
  /** Apollo's cache of parsed and validated documents (its default). */
  documentCache: boolean;
  /**
   * Apollo's cache-control plugin (Apollo's default, off here: no field declares a cache hint, and its
   * hook on every field resolved doubled the time of a whole-review read; docs/performance.md §4).
   */
  cacheControlPlugin: boolean;
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
  if ((values.HTTP_HEADERS_TIMEOUT_MS as number) > (values.HTTP_REQUEST_TIMEOUT_MS as number)) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: expected at most HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv,
    host: values.HOST as string,
    port: values.PORT as number,
    publicUrl: (values.PUBLIC_URL as string).replace(/\/$/, ''),
    databaseUrl: values.DATABASE_URL as string,
    databasePoolSize: values.DATABASE_POOL_SIZE as number,
    databaseStatementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS as number,
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
    signInMaxFailuresPerAccount: values.SIGN_IN_MAX_FAILURES_PER_ACCOUNT as number,
    refreshTokenTtlDays: values.REFRESH_TOKEN_TTL_DAYS as number,
    sessionCheckCacheSeconds: values.SESSION_CHECK_CACHE_SECONDS as number,
    graphqlMaxDepth: values.GRAPHQL_MAX_DEPTH as number,
    graphqlMaxComplexity: values.GRAPHQL_MAX_COMPLEXITY as number,
    graphqlMaxResponseBytes: values.GRAPHQL_MAX_RESPONSE_BYTES as number,
    graphqlMaxConcurrentPerAccount: values.GRAPHQL_MAX_CONCURRENT_PER_ACCOUNT as number,
    graphqlMaxConcurrentPerIp: values.GRAPHQL_MAX_CONCURRENT_PER_IP as number,
    explorerEnabled: (values.GRAPHQL_EXPLORER as boolean | undefined) ?? nodeEnv !== 'production',
    logLevel: values.LOG_LEVEL as AppConfig['logLevel'],
    uploadMaxBytes: values.UPLOAD_MAX_BYTES as number,
    uploadMediaTypes: (values.UPLOAD_MEDIA_TYPES as string)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    parseMaxExpandedBytes: values.PARSE_MAX_EXPANDED_BYTES as number,
    parseMaxEntries: values.PARSE_MAX_ENTRIES as number,
    parseMaxCompressionRatio: values.PARSE_MAX_COMPRESSION_RATIO as number,
    parseTimeoutMs: values.PARSE_TIMEOUT_MS as number,
    parseMaxHeapMb: values.PARSE_MAX_HEAP_MB as number,
    parseMaxConcurrent: values.PARSE_MAX_CONCURRENT as number,
    outboxMaxAttempts: values.OUTBOX_MAX_ATTEMPTS as number,
    outboxRetryDelayMs: values.OUTBOX_RETRY_DELAY_MS as number,
    outboxSweepIntervalMs: values.OUTBOX_SWEEP_INTERVAL_MS as number,
    outboxSendingTimeoutMs: values.OUTBOX_SENDING_TIMEOUT_MS as number,
    retentionMessageDays: values.RETENTION_MESSAGE_DAYS as number,
    retentionReportFileDays: values.RETENTION_REPORT_FILE_DAYS as number,
    retentionTokenDays: values.RETENTION_TOKEN_DAYS as number,
    retentionStakeholderYears: values.RETENTION_STAKEHOLDER_YEARS as number,
    retentionIntervalMs: values.RETENTION_INTERVAL_MS as number,
    rateLimitWindowSeconds: values.RATE_LIMIT_WINDOW_SECONDS as number,
    rateLimitPerIp: values.RATE_LIMIT_PER_IP as number,
    rateLimitPerAccount: values.RATE_LIMIT_PER_ACCOUNT as number,
    httpHeadersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS as number,
    httpRequestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS as number,
    wsMaxConnectionsPerPerson: values.WS_MAX_CONNECTIONS_PER_PERSON as number,
    apiProcesses: values.API_PROCESSES as number,
    workerHealthPort: values.WORKER_HEALTH_PORT as number,
    metricsToken: values.METRICS_TOKEN as string | undefined,
    stack: stackVariant(values.API_STACK_VARIANT as Set<string>),
  };
}

function stackVariant(flags: Set<string>): StackVariant {
  return {
    executor: flags.has('graphql-js') ? 'graphql-js' : 'graphql-jit',
    documentCache: !flags.has('document-cache-off'),
    cacheControlPlugin: flags.has('cache-control-plugin'),
  };
}
