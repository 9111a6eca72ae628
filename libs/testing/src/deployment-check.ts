import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { type z } from 'zod';

/** The repository root: the nearest folder above this file with nx.json (works from src/ and from dist/). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export interface DeploymentExpectation {
  service: string;
  configShape: Record<string, z.ZodType>;
}

interface ComposeService {
  build?: { context: string; dockerfile: string };
  environment?: Record<string, unknown>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

interface K8sContainer {
  ports?: { containerPort: number }[];
  env?: { name: string; value?: string }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
}

function defaultOf(schema: z.ZodType): unknown {
  const parsed = schema.safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape).filter((key) => !shape[key].safeParse(undefined).success);
}

/** Reads docker-compose.yml (with YAML merge keys) and returns one service's definition. */
export function composeService(service: string): ComposeService {
  const compose = parse(readFileSync(path.join(repoRoot(), 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const found = compose.services[service];
  if (!found) throw new Error(`docker-compose.yml has no service ${service}`);
  return found;
}

/** Reads deploy/k8s/<service>.yaml and returns the service's container and the env keys from config maps/secrets. */
export function k8sContainer(service: string): { container: K8sContainer; sharedEnvKeys: string[] } {
  const read = (file: string) =>
    parseAllDocuments(readFileSync(path.join(repoRoot(), 'deploy/k8s', file), 'utf8')).map((d) => d.toJS());
  const deployment = read(`${service}.yaml`).find((d) => d.kind === 'Deployment');
  if (!deployment) throw new Error(`deploy/k8s/${service}.yaml has no Deployment`);
  const shared = read('config.yaml').flatMap((d) => Object.keys(d.data ?? d.stringData ?? {}));
  return { container: deployment.spec.template.spec.containers[0], sharedEnvKeys: shared };
}

/** Static checks that compose, the Dockerfile and the k8s manifest agree with what the service reads at start-up. */
export function checkDeployment({ service, configShape }: DeploymentExpectation): string[] {
  const problems: string[] = [];
  const port = Number(defaultOf(configShape['PORT']));
  const known = new Set(Object.keys(configShape));
  const compose = composeService(service);

  const dockerfile = compose.build ? path.join(repoRoot(), compose.build.context, compose.build.dockerfile) : '';
  if (!dockerfile || !existsSync(dockerfile)) problems.push(`compose ${service}: Dockerfile ${dockerfile} does not exist`);
  else {
    const text = readFileSync(dockerfile, 'utf8');
    if ((text.match(/^FROM /gm) ?? []).length < 2) problems.push(`${dockerfile}: not multi-stage`);
    const user = text.match(/^USER\s+(\S+)/m)?.[1];
    if (!user || /^(root|0)(:|$)/.test(user)) problems.push(`${dockerfile}: does not switch to a non-root USER`);
    if (!text.includes(`dist/services/${service}/src/main.js`)) problems.push(`${dockerfile}: does not start ${service}`);
    if (!new RegExp(`^EXPOSE ${port}$`, 'm').test(text)) problems.push(`${dockerfile}: does not EXPOSE ${port}`);
  }

  const env = compose.environment ?? {};
  for (const key of Object.keys(env)) if (!known.has(key)) problems.push(`compose ${service}: sets ${key}, which the service does not read`);
  for (const key of requiredKeys(configShape)) if (!(key in env)) problems.push(`compose ${service}: misses required ${key}`);
  if (Number(env['PORT']) !== port) problems.push(`compose ${service}: PORT ${String(env['PORT'])} is not the default ${port}`);
  if (!compose.ports?.includes(`${port}:${port}`)) problems.push(`compose ${service}: does not publish ${port}`);
  for (const dep of ['kafka', 'postgres']) {
    if (compose.depends_on?.[dep]?.condition !== 'service_healthy') problems.push(`compose ${service}: not waiting for healthy ${dep}`);
  }

  const { container, sharedEnvKeys } = k8sContainer(service);
  if (container.ports?.[0]?.containerPort !== port) problems.push(`k8s ${service}: containerPort is not ${port}`);
  for (const key of [...(container.env ?? []).map((e) => e.name), ...sharedEnvKeys]) {
    if (!known.has(key)) problems.push(`k8s ${service}: sets ${key}, which the service does not read`);
  }
  if (container.readinessProbe?.httpGet?.path !== '/health/ready') problems.push(`k8s ${service}: readiness probe is not /health/ready`);
  if (container.livenessProbe?.httpGet?.path !== '/health/live') problems.push(`k8s ${service}: liveness probe is not /health/live`);
  return problems;
}
