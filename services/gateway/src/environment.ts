import { commonSettings, ConfigurationError, readEnvironment } from '@thidua/kit';
import { z } from 'zod';
import { defaultTokenMaxLifetime, lifetimeSeconds } from './auth/tokens.ts';

/** Signs development tokens only; a production gateway refuses to start with it. */
export const developmentSecret = 'thidua-development-only-secret-do-not-deploy';

/** A web origin: scheme, host and port, nothing more (`https://thidua.example.vn`). */
const origin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  },
  { message: 'must be an origin such as https://thidua.example.vn (no path, no trailing slash)' },
);

const milliseconds = z.coerce.number().int().min(1);

export const gatewayEnvironment = () => {
  const env = readEnvironment({
    ...commonSettings,
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** The HS256 secret that signs bearer tokens: at least 32 characters. */
    AUTH_SECRET: z.string().min(32).default(developmentSecret),
    /** An identity provider's public key (PEM, RS256/ES256/EdDSA); then AUTH_SECRET signs nothing. */
    AUTH_PUBLIC_KEY: z.string().startsWith('-----BEGIN PUBLIC KEY-----').optional(),
    /** The longest a bearer token may live (`exp` − `iat`), in seconds or as `30m`, `12h`, `2d`. */
    TOKEN_MAX_LIFETIME: lifetimeSeconds.default(defaultTokenMaxLifetime),
    /** `true`: run only the operations of schema/graphql/operations, sent by their sha256. */
    PERSISTED_OPERATIONS_ONLY: z.stringbool().default(false),
    /** How many rankingChanged streams one identity (token subject) may hold open at once. */
    STREAMS_PER_SUBJECT: z.coerce.number().int().min(1).default(5),
    /** Comma-separated web origins whose pages may call the API; empty: same origin only. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      )
      .pipe(z.array(origin)),
    /** How long a client may take to send a request's headers, then its whole request. */
    GATEWAY_HEADERS_TIMEOUT_MS: milliseconds.default(10_000),
    GATEWAY_REQUEST_TIMEOUT_MS: milliseconds.default(30_000),
    /** How long an idle kept-alive connection waits for its next request. */
    GATEWAY_KEEP_ALIVE_TIMEOUT_MS: milliseconds.default(5_000),
  });
  if (env.GATEWAY_HEADERS_TIMEOUT_MS > env.GATEWAY_REQUEST_TIMEOUT_MS) {
    throw new ConfigurationError([
      'GATEWAY_HEADERS_TIMEOUT_MS: must not exceed GATEWAY_REQUEST_TIMEOUT_MS',
    ]);
  }
  if (
    env.NODE_ENV === 'production' &&
    env.AUTH_PUBLIC_KEY === undefined &&
    env.AUTH_SECRET === developmentSecret
  ) {
    throw new ConfigurationError([
      'AUTH_SECRET: must be set to a secret of your own in production (or AUTH_PUBLIC_KEY given)',
    ]);
  }
  return env;
};
