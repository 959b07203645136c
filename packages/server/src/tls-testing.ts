/**
 * Real sockets on loopback for the transport tests (SPEC §5, A4), not app.inject: a throwaway
 * certificate for localhost and 127.0.0.1, a small client over node:http/https, and a
 * TLS-terminating proxy in front of a plain-HTTP Kinko that behaves like nginx's usual set-up
 * (Host rewritten to the upstream, X-Forwarded-For set to its own peer, X-Forwarded-Proto https).
 * For tests only (`@kinko/server/tls-testing`: these and e2e/'s); selfsigned is a devDependency.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface Pem {
  cert: string;
  key: string;
}

export async function throwawayCertificate(): Promise<Pem> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): Record<string, unknown>;
}

export interface Send {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The certificate to trust for https:// (the throwaway one). */
  ca?: string;
  /** Connect from this loopback address (127.0.0.2 …), to be a different client. */
  localAddress?: string;
}

/** One request on a fresh connection; `localhost` resolves to 127.0.0.1. */
export function send(url: string, o: Send = {}): Promise<Answer> {
  const u = new URL(url);
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  const headers: Record<string, string> = { ...o.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const options: https.RequestOptions = {
    method: o.method ?? 'GET',
    headers,
    family: 4,
    agent: false,
    localAddress: o.localAddress,
    ca: o.ca,
  };
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(u, options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text,
          json: () => JSON.parse(text) as Record<string, unknown>,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TlsProxy {
  port: number;
  /** Where requests go: a plain-HTTP Kinko on 127.0.0.1. */
  forwardTo(port: number): void;
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 that forwards each request to the upstream from 127.0.0.1. */
export async function startTlsProxy(pem: Pem): Promise<TlsProxy> {
  let upstream = 0;
  const server = https.createServer(pem, (req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers };
    // An edge proxy overwrites, never appends to, what the client claims.
    for (const h of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'connection'])
      delete headers[h];
    headers.host = `127.0.0.1:${upstream}`;
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    headers['x-forwarded-proto'] = 'https';
    const out = http.request(
      {
        host: '127.0.0.1',
        port: upstream,
        localAddress: '127.0.0.1',
        method: req.method,
        path: req.url,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    forwardTo(port) {
      upstream = port;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Listens on 127.0.0.1 at a free port and answers the port. */
export async function listenOnLoopback(app: { listen(o: { port: number; host: string }): Promise<string> }) {
  return Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
}
