export { createAwardsService } from './awards-service.ts';
