/**
 * `kinko serve`'s transport options (SPEC §5, A4): TLS in the process, or the TLS-terminating
 * proxies it trusts and the public URL browsers use; and the activation rate limit, which behind a
 * proxy must count each forwarded client rather than the proxy. Each has an environment twin.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { type BuildServerOptions, publicOrigin, trustedProxies } from '@kinko/server';
import { InvalidArgumentError, Option } from 'commander';
import { CliError } from '../runtime.ts';

export type TransportOptions = Pick<
  BuildServerOptions,
  'tls' | 'trustProxy' | 'publicOrigins' | 'activationRateLimit'
>;

export interface TransportFlags {
  tlsCert?: string;
  tlsKey?: string;
  publicUrl?: string[];
  trustProxy?: string[];
  activationRateLimit?: { max: number; timeWindowMs: number };
}

/** Turns a parser's TypeError into commander's "argument … is invalid" (exit 2 in main.ts). */
function parsed<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}

/** `N/MINUTES`: at most N activations per client address in each window of MINUTES minutes. */
export function rateLimit(value: string): { max: number; timeWindowMs: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const max = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || max < 1 || minutes < 1 || !Number.isSafeInteger(max) || minutes > 24 * 60) {
    throw new TypeError(`${value}: give N/MINUTES, e.g. 10/1 for ten per minute (MINUTES 1–1440)`);
  }
  return { max, timeWindowMs: minutes * 60_000 };
}

export function transportOptionList(): Option[] {
  return [
    new Option('--tls-cert <file>', 'speak HTTPS with this PEM certificate (chain); needs --tls-key').env(
      'KINKO_TLS_CERT',
    ),
    new Option('--tls-key <file>', "the certificate's PEM private key (unencrypted)").env('KINKO_TLS_KEY'),
    new Option(
      '--public-url <url>',
      "the origin customers' browsers use, e.g. https://ib.example-shinkin.jp (comma-separate several): " +
        "the CSRF Origin check accepts these instead of the request's Host; https makes cookies Secure",
    )
      .env('KINKO_PUBLIC_URL')
      .argParser(parsed((v) => v.split(',').map((u) => publicOrigin(u.trim())))),
    new Option(
      '--trust-proxy <list>',
      'comma-separated addresses or CIDRs of TLS-terminating proxies (or loopback, linklocal, ' +
        "uniquelocal) whose X-Forwarded-For/-Proto/-Host count, no other peer's (default: none)",
    )
      .env('KINKO_TRUST_PROXY')
      .argParser(parsed(trustedProxies)),
    new Option(
      '--activation-rate-limit <N/MINUTES>',
      'token activations per client address (the forwarded one behind --trust-proxy) (default: 10/1)',
    )
      .env('KINKO_ACTIVATION_RATE_LIMIT')
      .argParser(parsed(rateLimit)),
  ];
}

export const transportHelp = `
TLS: give --tls-cert and --tls-key to serve HTTPS (with HSTS) yourself, or run behind a
TLS-terminating proxy with --trust-proxy naming the proxy's address and --public-url the https://
origin browsers use. Only the listed proxies may set the client's address and protocol. "true" is
refused (anyone reaching the port could claim any address and https), and so is a hop count
(Fastify 5 then trusts nobody's forwarded headers).`;

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(`${flag} ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? e})`, 2);
  }
}

/** Reads and checks the certificate and key up front, so a bad pair fails with one clear line. */
export function loadTls(certFile: string | undefined, keyFile: string | undefined): TransportOptions['tls'] {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    throw new CliError('--tls-cert and --tls-key go together (or KINKO_TLS_CERT and KINKO_TLS_KEY)', 2);
  }
  const cert = readPem('--tls-cert', certFile);
  const key = readPem('--tls-key', keyFile);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new CliError(`--tls-cert ${certFile}: not a PEM certificate`, 2);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new CliError(`--tls-key ${keyFile}: not an unencrypted PEM private key`, 2);
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new CliError(`--tls-key ${keyFile} is not the key of the certificate in ${certFile}`, 2);
  }
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    throw new CliError(`--tls-cert ${certFile}: ${(e as Error).message}`, 2);
  }
  return { cert, key };
}

export function transportOptions(f: TransportFlags): TransportOptions {
  return {
    tls: loadTls(f.tlsCert, f.tlsKey),
    trustProxy: f.trustProxy,
    publicOrigins: f.publicUrl,
    activationRateLimit: f.activationRateLimit,
  };
}
