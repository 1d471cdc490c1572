import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  PodDisruptionBudget,
  type IPodDisruptionBudget,
} from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

// No Docker or Kubernetes runs here, so the deployment files are checked as text: every manifest
// against the Kubernetes object schemas of kubernetes-models, and every setting the services read
// against what the manifests, the compose file or the README's configuration table give it.
const root = fileURLToPath(new URL('../../', import.meta.url));
const deploy = join(root, 'infra/deploy');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const consumers = { scoring: 4101, ranking: 4102, awards: 4103, reporting: 4104 } as const;
const services = { ...consumers, gateway: 4000 } as const;
type ServiceName = keyof typeof services;
const serviceNames = Object.keys(services) as ServiceName[];

/**
 * The measured resident size (README, "Performance": peak RSS of the national benchmark, four
 * runs): a service's memory limit must hold its peak, and its request at least its ready size.
 */
const measuredMb = {
  consumer: { ready: 89, peak: 186 },
  gateway: { ready: 200, peak: 242 },
};

/** Each kind's model, and the module of its TypeScript type (`I` + kind). */
const models = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
} as const;

interface Manifest {
  file: string;
  object: { apiVersion: string; kind: string; metadata: { name: string } } & Record<
    string,
    unknown
  >;
}

function manifests(): Manifest[] {
  const folder = join(deploy, 'k8s');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(folder, file), 'utf8')).map((document) => {
        expect(document.errors, file).toEqual([]);
        return { file, object: document.toJS() as Manifest['object'] };
      }),
    );
}

const ofKind = <T>(kind: string) =>
  manifests()
    .filter(({ object }) => object.kind === kind)
    .map(({ object }) => object as unknown as T);

/**
 * The fields no Kubernetes type has (a misspelt `readinesProbe`, say), which the schemas above let
 * through and the API server's strict field validation refuses: each manifest becomes an object
 * literal of its kubernetes-models type, and TypeScript's excess property check names them.
 */
function unknownFields(found: Manifest[]): { manifest: number; problem: string }[] {
  const modules: Record<string, string> = {
    'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
    'v1/Service': 'kubernetes-models/v1/Service',
    'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
    'policy/v1/PodDisruptionBudget': 'kubernetes-models/policy/v1/PodDisruptionBudget',
  };
  // One manifest a line, so that a problem's line names its manifest.
  const source = found
    .map(({ object }, index) => {
      const module = modules[`${object.apiVersion}/${object.kind}`] ?? 'unknown';
      return `export const m${index}: import('${module}').I${object.kind} = ${JSON.stringify(object)};`;
    })
    .join('\n');
  const file = join(root, 'infra/test/manifests-as-types.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const base = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile: (name, version, ...rest) =>
      name === file
        ? ts.createSourceFile(name, source, version)
        : base.getSourceFile(name, version, ...rest),
    fileExists: (name) => name === file || base.fileExists(name),
    readFile: (name) => (name === file ? source : base.readFile(name)),
  };
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    manifest:
      diagnostic.file === undefined || diagnostic.start === undefined
        ? -1
        : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line,
    problem: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  }));
}

/** Mebibytes of a Kubernetes memory quantity such as `192Mi` or `1Gi`. */
function mebibytes(quantity: unknown): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(String(quantity));
  if (match === null) throw new Error(`${String(quantity)} is not in Mi or Gi`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

/**
 * Every setting the services read: the keys of their zod environment shapes (the kit's common
 * settings and each service's own, `NAME: z.…`) and any `process.env.NAME`.
 */
function settingsTheServicesRead(): Map<string, string[]> {
  const readBy = new Map<string, string[]>();
  const walk = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(folder, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(folder, entry.name)]
          : [],
    );
  for (const service of [...serviceNames, 'kit']) {
    for (const file of walk(`services/${service}/src`)) {
      const text = read(file);
      const names = [
        ...text.matchAll(/^\s+([A-Z][A-Z0-9_]{2,}): z\b/gm),
        ...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g),
      ].map((match) => match[1] ?? '');
      for (const name of names) readBy.set(name, [...(readBy.get(name) ?? []), file]);
    }
  }
  return readBy;
}

/** The variables of the README's configuration table (its first column, `A`, `B` and all). */
function documentedSettings(): Set<string> {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('## Configuration'));
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));
  return new Set(
    rows
      .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z0-9_]+)`/g)])
      .map((m) => m[1] ?? ''),
  );
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

function compose(): Record<string, ComposeService> {
  const document = parseAllDocuments(read('infra/deploy/docker-compose.yml'), { merge: true });
  expect(document).toHaveLength(1);
  const [only] = document;
  expect(only?.errors).toEqual([]);
  return (only?.toJS({ maxAliasCount: 100 }) as { services: Record<string, ComposeService> })
    .services;
}

describe('the Kubernetes manifests', () => {
  test('are each a valid object of a known kind', () => {
    const found = manifests();
    expect(found.length).toBeGreaterThan(0);
    for (const { file, object } of found) {
      const known: Partial<Record<string, (typeof models)[keyof typeof models]>> = models;
      const model = known[`${object.apiVersion}/${object.kind}`];
      if (model === undefined) throw new Error(`${file}: no schema for ${object.kind}`);
      expect(() => {
        new model(object).validate();
      }, `${file}: ${object.metadata.name}`).not.toThrow();
    }
  });

  test('have no field their Kubernetes type lacks', () => {
    const found = manifests();
    const [first] = found;
    if (first === undefined) throw new Error('no manifest');
    // A misspelt field added last shows that the check finds one.
    const misspelt = { ...first, object: { ...first.object, spce: {} } };
    expect(unknownFields([...found, misspelt])).toEqual([
      {
        manifest: found.length,
        problem: expect.stringMatching(/'"spce"' does not exist in type 'I/) as string,
      },
    ]);
  }, 60_000); // a TypeScript program: seconds, more on a busy machine

  test('the validation refuses an object that breaks its schema', () => {
    const [deployment] = ofKind<IDeployment>('Deployment');
    const broken = structuredClone(deployment) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => {
      new Deployment(broken as never).validate();
    }).toThrow(/replicas must be integer/);
  });

  test.each(serviceNames)(
    '%s: a Deployment of the one image, ready on /readyz, alive on /healthz, scraped at /metrics, on its port',
    (name) => {
      const deployment = ofKind<IDeployment>('Deployment').find(
        (candidate) => candidate.metadata?.name === `thidua-${name}`,
      );
      const pod = deployment?.spec?.template.spec;
      const [container] = pod?.containers ?? [];
      expect(container?.args).toEqual([name]);
      expect(container?.image).toMatch(/^thidua:/);
      const port = container?.ports?.find(
        (candidate) => candidate.containerPort === services[name],
      );
      expect(port?.name).toBeDefined();
      expect(container?.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: port?.name });
      expect(container?.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: port?.name });
      expect(deployment?.spec?.template.metadata?.annotations).toMatchObject({
        'prometheus.io/port': String(services[name]),
        'prometheus.io/path': '/metrics',
      });
      expect(pod?.securityContext?.runAsNonRoot).toBe(true);
      expect(container?.securityContext?.allowPrivilegeEscalation).toBe(false);
      expect(deployment?.spec?.replicas).toBeGreaterThanOrEqual(2);
      expect(deployment?.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    },
  );

  test.each(serviceNames)('%s: memory requested and limited from the measured RSS', (name) => {
    const deployment = ofKind<IDeployment>('Deployment').find(
      (candidate) => candidate.metadata?.name === `thidua-${name}`,
    );
    const resources = deployment?.spec?.template.spec?.containers[0]?.resources;
    const measured = name === 'gateway' ? measuredMb.gateway : measuredMb.consumer;
    expect(mebibytes(resources?.requests?.memory)).toBeGreaterThanOrEqual(measured.ready);
    expect(mebibytes(resources?.limits?.memory)).toBeGreaterThanOrEqual(measured.peak * 1.5);
    expect(resources?.requests?.cpu).toBeDefined();
  });

  test.each(serviceNames)(
    '%s: a PodDisruptionBudget and instances spread over nodes keep one up through a drain',
    (name) => {
      const deployment = ofKind<IDeployment>('Deployment').find(
        (candidate) => candidate.metadata?.name === `thidua-${name}`,
      );
      const labels = deployment?.spec?.template.metadata?.labels ?? {};
      const budgets = ofKind<IPodDisruptionBudget>('PodDisruptionBudget').filter((budget) =>
        Object.entries(budget.spec?.selector?.matchLabels ?? { none: '' }).every(
          ([key, value]) => labels[key] === value,
        ),
      );
      expect(budgets).toHaveLength(1);
      const [budget] = budgets;
      expect(budget?.spec?.maxUnavailable).toBe(1);
      expect(deployment?.spec?.replicas).toBeGreaterThan(1);
      expect(deployment?.spec?.template.spec?.topologySpreadConstraints).toEqual([
        expect.objectContaining({
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchLabels: deployment?.spec?.selector.matchLabels },
        }),
      ]);
    },
  );

  test('the ConfigMap gives every service the topic settings of production', () => {
    const [config] = ofKind<{ data: Record<string, string> }>('ConfigMap');
    expect(config?.data).toMatchObject({
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_RETENTION_MS: '-1',
      NODE_ENV: 'production',
    });
    expect(config?.data.KAFKA_BROKERS?.split(',')).toHaveLength(3);
    for (const [name, port] of Object.entries(consumers)) {
      expect(config?.data[`${name.toUpperCase()}_HEALTH_PORT`]).toBe(String(port));
    }
    expect(config?.data.GATEWAY_PORT).toBe(String(services.gateway));
  });
});

describe('the compose file and the image', () => {
  test('runs Kafka, PostgreSQL and every service from the one image, each waiting for both', () => {
    const stack = compose();
    expect(Object.keys(stack).sort()).toEqual(['kafka', 'postgres', ...serviceNames].sort());
    for (const name of serviceNames) {
      const service = stack[name];
      expect(service?.build).toEqual({ context: '../..', dockerfile: 'infra/deploy/Dockerfile' });
      expect(service?.image).toBe('thidua:latest');
      expect(service?.command).toEqual([name]);
      expect(service?.depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
      const portSetting = name === 'gateway' ? 'GATEWAY_PORT' : `${name.toUpperCase()}_HEALTH_PORT`;
      expect(service?.environment?.[portSetting]).toBe(String(services[name]));
      expect(service?.healthcheck?.test.join(' ')).toContain(
        `http://127.0.0.1:${services[name]}/readyz`,
      );
    }
  });

  test('the Dockerfile builds in stages and runs compiled JavaScript as an unprivileged user', () => {
    const dockerfile = read('infra/deploy/Dockerfile');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const final = stages.at(-1) ?? '';
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^ENTRYPOINT \["thidua-service"\]$/m);
    expect(final).not.toMatch(/tsx|npm run/);
    for (const name of serviceNames) {
      expect(final).toContain(`COPY --from=build /app/services/${name}/dist services/${name}/dist`);
    }
    const entrypoint = read('infra/deploy/run-service.sh');
    for (const name of serviceNames) {
      expect(entrypoint).toMatch(
        new RegExp(`\\b${name}\\b.*services/(\\$1|${name})/dist/main\\.js`, 's'),
      );
    }
    // The image's Node.js is the one the project runs on.
    expect(dockerfile).toContain(
      `FROM node:${process.versions.node.split('.').slice(0, 2).join('.')}-`,
    );
  });
});

describe('the settings', () => {
  const setInDeployment = () => {
    const names = new Set<string>();
    for (const config of ofKind<{ data: Record<string, string> }>('ConfigMap')) {
      for (const name of Object.keys(config.data)) names.add(name);
    }
    for (const deployment of ofKind<IDeployment>('Deployment')) {
      for (const container of deployment.spec?.template.spec?.containers ?? []) {
        for (const variable of container.env ?? []) names.add(variable.name);
      }
    }
    for (const name of serviceNames) {
      for (const variable of Object.keys(compose()[name]?.environment ?? {})) names.add(variable);
    }
    return names;
  };

  test('every setting a service reads is set by the deployment files or documented', () => {
    const read = settingsTheServicesRead();
    expect(read.has('DATABASE_URL')).toBe(true);
    expect(read.has('AUTH_JWKS_URL')).toBe(true);
    const given = setInDeployment();
    const documented = documentedSettings();
    const missing = [...read.keys()].filter((name) => !given.has(name) && !documented.has(name));
    expect(missing).toEqual([]);
  });

  test('every setting the deployment files give is one a service reads', () => {
    const read = settingsTheServicesRead();
    expect([...setInDeployment()].filter((name) => !read.has(name))).toEqual([]);
  });
});
