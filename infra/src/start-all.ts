import { commonSettings, createDb, ensureDatabase, readEnvironment } from '@thidua/kit';
import { developmentSecret, mintToken, type GatewayDatabase } from '@thidua/gateway';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDemo } from './demo/load-demo.ts';
import { ensureBroker, type BrokerHandle } from './ensure-broker.ts';
import { serviceArgs } from './service-command.ts';

/**
 * `npm start`: brings up Kafka (unless one is configured or running) and checks PostgreSQL, starts
 * every service as its own process with prefixed logs, loads the demo year and prints where
 * GraphiQL is. Ctrl-C stops everything it started.
 */
const env = readEnvironment({
  ...commonSettings,
  GATEWAY_PORT: z.coerce.number().int().default(4000),
  SCORING_HEALTH_PORT: z.coerce.number().int().default(4101),
  RANKING_HEALTH_PORT: z.coerce.number().int().default(4102),
  AUTH_SECRET: z.string().min(32).default(developmentSecret),
  AWARDS_HEALTH_PORT: z.coerce.number().int().default(4103),
  REPORTING_HEALTH_PORT: z.coerce.number().int().default(4104),
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const services = [
  { name: 'scoring', readyz: `http://127.0.0.1:${env.SCORING_HEALTH_PORT}/readyz` },
  { name: 'ranking', readyz: `http://127.0.0.1:${env.RANKING_HEALTH_PORT}/readyz` },
  { name: 'awards', readyz: `http://127.0.0.1:${env.AWARDS_HEALTH_PORT}/readyz` },
  { name: 'reporting', readyz: `http://127.0.0.1:${env.REPORTING_HEALTH_PORT}/readyz` },
  { name: 'gateway', readyz: `http://127.0.0.1:${env.GATEWAY_PORT}/readyz` },
];
const children: ChildProcess[] = [];
// Set from signal handlers and child exits while other code awaits.
const shutdown = { stopping: false };
let broker: BrokerHandle | null = null;

function say(message: string): void {
  process.stdout.write(`[thidua] ${message}\n`);
}

function startService(name: string, brokers: string[]): ChildProcess {
  const child = spawn(process.execPath, serviceArgs(name, 'compiled', root), {
    cwd: root,
    env: { ...process.env, KAFKA_BROKERS: brokers.join(','), DATABASE_URL: env.DATABASE_URL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`[${name}] ${line}\n`),
    );
  }
  child.once('exit', (code, signal) => {
    if (!shutdown.stopping) say(`${name} exited (${signal ?? `code ${code ?? '?'}`}); stopping`);
    void stopAll(1);
  });
  return child;
}

async function waitReady(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function stopAll(code: number): Promise<void> {
  if (shutdown.stopping) return;
  shutdown.stopping = true;
  say('stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  if (broker?.started === true) {
    say('stopping the Kafka broker');
    await broker.stop();
  }
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main(): Promise<void> {
  try {
    await ensureDatabase(env.DATABASE_URL);
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${env.DATABASE_URL} (${(error as Error).message}). ` +
        'Start PostgreSQL 14+ or set DATABASE_URL; with Docker: docker compose -f infra/docker-compose.yml up',
    );
  }
  say('PostgreSQL answers');
  broker = await ensureBroker(`${root}.thidua/kafka`);
  say(
    broker.started
      ? `Kafka broker started on ${broker.brokers.join(',')} (log: ${broker.logFile ?? ''})`
      : `using the Kafka broker at ${broker.brokers.join(',')}`,
  );
  for (const service of services) children.push(startService(service.name, broker.brokers));
  await Promise.all(services.map((s) => waitReady(s.readyz, s.name)));
  say('every service is ready');

  const db = createDb<GatewayDatabase>(env.DATABASE_URL, 'gateway', 2);
  try {
    const loaded = await loadDemo(db);
    say(
      loaded > 0
        ? `demo data loaded (${loaded} commands: clusters cum-1, cum-2 and cum-3 in 2023, H1 and FY; the 2025 clusters after the merger)`
        : 'demo data already present',
    );
  } finally {
    await db.destroy();
  }
  say(`web app: http://127.0.0.1:${env.GATEWAY_PORT}/ (sign in as any demo unit or the board)`);
  say(`GraphiQL: http://127.0.0.1:${env.GATEWAY_PORT}/graphql`);
  const central = await mintToken(env.AUTH_SECRET, { subject: 'demo-central', central: true });
  const haTinh = await mintToken(env.AUTH_SECRET, { subject: 'demo@ha-tinh', unitCode: 'ha-tinh' });
  say('sign in with a header in GraphiQL, e.g. {"Authorization": "Bearer <token>"}:');
  say(`  the central board: ${central}`);
  say(`  Hà Tĩnh (lead of Cluster No. 2 in 2023): ${haTinh}`);
  const thanhHoa = await mintToken(env.AUTH_SECRET, {
    subject: 'demo@thanh-hoa',
    unitCode: 'thanh-hoa',
  });
  say(`  Thanh Hóa (lead of Cluster No. 2 in 2026): ${thanhHoa}`);
  say('  other units: npm run token -- --unit <code>');
  say(
    "README's walkthrough: submit as Hà Tĩnh for 2026-FY, review as Thanh Hóa, decide as the board",
  );
  say('try: { ranking(cluster: "cum-2", period: "2023-H1") { entries { rank unitName total } } }');
  say('and: { awards(cluster: "cum-2", year: 2023) { lines { unitCode proposed status } } }');
  say('and: { summary(period: "2023-H1") { members submitted indicatorTotals { code total } } }');
  say('Ctrl-C stops everything started here');
}

main().catch((error: unknown) => {
  process.stderr.write(`[thidua] ${error instanceof Error ? error.message : String(error)}\n`);
  void stopAll(1);
});
