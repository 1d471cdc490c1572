// The table a run prints at its end: one line per measure, with the figure and its context.
export function printTable(results: {
  preset: string;
  machine: { cores: number; memGiB: number; node: string; kafka: string; postgres: string };
  bareStage: { eventsPerSec: number };
  drain: {
    submissions: number;
    seconds: number;
    submissionsPerSec: number;
    eventsPerSec: number;
    ratioToBareStage: number;
  };
  query: {
    reqPerSec: number;
    p50Ms: number;
    p99Ms: number;
    bareReqPerSec: number;
    ratioToBare: number;
  };
  visible: { rate: number; p50Ms: number; p99Ms: number };
  rssMb: Record<string, number>;
  cpuMsPer1000Events: Record<string, number>;
}): void {
  const { machine, bareStage, drain, query, visible, rssMb, cpuMsPer1000Events } = results;
  const rows: [string, string, string][] = [
    ['bare stage', `${String(bareStage.eventsPerSec)} events/s`, 'floor of one stage'],
    [
      'drain',
      `${String(drain.submissionsPerSec)} submissions/s (${String(drain.eventsPerSec)} events/s)`,
      `${String(drain.submissions)} in ${String(drain.seconds)} s; ${(drain.ratioToBareStage * 100).toFixed(1)}% of bare`,
    ],
    [
      'query (20 conn.)',
      `${String(query.reqPerSec)} req/s, p50 ${String(query.p50Ms)} ms, p99 ${String(query.p99Ms)} ms`,
      `bare yoga ${String(query.bareReqPerSec)} req/s; ${(query.ratioToBare * 100).toFixed(1)}% of bare`,
    ],
    [
      'visible',
      `p50 ${String(visible.p50Ms)} ms, p99 ${String(visible.p99Ms)} ms`,
      `at ${String(visible.rate)} mutations/s`,
    ],
    [
      'peak RSS (drain)',
      Object.entries(rssMb)
        .map(([name, mb]) => `${name} ${String(mb)} MB`)
        .join(', '),
      'per service process',
    ],
    [
      'CPU (drain)',
      Object.entries(cpuMsPer1000Events)
        .map(([name, ms]) => `${name} ${String(ms)}`)
        .join(', '),
      'ms per 1,000 contest events, per service process',
    ],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(
    [
      '',
      `thidua bench, preset ${results.preset}: ${String(machine.cores)} cores, ${String(machine.memGiB)} GiB, Node ${machine.node}, Kafka ${machine.kafka}, PostgreSQL ${machine.postgres}`,
      line(['measure', 'figure', 'context']),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
}
