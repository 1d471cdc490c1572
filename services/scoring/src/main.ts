import { runUntilSignalled } from '@thidua/kit';
import { scoringEnvironment } from './environment.ts';
import { createScoringService } from './scoring-service.ts';

const env = scoringEnvironment();
const service = createScoringService(env, env.SCORING_HEALTH_PORT);
runUntilSignalled('scoring', service, service.log);
