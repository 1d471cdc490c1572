import { commonSettings, readEnvironment } from '@thidua/kit';
import { z } from 'zod';

export const reportingEnvironment = () =>
  readEnvironment({
    ...commonSettings,
    REPORTING_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4104),
  });
