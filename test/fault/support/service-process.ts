import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The services a fault run starts, with the variable that names each one's HTTP port. */
export const portVariables = {
  scoring: 'SCORING_HEALTH_PORT',
  ranking: 'RANKING_HEALTH_PORT',
  awards: 'AWARDS_HEALTH_PORT',
  reporting: 'REPORTING_HEALTH_PORT',
  gateway: 'GATEWAY_PORT',
} as const;

export type ServiceName = keyof typeof portVariables;

/** How a service process ended: its exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  /** e.g. `scoring`, or `scoring#2` for a second instance. */
  label: string;
  name: ServiceName;
  child: ChildProcess;
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<Exit>;
  /** The last lines it logged, to explain a failure. */
  tail(): string;
}

// Processes this test process started and that still run: if it ends abruptly (a timed-out or
// interrupted run), they are killed with it instead of running on as orphans.
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** Kills `pid` if this test process ends before it does; `forget` once it has ended. */
export function killOnExit(pid: number): { forget(): void } {
  running.add(pid);
  return { forget: () => running.delete(pid) };
}

/** True when nothing listens on `port` now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

const handedOut = new Set<number>();

/**
 * A port nobody listens on now, below the ephemeral range (32768 and up on Linux), where the
 * system's own outgoing connections would take it, and never the same twice in one test process.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await canListen(port)) return port;
  }
}

/** How long a process may take to answer `/readyz` unless the caller allows more. */
export const defaultReadyTimeoutMs = 90_000;

/**
 * Starts a service from its main module as its own process, exactly as `npm start` does, so a test
 * can SIGKILL it. `env` adds to (and overrides) this process's environment.
 */
export async function spawnService(
  name: ServiceName,
  label: string,
  env: Record<string, string>,
  readyTimeoutMs = defaultReadyTimeoutMs,
): Promise<ServiceProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(name, label, env, readyTimeoutMs);
    } catch (error) {
      // Someone else (another test run on this machine) took the port between check and listen.
      const taken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!taken || attempt >= 3) throw error;
    }
  }
}

async function spawnOnce(
  name: ServiceName,
  label: string,
  env: Record<string, string>,
  readyTimeoutMs: number,
): Promise<ServiceProcess> {
  const port = await freePort();
  // A failpoint is only ever set on purpose, for one process.
  const inherited = { ...process.env };
  delete inherited.THIDUA_FAILPOINT;
  const child = spawn(process.execPath, ['--import', 'tsx', `services/${name}/src/main.ts`], {
    cwd: root,
    env: { ...inherited, ...env, [portVariables[name]]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
    });
  }
  const guard = killOnExit(child.pid ?? 0);
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      guard.forget();
      resolve({ code, signal });
    });
  });
  const service: ServiceProcess = {
    label,
    name,
    child,
    exited,
    tail: () => lines.join('\n'),
  };
  await waitReady(service, `http://127.0.0.1:${port}/readyz`, readyTimeoutMs);
  return service;
}

/** Waits for `/readyz` to answer 200: the service has joined its consumer group (or is serving). */
async function waitReady(service: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  const state = { gone: false };
  void service.exited.then(() => {
    state.gone = true;
  });
  for (;;) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    // Ready only while alive: the answer must not come from another process on a reused port.
    if (ready && !state.gone) return;
    if (state.gone || Date.now() > deadline) {
      service.child.kill('SIGKILL');
      const waited = ((Date.now() - started) / 1000).toFixed(0);
      const how = state.gone ? `exited after ${waited} s` : `not ready after ${waited} s`;
      throw new Error(`${service.label} did not become ready (${how}):\n${service.tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops a process as a supervisor would (SIGTERM, SIGKILL after 15 s) and waits for its end. */
export async function stopService(service: ServiceProcess): Promise<Exit> {
  const { child } = service;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const exit = await service.exited;
    clearTimeout(timer);
    return exit;
  }
  return service.exited;
}
