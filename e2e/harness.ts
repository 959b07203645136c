/**
 * Runs real `kinko` processes for end-to-end, concurrency and benchmark runs: the same CLI a
 * bank runs, on a throwaway SQLite file or a throwaway PostgreSQL schema. Every process is
 * bounded: killed on stop, and at the latest when the test process exits.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createCertificateAuthority } from '@kinko/core';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliMain = join(root, 'packages/cli/src/main.ts');
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** KINKO_DB and friends for the child processes. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** SQLite always; PostgreSQL too when KINKO_TEST_PG is set (each in its own schema, dropped after). */
export function backendNames(): ('sqlite' | 'postgres')[] {
  return process.env.KINKO_TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function makeBackend(
  name: 'sqlite' | 'postgres',
  config: Record<string, unknown> = {},
): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'kinko-e2e-'));
  const configFile = join(dir, 'config.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    configFile,
    JSON.stringify({ argon2: { memoryCost: 4096, timeCost: 1, parallelism: 1 }, ...config }),
  );
  // A5: every test bank has its CA, as `kinko ca init` makes one, beside its database.
  const ca = await createCertificateAuthority({
    bankName: 'Kinko e2e Bank',
    now: Date.now(),
    random: { bytes: (n) => new Uint8Array(randomBytes(n)) },
  });
  writeFileSync(join(dir, 'ca.key'), ca.keyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'ca.crt'), ca.certificatePem);
  const base = {
    KINKO_CA_KEY_FILE: join(dir, 'ca.key'),
    KINKO_CA_CERT_FILE: join(dir, 'ca.crt'),
    KINKO_KEK: randomBytes(32).toString('base64'),
    KINKO_AUDIT_KEY: randomBytes(32).toString('base64'),
    KINKO_CONFIG: configFile,
    KINKO_HOME: dir,
  };
  if (name === 'sqlite') {
    return {
      name,
      env: { ...base, KINKO_DB: `sqlite:${join(dir, 'kinko.db')}` },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = process.env.KINKO_TEST_PG;
  if (!url) throw new Error('KINKO_TEST_PG is not set');
  const schema = `kinko_e2e_${randomBytes(6).toString('hex')}`;
  return {
    name,
    env: { ...base, KINKO_DB: url, KINKO_PG_SCHEMA: schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a `kinko` command to completion. */
export async function kinkoCli(
  backend: Backend,
  args: string[],
): Promise<{ stdout: string; stderr: string }> {
  const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', cliMain, ...args], {
    cwd: root,
    env: { ...process.env, ...backend.env },
    timeout: 120_000,
  });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Runs a `kinko` command and reports its exit code instead of throwing on failure. */
export function kinkoRun(
  backend: Backend,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cliMain, ...args],
      { cwd: root, env: { ...process.env, ...backend.env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `kinko serve --port 0` (and `args`) and resolves with its URL once it listens. */
export function startServer(
  backend: Backend,
  extraEnv: Record<string, string> = {},
  args: string[] = [],
): Promise<RunningServer> {
  // KINKO_PROFILE_DIR: the server writes a V8 CPU profile there when it stops (for bench/ runs).
  const profile = process.env.KINKO_PROFILE_DIR
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.KINKO_PROFILE_DIR]
    : [];
  const proc = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', cliMain, 'serve', '--port', '0', '--quiet', ...args],
    {
      cwd: root,
      env: { ...process.env, ...backend.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  live.add(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`kinko serve did not start in 60 s:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (https?:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          pid: proc.pid ?? 0,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) {
                live.delete(proc);
                done();
                return;
              }
              proc.once('exit', () => {
                live.delete(proc);
                done();
              });
              proc.kill(signal);
            }),
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(proc);
      reject(new Error(`kinko serve exited with ${code}:\n${out}`));
    });
  });
}
