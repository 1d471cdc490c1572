import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
// Not from @thidua/infra's index: that would read the infra environment before the ports are chosen.
import { serviceArgs } from '../../infra/src/service-command.ts';
import { fail, sleep } from './bench-log.ts';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  port: number;
  readyz: string;
  peakRssMb: number;
  readyRssMb: number;
  /** CPU time (user and system) at the last `markCpu`, in ms. */
  cpuMarkMs: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MB, from /proc (Linux); null elsewhere or once it is gone. */
export function rssOf(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc's CPU times: USER_HZ, 100 on every Linux architecture Node runs on. */
const ticksPerSecond = 100;

/** CPU time a process has used (user and system), in ms, from /proc (Linux); null once it is gone. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // After the command name in parentheses: state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * The run's service processes, each started from its compiled JavaScript as `npm start` runs it;
 * one that exits before `stopAll` is a failure of the run.
 */
export class ServiceProcesses {
  readonly all: ServiceProcess[] = [];
  private stopping = false;

  /** `profileDir`: where each process writes its CPU profile, or null for none. */
  constructor(
    private readonly root: string,
    private readonly profileDir: string | null,
  ) {}

  spawn(
    name: string,
    env: Record<string, string>,
    portVariable: string,
    port: number,
  ): ServiceProcess {
    const profileArgs =
      this.profileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`];
    const child = spawn(
      process.execPath,
      [...profileArgs, ...serviceArgs(name, 'compiled', this.root)],
      {
        cwd: this.root,
        env: { ...process.env, ...env, [portVariable]: String(port), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        // kafkajs reports retried responses and rebalances as warnings; show the rest.
        if (!line.includes('"component":"kafkajs"')) process.stdout.write(`  [${name}] ${line}\n`);
      });
    }
    const service: ServiceProcess = {
      name,
      child,
      port,
      readyz: `http://127.0.0.1:${String(port)}/readyz`,
      peakRssMb: 0,
      readyRssMb: 0,
      cpuMarkMs: 0,
    };
    child.once('exit', (code, signal) => {
      if (!this.stopping) fail(`${name} exited (${signal ?? `code ${String(code)}`})`);
    });
    this.all.push(service);
    return service;
  }

  /** Samples every process's resident set every 200 ms into its peak; call the result to stop. */
  samplePeakRss(): () => void {
    const sampler = setInterval(() => {
      for (const service of this.all) {
        service.peakRssMb = Math.max(service.peakRssMb, rssOf(service.child.pid) ?? 0);
      }
    }, 200);
    return () => clearInterval(sampler);
  }

  /** Notes every process's CPU time so far; a process spawned later starts from 0. */
  markCpu(): void {
    for (const service of this.all) service.cpuMarkMs = cpuMsOf(service.child.pid) ?? 0;
  }

  /** CPU time each process used since `markCpu` (or its start), in ms. */
  cpuSinceMark(): Record<string, number> {
    return Object.fromEntries(
      this.all.map((s) => [s.name, (cpuMsOf(s.child.pid) ?? s.cpuMarkMs) - s.cpuMarkMs]),
    );
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.all.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

export async function waitReady(service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await fetch(service.readyz).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      service.readyRssMb = rssOf(service.child.pid) ?? 0;
      return;
    }
    if (Date.now() > deadline) throw new Error(`${service.name} did not become ready`);
    await sleep(200);
  }
}
