export { createGatewayService, type GatewayService } from './gateway-service.ts';
export { executeCommand } from './commands/command.ts';
export { defineCluster } from './commands/define-cluster.ts';
export { openPeriod } from './commands/open-period.ts';
export { closePeriod } from './commands/close-period.ts';
export { assignScheme } from './commands/assign-scheme.ts';
export { submitResults } from './commands/submit-results.ts';
export { printedSchema } from './print-schema.ts';
export type { GatewayDatabase } from './database.ts';
