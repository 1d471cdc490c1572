import { commonSettings, readEnvironment } from '@thidua/kit';
import { z } from 'zod';

export const gatewayEnvironment = () =>
  readEnvironment({
    ...commonSettings,
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  });
