import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'erwartet true oder false' })
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable the backend reads. Validated once at start-up; an invalid value
 * stops the process with a message that names the variable (see formatConfigError).
 */
export const EnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** postgres://… — or pglite:<directory> for the embedded single-process database of `npm start`. */
  DATABASE_URL: z.union([z.url({ protocol: /^postgres(ql)?$/ }), z.string().regex(/^pglite:.+/)], {
    message: 'erwartet postgres://… (oder pglite:<Verzeichnis> für die eingebettete Datenbank)',
  }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'erwartet redis://… oder rediss://…' }),
  APP_ORIGIN: z.url({ protocol: /^https?$/, message: 'erwartet die öffentliche Adresse, z. B. https://amtsplan.stadt.de' }),
  SESSION_SECRET: z.string().min(32, 'mindestens 32 Zeichen'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'erwartet smtp://… oder smtps://…' }).optional(),
  SMTP_FROM: z.string().default('Amtsplan <no-reply@amtsplan.invalid>'),
  DEMO_PASSWORD: z.string().min(12, 'mindestens 12 Zeichen').optional(),
  /** Where the built frontend lives; the api serves it when the directory exists. */
  FRONTEND_DIST: z.string().optional(),
  /** Whether a reverse proxy in front sets X-Forwarded-For (needed for per-IP login throttling). */
  TRUST_PROXY: booleanFlag.default(false),
  /** API docs UI at /api/docs: on by default outside production. */
  API_DOCS: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Uploaded images live here, outside the web root; served only through the API. */
  MEDIA_DIR: z.string().min(1).default('.data/media'),
  /** Largest image upload in bytes (default 10 MiB). */
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Largest Excel/CSV plan import in bytes (default 5 MiB). */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  /**
   * Key for channel access tokens at rest (AES-256-GCM): 32 random bytes, base64
   * (`openssl rand -base64 32`). Without it no channel can be connected to its platform.
   */
  CHANNEL_SECRET_KEY: z
    .string()
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, {
      message: 'erwartet 32 zufällige Bytes in Base64, z. B. von: openssl rand -base64 32',
    })
    .optional(),
  /** A post this many minutes after its planned time is "verpasst" and not published without a person (default 2 h). */
  PUBLISH_MISSED_AFTER_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  /** How long one request to a platform may take before its outcome counts as unknown. */
  PUBLISH_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
});

export type Environment = z.infer<typeof EnvironmentSchema>;

export interface AppConfig {
  readonly env: Environment['NODE_ENV'];
  readonly port: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly appOrigin: string;
  readonly sessionSecret: string;
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  readonly demoPassword: string | undefined;
  readonly frontendDist: string | undefined;
  readonly trustProxy: boolean;
  readonly apiDocs: boolean;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly mediaDir: string;
  readonly mediaMaxBytes: number;
  readonly importMaxBytes: number;
  /** The 32-byte key for channel secrets; undefined when CHANNEL_SECRET_KEY is not set. */
  readonly channelSecretKey: Buffer | undefined;
  readonly publishMissedAfterMs: number;
  readonly publishRequestTimeoutMs: number;
  /** Cookies get `Secure` unless the app is served from localhost over plain http. */
  readonly secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Ungültige Konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment or throws a ConfigError naming every invalid variable. */
function parseEnvironment<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

export function loadAppConfig(source: Record<string, string | undefined>): AppConfig {
  const env = parseEnvironment(EnvironmentSchema, source);
  const origin = new URL(env.APP_ORIGIN);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(origin.hostname);
  if (env.NODE_ENV === 'production' && origin.protocol !== 'https:' && !local) {
    throw new ConfigError(['APP_ORIGIN: in production nur mit https://']);
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    appOrigin: origin.origin,
    sessionSecret: env.SESSION_SECRET,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    demoPassword: env.DEMO_PASSWORD,
    frontendDist: env.FRONTEND_DIST,
    trustProxy: env.TRUST_PROXY,
    apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
    logLevel: env.LOG_LEVEL,
    mediaDir: env.MEDIA_DIR,
    mediaMaxBytes: env.MEDIA_MAX_BYTES,
    importMaxBytes: env.IMPORT_MAX_BYTES,
    channelSecretKey: env.CHANNEL_SECRET_KEY === undefined ? undefined : Buffer.from(env.CHANNEL_SECRET_KEY, 'base64'),
    publishMissedAfterMs: env.PUBLISH_MISSED_AFTER_MINUTES * 60_000,
    publishRequestTimeoutMs: env.PUBLISH_REQUEST_TIMEOUT_SECONDS * 1000,
    secureCookies: origin.protocol === 'https:' || !local,
  };
}

/** Read once from the process environment; the only place in the backend that does. */
export function appConfigFromProcess(): AppConfig {
  return loadAppConfig(process.env);
}

/** The CLI needs only the database (and the demo password for the seed). */
export const CliEnvironmentSchema = EnvironmentSchema.pick({ DATABASE_URL: true, DEMO_PASSWORD: true, NODE_ENV: true });
export type CliConfig = z.infer<typeof CliEnvironmentSchema>;

export function cliConfigFromProcess(): CliConfig {
  return parseEnvironment(CliEnvironmentSchema, process.env);
}
