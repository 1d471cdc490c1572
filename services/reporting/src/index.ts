export { createReportingService } from './reporting-service.ts';
export type { PeriodSummary } from './summarize-period.ts';
