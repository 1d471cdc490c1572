import { commonSettings, ConfigurationError, readEnvironment } from '@thidua/kit';
import { z } from 'zod';
import { lifetimeSeconds } from './auth/tokens.ts';

/** Signs development tokens only; a production gateway refuses to start with it. */
export const developmentSecret = 'thidua-development-only-secret-do-not-deploy';

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
    TOKEN_MAX_LIFETIME: lifetimeSeconds.default(12 * 3600),
    /** `true`: run only the operations of schema/graphql/operations, sent by their sha256. */
    PERSISTED_OPERATIONS_ONLY: z.stringbool().default(false),
    /** How many rankingChanged streams one identity (token subject) may hold open at once. */
    STREAMS_PER_SUBJECT: z.coerce.number().int().min(1).default(5),
  });
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
