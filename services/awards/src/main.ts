import { runUntilSignalled } from '@thidua/kit';
import { awardsEnvironment } from './environment.ts';
import { createAwardsService } from './awards-service.ts';

const env = awardsEnvironment();
const service = createAwardsService(env, env.AWARDS_HEALTH_PORT);
runUntilSignalled('awards', service, service.log);
