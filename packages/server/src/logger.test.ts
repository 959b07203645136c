import { Writable } from 'node:stream';
import { testBackends } from '@kinko/store/testing';
import type { LoggerOptions } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerConfig, redactPaths } from './logger.ts';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

const [backend] = testBackends();
if (!backend) throw new Error('no test backend');

describe('logging (STYLE: secrets redacted by configuration)', () => {
  const lines: string[] = [];
  let s: TestServer;
  let admin: Party;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // Fastify hands `stream` to pino; pino's LoggerOptions type does not name it.
    const logger = { level: 'info', stream } as LoggerOptions;
    s = await startServer(backend, { server: { logger } });
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
  });
  afterAll(() => s.close());

  it('A4: the session cookie, the CSRF token and passwords never reach the log', async () => {
    lines.length = 0;
    await s.request('POST', '/api/v1/me/password', {
      as: admin,
      headers: { authorization: 'Bearer not-for-logs' },
      payload: { currentPassword: secrets.admin.password, newPassword: 'Sekret12345' },
    });
    await s.request('POST', '/api/v1/session', {
      payload: { contractNumber: s.contractNumber, loginId: 'admin', password: 'Sekret12345' },
    });
    const log = lines.join('');
    expect(log).toContain('"url":"/api/v1/me/password"');
    expect(log).toContain('[redacted]');
    for (const secret of [
      admin.cookie.split('=')[1] ?? '',
      admin.csrfToken,
      'not-for-logs',
      secrets.admin.password,
      'Sekret12345',
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('a caller may add redaction paths but never drop ours', () => {
    const merged = loggerConfig({ redact: ['req.headers["x-api-key"]'] });
    expect(merged).toMatchObject({
      redact: { paths: [...redactPaths, 'req.headers["x-api-key"]'], censor: '[redacted]' },
    });
    expect(loggerConfig(false)).toBe(false);
    expect(loggerConfig(undefined)).toBe(false);
  });
});
