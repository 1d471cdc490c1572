import { parseArgs } from 'node:util';
import { presets, type Preset } from './workload.ts';

export interface BenchOptions {
  preset: Preset;
  /** CPU profiles of every service process, summarised at the end. */
  profile: boolean;
  /** Keep the run's database for inspection. */
  keep: boolean;
  /** Use the broker on the default port (or KAFKA_BROKERS) instead of starting one of its own. */
  reuseBroker: boolean;
}

export const usage =
  'npm run bench -- [--preset quick|demo|regional|national] [--profile] [--keep] [--reuse-broker]';

/** The command line, or a message saying what is wrong with it. */
export function parseBenchOptions(args: readonly string[]): BenchOptions | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        preset: { type: 'string', default: 'quick' },
        profile: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        'reuse-broker': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const preset = presets[values.preset];
  if (preset === undefined) {
    return {
      error: `unknown preset ${values.preset}; one of ${Object.keys(presets).join(', ')}`,
    };
  }
  return {
    preset,
    profile: values.profile,
    keep: values.keep,
    reuseBroker: values['reuse-broker'],
  };
}
