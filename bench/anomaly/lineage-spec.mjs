// What stays fixed along one lineage: the base distribution, the runtime, which packages the first build installs, the
// image config, and the pools later builds draw from.
import { NPM_ALWAYS, NPM_BASE, NPM_LATER, PYPI_ALWAYS, PYPI_BASE, PYPI_LATER } from './catalog-apps.mjs';
import { ALPINE_CORE, ALPINE_EXTRA } from './catalog-alpine.mjs';
import { DEBIAN_CORE, DEBIAN_EXTRA } from './catalog-debian.mjs';
import { ALPINE_SUSPICIOUS, DEBIAN_SUSPICIOUS } from './catalog-suspicious.mjs';
import { parseCatalog } from './profile-parts.mjs';
import { rngOf } from './prng.mjs';

const CONFIGS = {
  node: {
    entrypoints: [['docker-entrypoint.sh'], ['tini', '--'], ['/usr/bin/dumb-init', '--']],
    cmds: [['node', '/app/server.js'], ['node', 'dist/main.js'], ['npm', 'start']],
    ports: ['3000/tcp', '8080/tcp'],
    envKeys: ['NODE_ENV', 'NODE_VERSION', 'PATH', 'YARN_VERSION'],
    users: ['app', 'app', 'app', 'node', 'node'],
    appFiles: ['/app/bin/start', '/app/bin/migrate', '/app/scripts/healthcheck.sh'],
  },
  python: {
    entrypoints: [null, ['tini', '--'], ['/app/docker-entrypoint.sh']],
    cmds: [['gunicorn', '-b', '0.0.0.0:8000', 'app.wsgi:app'], ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'], ['python', '-m', 'app']],
    ports: ['8000/tcp'],
    envKeys: ['GPG_KEY', 'LANG', 'PATH', 'PYTHON_VERSION', 'PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED'],
    users: ['app', 'app', 'app', '10001'],
    appFiles: ['/app/docker-entrypoint.sh', '/app/manage.py', '/app/bin/worker'],
  },
};
const APP_ENV = ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'SENTRY_DSN', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

function configOf(runtime, rng) {
  const c = CONFIGS[runtime];
  const port = rng.pick(c.ports);
  return {
    user: rng.pick(c.users),
    entrypoint: rng.pick(c.entrypoints),
    cmd: rng.pick(c.cmds),
    exposedPorts: [port, ...(rng.chance(0.3) ? [rng.pick(['9100/tcp', '9464/tcp'])] : [])].sort(),
    envKeys: [...c.envKeys, ...rng.sample(APP_ENV, rng.int(1, 4))],
    workdir: '/app',
    healthcheck: rng.chance(0.5) ? ['CMD-SHELL', `wget -qO- http://127.0.0.1:${port.split('/')[0]}/health || exit 1`] : null,
  };
}

function appPackages(runtime, rng) {
  const pypi = runtime === 'python';
  const all = parseCatalog(pypi ? PYPI_BASE : NPM_BASE, { scripts: pypi });
  const always = new Set(pypi ? PYPI_ALWAYS : NPM_ALWAYS);
  const rest = all.filter((e) => !always.has(e.name));
  const count = pypi ? rng.int(12, 36) : rng.int(25, 70);
  return [...all.filter((e) => always.has(e.name)), ...rng.sample(rest, count - always.size)];
}

/** Lineage `index` of the run seeded with `seed`: its own PRNG stream, so lineages do not depend on how many there are. */
export function lineageSpec(seed, index) {
  const rng = rngOf(seed, `lineage ${index}`);
  const distro = rng.chance(0.6) ? 'debian' : 'alpine';
  const runtime = rng.chance(0.5) ? 'node' : 'python';
  const debian = distro === 'debian';
  const core = parseCatalog(debian ? DEBIAN_CORE : ALPINE_CORE);
  const extra = parseCatalog(debian ? DEBIAN_EXTRA : ALPINE_EXTRA);
  const osCount = rng.int(Math.max(80, core.length), Math.min(150, core.length + extra.length));
  const pypi = runtime === 'python';
  const later = rng.sample(parseCatalog(pypi ? PYPI_LATER : NPM_LATER, { scripts: pypi }), 99);
  const config = configOf(runtime, rng);
  const appFiles = rng.sample(CONFIGS[runtime].appFiles, rng.int(1, 3));
  if (config.entrypoint?.[0] === '/app/docker-entrypoint.sh' && !appFiles.includes(config.entrypoint[0])) appFiles.push(config.entrypoint[0]);
  return {
    index,
    name: `${distro}-${runtime}-${index}`,
    seed,
    rng,
    distro,
    runtime,
    osEco: debian ? 'deb' : 'apk',
    appEco: pypi ? 'pypi' : 'npm',
    os: [...core, ...rng.sample(extra, osCount - core.length)],
    coreCount: core.length,
    app: appPackages(runtime, rng),
    later,
    suspicious: parseCatalog(debian ? DEBIAN_SUSPICIOUS : ALPINE_SUSPICIOUS),
    config,
    appFiles,
    appUid: 10001,
    cron: debian && rng.chance(0.3) ? ['/etc/cron.d/app-cleanup: 17 3 * * * app /app/bin/cleanup'] : [],
    worldWritable: rng.chance(0.2) ? ['/app/logs'] : [],
  };
}
