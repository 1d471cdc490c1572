import { runUntilSignalled } from '@thidua/kit';
import { reportingEnvironment } from './environment.ts';
import { createReportingService } from './reporting-service.ts';

const env = reportingEnvironment();
const service = createReportingService(env, env.REPORTING_HEALTH_PORT);
runUntilSignalled('reporting', service, service.log);
