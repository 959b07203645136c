import { fileURLToPath } from 'node:url';
import { loadBankDirectory } from '@kinko/core';
import { buildServer } from '@kinko/server';
import type { Runtime } from '../runtime.ts';
import type { TransportOptions } from './serve-options.ts';

const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface ServeOptions {
  port: number;
  host: string;
  quiet?: boolean;
  /** TLS, trusted proxies, public URL and activation rate limit (serve-options.ts). */
  transport?: TransportOptions;
}

/**
 * Serves the API and the three web apps until SIGINT/SIGTERM; each minute expires stale
 * activations and posts the scheduled transfers whose value date has come (M6).
 */
export async function serve(rt: Runtime, o: ServeOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const app = await buildServer({
    kinko: rt.kinko,
    webRoot: defaultWebRoot,
    logger: !o.quiet,
    ...o.transport,
  });
  loadBankDirectory();
  const address = await app.listen({ port: o.port, host: o.host });
  // T5: an activated token that nobody registered expires; a timer per process is enough because
  // the update is idempotent and runs in one statement.
  // M6: scheduled transfers are debited at the start of the value date; every process may run
  // the job, since each transfer is claimed by one conditional UPDATE and posted once.
  const timer = setInterval(() => {
    rt.kinko
      .expireUnregisteredTokens()
      .catch((e: unknown) => app.log.error(e, 'expiring activations failed'));
    rt.kinko
      .runScheduledTransfers()
      .then((r) => {
        if (r.completed + r.failed > 0) app.log.info(r, 'scheduled transfers run');
      })
      .catch((e: unknown) => app.log.error(e, 'running scheduled transfers failed'));
  }, 60_000);
  timer.unref();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    await app.close();
    await rt.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return { url: address.replace('127.0.0.1', 'localhost'), stop };
}
