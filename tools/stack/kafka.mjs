// Apache Kafka for the local stack: jars from Maven (cached), one KRaft node run straight on the JVM.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { brokerReady } from './kafka-probe.mjs';
import { renderLog4j2Properties, renderServerProperties } from './kafka-config.mjs';
import { cacheDir, repoRoot } from './paths.mjs';
import { defaultLog, fatal, isAlive, pollUntil, run, tailFile, terminate } from './proc.mjs';

export const KAFKA_VERSION = '4.1.1';
const POM = path.join(repoRoot, 'tools/stack/kafka/pom.xml');

/** The folder holding the broker's jars (filled by ensureKafkaArtifacts). */
export function kafkaLibsDir() {
  return path.join(cacheDir(), `kafka-${KAFKA_VERSION}`, 'libs');
}

/** Copies Kafka's jars into the cache with Maven, unless a previous complete copy for the same pom is there. */
export async function ensureKafkaArtifacts({ log = defaultLog, signal } = {}) {
  const libs = kafkaLibsDir();
  const marker = path.join(path.dirname(libs), '.complete');
  const pomHash = createHash('sha256').update(readFileSync(POM)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === pomHash) return libs;

  log(`fetching Kafka ${KAFKA_VERSION} jars with Maven into ${libs}`);
  // A changed pom must not leave jars of the old one (two logging bindings, two versions) on the classpath.
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(libs, { recursive: true });
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', POM, 'dependency:copy-dependencies',
    '-DincludeScope=runtime', `-DoutputDirectory=${libs}`];
  try {
    await run('mvn', args, { timeoutMs: 15 * 60_000, signal });
  } catch (error) {
    if (error.fatal) throw error;
    const hint = /cannot run mvn/.test(error.message) ? ' (install Maven: apt-get install maven)' : '';
    throw new Error(`could not fetch Kafka's jars${hint}: ${error.message}`);
  }
  writeFileSync(marker, `${pomHash}\n`);
  return libs;
}

function java(args, options) {
  return run('java', args, options).catch((error) => {
    const missing = /cannot run java/.test(error.message);
    const hint = missing ? ' (Java 17+ is needed: apt-get install openjdk-17-jre-headless)' : '';
    throw new Error(`${error.message}${hint}`);
  });
}

async function formatStorage({ dir, classpath, config, log, signal }) {
  if (existsSync(path.join(dir, 'data', 'meta.properties'))) return;
  const uuid = await java(['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'], { signal });
  const clusterId = uuid.trim().split('\n').pop();
  log(`formatting Kafka storage in ${dir} (cluster ${clusterId})`);
  // No --standalone: controller.quorum.voters already names the single voter.
  await java(['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', config], { signal });
}

/**
 * Starts a single-node KRaft broker whose data and kafka.log live in `dir` (reused across restarts);
 * resolves once it answers a Metadata request. The JVM gets its own process group, so a terminal's Ctrl-C
 * reaches only the launcher, which stops the broker in order.
 */
export async function startKafka({ dir, port, controllerPort, log = defaultLog, timeoutMs = 90_000, signal }) {
  const libs = await ensureKafkaArtifacts({ log, signal });
  const classpath = `${libs}/*`;
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'server.properties');
  const log4j = path.join(dir, 'log4j2.properties');
  writeFileSync(config, renderServerProperties({ dir, port, controllerPort }));
  writeFileSync(log4j, renderLog4j2Properties());
  await formatStorage({ dir, classpath, config, log, signal });

  const logFile = path.join(dir, 'kafka.log');
  const out = openSync(logFile, 'a');
  const child = spawn('java', ['-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true', '-Dlog4j2.shutdownHookEnabled=false',
    `-Dlog4j2.configurationFile=${log4j}`, '-cp', classpath, 'kafka.Kafka', config],
  { cwd: dir, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  const stop = async () => terminate(child.pid, { graceMs: 30_000 });

  log(`starting Kafka on 127.0.0.1:${port} (controller ${controllerPort}), log ${logFile}`);
  try {
    await pollUntil(async () => {
      if (exited) throw fatal('the broker process exited');
      return brokerReady(port);
    }, { timeoutMs, intervalMs: 250, what: `Kafka on port ${port}`, signal });
  } catch (error) {
    if (isAlive(child.pid)) await stop();
    throw new Error(`Kafka did not start: ${error.message}\n--- ${logFile} (tail) ---\n${tailFile(logFile, 40)}`);
  }
  return { brokers: `127.0.0.1:${port}`, pid: child.pid, logFile, stop };
}
