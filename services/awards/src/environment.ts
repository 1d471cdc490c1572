import { commonSettings, readEnvironment } from '@thidua/kit';
import { z } from 'zod';

export const awardsEnvironment = () =>
  readEnvironment({
    ...commonSettings,
    AWARDS_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4103),
  });
