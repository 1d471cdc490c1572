// Summarises V8 CPU profiles (`--cpu-prof`): the functions with the most self time, and the share
// of time spent per package. `npx tsx test/bench/top-functions.ts FILE.cpuprofile [...] [--top N]`;
// `--callers NAME` shows instead whose calls a function's self time came from.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  idleMs: number;
  functions: { name: string; selfMs: number; share: number }[];
  packages: { name: string; selfMs: number; share: number }[];
}

/** Which package (or part of thidua) a script belongs to. */
function packageOf(url: string): string {
  if (url === '') return '(native / gc)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1] !== undefined) return modules[1];
  const own = /\/(services\/[^/]+|schema|infra|test)\//.exec(url);
  if (own?.[1] !== undefined) return `thidua ${own[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** A profile and its nodes by id. */
function readProfile(file: string): { profile: CpuProfile; byId: Map<number, ProfileNode> } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return { profile, byId: new Map(profile.nodes.map((node) => [node.id, node])) };
}

/** A frame as `name file:line`, `(anonymous)` for a function without a name. */
function frameLabel(frame: ProfileNode['callFrame']): string {
  const where = frame.url === '' ? '' : ` ${basename(frame.url)}:${frame.lineNumber + 1}`;
  return `${frame.functionName === '' ? '(anonymous)' : frame.functionName}${where}`;
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const { profile, byId } = readProfile(file);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    totalUs += us;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      if (frame.functionName === '(idle)') idleUs += us;
      continue;
    }
    const name = frameLabel(frame);
    functions.set(name, (functions.get(name) ?? 0) + us);
    const pkg =
      frame.functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const busyUs = Math.max(1, totalUs - idleUs);
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: us / busyUs }));
  return {
    file,
    totalMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    functions: rank(functions),
    packages: rank(packages),
  };
}

/** The self time of the functions named `name`, split by the first two package frames above them. */
export function callersOf(file: string, name: string, top = 15): string {
  const { profile, byId } = readProfile(file);
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameName = (id: number | undefined) => {
    const frame = id === undefined ? undefined : byId.get(id)?.callFrame;
    return frame === undefined ? '(root)' : frameLabel(frame);
  };
  const byCaller = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName !== name) return;
    const us = profile.timeDeltas[i] ?? 0;
    // Node's own frames (sockets, streams) say little: name the first two frames of a package.
    const callers: number[] = [];
    for (let at = parentOf.get(id); at !== undefined && callers.length < 2; at = parentOf.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      if (url !== '' && !url.startsWith('node:')) callers.push(at);
    }
    const chain = `${frameName(callers[0])} ← ${frameName(callers[1])}`;
    byCaller.set(chain, (byCaller.get(chain) ?? 0) + us);
    totalUs += us;
  });
  return [
    `${basename(file)}: ${name} ${String(Math.round(totalUs / 1000))} ms self, called from:`,
    ...[...byCaller]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([chain, us]) => `  ${String(Math.round(us / 1000)).padStart(7)} ms  ${chain}`),
  ].join('\n');
}

export function formatSummary(summary: ProfileSummary): string {
  const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  return [
    `${basename(summary.file)}: ${summary.totalMs} ms sampled, ${summary.idleMs} ms idle`,
    '  by package (share of busy time):',
    ...summary.packages.map(
      (p) => `    ${pct(p.share)} ${String(p.selfMs).padStart(7)} ms  ${p.name}`,
    ),
    '  by function (self time):',
    ...summary.functions.map(
      (f) => `    ${pct(f.share)} ${String(f.selfMs).padStart(7)} ms  ${f.name}`,
    ),
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const { values, positionals: files } = parseArgs({
    options: { top: { type: 'string', default: '15' }, callers: { type: 'string' } },
    allowPositionals: true,
  });
  const top = Number(values.top);
  const { callers } = values;
  for (const file of files) {
    const text =
      callers === undefined
        ? formatSummary(summarizeProfile(file, top))
        : callersOf(file, callers, top);
    process.stdout.write(`${text}\n\n`);
  }
}
