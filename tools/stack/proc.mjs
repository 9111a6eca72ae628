// Process, port and polling helpers shared by the stack launcher and the test runner.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';

/** Writes launcher progress to stderr so stdout stays free for tables and JSON. */
export function defaultLog(message) {
  process.stderr.write(`[stack] ${message}\n`);
}

/** An error that makes pollUntil give up at once instead of retrying (e.g. the awaited process died). */
export function fatal(message) {
  return Object.assign(new Error(message), { fatal: true });
}

/** Calls fn until it returns a truthy value (returned) or timeoutMs passes (throws an Error naming `what`). */
export async function pollUntil(fn, { timeoutMs, intervalMs = 200, what, signal }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (signal?.aborted) throw fatal(`interrupted while waiting for ${what}`);
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      if (error.fatal) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves true when a TCP connection to 127.0.0.1:port succeeds, false otherwise. */
export function canConnect(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Throws a message naming the env variable to change when something already listens on the port. */
export async function assertPortFree(port, envName) {
  if (await canConnect(port)) {
    throw new Error(`port ${port} is already in use; stop what uses it or choose another port with ${envName}=<port>`);
  }
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function sendSignal(pid, sig, group) {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** SIGTERM, then SIGKILL after graceMs; `group` targets the process group a detached child leads. */
export async function terminate(pid, { graceMs = 10_000, group = false } = {}) {
  if (!isAlive(pid)) return;
  sendSignal(pid, 'SIGTERM', group);
  try {
    await pollUntil(() => !isAlive(pid), { timeoutMs: graceMs, intervalMs: 100, what: `pid ${pid} to exit` });
  } catch {
    sendSignal(pid, 'SIGKILL', group);
    await pollUntil(() => !isAlive(pid), { timeoutMs: 5000, intervalMs: 100, what: `pid ${pid} to die` });
  }
}

/** Runs a command to completion; resolves with its output, rejects with the output's tail on a non-zero exit. */
export function run(cmd, args, { cwd, env, timeoutMs = 120_000, signal } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, signal, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      if (error.name === 'AbortError') return reject(fatal(`${cmd} interrupted`));
      reject(new Error(`cannot run ${cmd}: ${error.message}`));
    });
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      const how = sig ? `was killed by ${sig}` : `exited with ${code}`;
      reject(new Error(`${cmd} ${args.join(' ')} ${how}\n${lastLines(output, 30)}`));
    });
  });
}

/** The last n lines of a text. */
export function lastLines(text, n) {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/** The last n lines of a log file, or '' when it does not exist. */
export function tailFile(file, n = 30) {
  return existsSync(file) ? lastLines(readFileSync(file, 'utf8'), n) : '';
}

/** Whether pid is alive and its command line contains `needle` (guards against reused pids in old state files). */
export function isAliveAs(pid, needle) {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
  } catch {
    return !existsSync('/proc/self');
  }
}
