/** Debian's chromium driven by playwright-core, as a person would use the pages. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Backend, kinkoCli, makeBackend, type RunningServer, startServer } from './harness.ts';

const screenshotDir = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update'],
  });
}

/** How a page is opened: phone-sized (`mobile`, the token app) and whether it may download files. */
interface OpenOptions {
  mobile?: boolean;
  acceptDownloads?: boolean;
}

/** A page opened by a suite; `errors` gathers what the page throws. */
interface OpenedPage {
  page: Page;
  errors: string[];
}

/** What a browser test file needs different from the others. */
export interface SuiteOptions {
  /** Written to the backend's config file (e.g. { sameDayCutoff: '23:59' }). */
  config?: Record<string, unknown>;
  /** Extra environment for `kinko serve`. */
  env?: Record<string, string>;
  /** Whether `kinko demo --no-serve` seeds the demo bank first (default true). */
  demo?: boolean;
  /** The beforeAll timeout in ms (vitest's hookTimeout when absent). */
  timeout?: number;
}

export interface BrowserSuite {
  server(): RunningServer;
  backend(): Backend;
  /** A page of its own at `path`: a fresh context, so a session of its own. */
  open(path: string, options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * A SQLite backend (seeded with the demo unless `demo: false`), a `kinko serve` on it and
 * chromium, started in beforeAll and stopped in afterAll of the calling describe block.
 */
export function browserSuite(options: SuiteOptions = {}): BrowserSuite {
  let backend: Backend | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    backend = await makeBackend('sqlite', options.config);
    if (options.demo ?? true) await kinkoCli(backend, ['demo', '--no-serve']);
    server = await startServer(backend, options.env);
    browser = await launchChromium();
  }, options.timeout);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    await backend?.cleanup();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (use it inside a test)`);
    return value;
  };

  return {
    server: () => started(server, 'server'),
    backend: () => started(backend, 'backend'),
    async open(path, { mobile = false, acceptDownloads }: OpenOptions = {}) {
      const context = await started(browser, 'browser').newContext({
        baseURL: started(server, 'server').url,
        locale: 'ja-JP',
        viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
        ...(acceptDownloads === undefined ? {} : { acceptDownloads }),
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(path);
      return { page, errors };
    },
  };
}

/** Saves a full-page screenshot as a test artifact under test-results/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Waits until the token app shows a code other than `previous` (the next 30 s step) and returns it. */
export async function nextOtp(token: Page, previous: string): Promise<string> {
  await token.waitForFunction(
    (prev) => {
      const t = document.querySelector('[data-testid="otp"]')?.textContent ?? '';
      return /^\d{6}$/.test(t) && t !== prev;
    },
    previous,
    { timeout: 40_000, polling: 250 },
  );
  return (await token.getByTestId('otp').textContent()) ?? '';
}
