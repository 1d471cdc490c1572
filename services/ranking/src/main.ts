import { runUntilSignalled } from '@thidua/kit';
import { rankingEnvironment } from './environment.ts';
import { createRankingService } from './ranking-service.ts';

const env = rankingEnvironment();
const service = createRankingService(env, env.RANKING_HEALTH_PORT);
runUntilSignalled('ranking', service, service.log);
