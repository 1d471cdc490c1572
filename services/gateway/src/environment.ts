import { commonSettings, ConfigurationError, readEnvironment } from '@thidua/kit';
import { z } from 'zod';
import {
  defaultTokenMaxLifetime,
  lifetimeSeconds,
  ownAudience,
  ownClaims,
  ownIssuer,
  type IdentityProvider,
} from './auth/tokens.ts';

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
    /** An OpenID provider's key set (JWKS), fetched again for a key it lacks: keys may rotate. */
    AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The `iss` and `aud` the provider's tokens must carry (required with AUTH_JWKS_URL). */
    AUTH_ISSUER: z.string().min(1).optional(),
    AUTH_AUDIENCE: z.string().min(1).optional(),
    /** The claims naming a unit, and a role whose value AUTH_CENTRAL_ROLE is the central board. */
    AUTH_UNIT_CLAIM: z.string().min(1).default(ownClaims.unit),
    AUTH_ROLE_CLAIM: z.string().min(1).default(ownClaims.role),
    AUTH_CENTRAL_ROLE: z.string().min(1).default(ownClaims.centralRole),
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
  const problems: string[] = [];
  if (env.AUTH_PUBLIC_KEY !== undefined && env.AUTH_JWKS_URL !== undefined) {
    problems.push('AUTH_JWKS_URL: give either AUTH_PUBLIC_KEY or AUTH_JWKS_URL, not both');
  }
  if (env.AUTH_JWKS_URL !== undefined) {
    if (env.AUTH_ISSUER === undefined) problems.push('AUTH_ISSUER: required with AUTH_JWKS_URL');
    if (env.AUTH_AUDIENCE === undefined) {
      problems.push('AUTH_AUDIENCE: required with AUTH_JWKS_URL');
    }
    // A key set fetched over plain HTTP could be replaced on the way, and every token with it.
    if (env.NODE_ENV === 'production' && !env.AUTH_JWKS_URL.startsWith('https:')) {
      problems.push('AUTH_JWKS_URL: must be an https address in production');
    }
  }
  if (
    env.NODE_ENV === 'production' &&
    env.AUTH_PUBLIC_KEY === undefined &&
    env.AUTH_JWKS_URL === undefined &&
    env.AUTH_SECRET === developmentSecret
  ) {
    problems.push(
      'AUTH_SECRET: must be set to a secret of your own in production (or AUTH_PUBLIC_KEY or AUTH_JWKS_URL given)',
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return env;
};

/** The identity provider the settings name, if any: a public key (PEM) or a key set's address. */
export function identityProviderOf(
  env: ReturnType<typeof gatewayEnvironment>,
): IdentityProvider | undefined {
  const keys =
    env.AUTH_JWKS_URL !== undefined
      ? { jwksUrl: new URL(env.AUTH_JWKS_URL) }
      : env.AUTH_PUBLIC_KEY !== undefined
        ? { publicKeyPem: env.AUTH_PUBLIC_KEY }
        : undefined;
  if (keys === undefined) return undefined;
  return {
    keys,
    issuer: env.AUTH_ISSUER ?? ownIssuer,
    audience: env.AUTH_AUDIENCE ?? ownAudience,
    claims: {
      unit: env.AUTH_UNIT_CLAIM,
      role: env.AUTH_ROLE_CLAIM,
      centralRole: env.AUTH_CENTRAL_ROLE,
    },
  };
}
