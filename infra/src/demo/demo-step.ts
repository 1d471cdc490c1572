import type { Command } from '@thidua/gateway';

/** One act of the demo calendar: a gateway command and the moment it happened. */
export interface DemoStep {
  at: string;
  command: Command<unknown>;
}
