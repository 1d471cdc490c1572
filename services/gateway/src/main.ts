import { runUntilSignalled } from '@thidua/kit';
import { gatewayEnvironment, identityProviderOf } from './environment.ts';
import { createGatewayService } from './gateway-service.ts';

const env = gatewayEnvironment();
const service = createGatewayService(env, {
  port: env.GATEWAY_PORT,
  development: env.NODE_ENV !== 'production',
  authSecret: env.AUTH_SECRET,
  identityProvider: identityProviderOf(env),
  tokenMaxLifetime: env.TOKEN_MAX_LIFETIME,
  persistedOperationsOnly: env.PERSISTED_OPERATIONS_ONLY,
  streamsPerSubject: env.STREAMS_PER_SUBJECT,
  corsOrigins: env.CORS_ORIGINS,
  timeouts: {
    headersMs: env.GATEWAY_HEADERS_TIMEOUT_MS,
    requestMs: env.GATEWAY_REQUEST_TIMEOUT_MS,
    keepAliveMs: env.GATEWAY_KEEP_ALIVE_TIMEOUT_MS,
  },
});
runUntilSignalled('gateway', service, service.log);
