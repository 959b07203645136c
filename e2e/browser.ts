/** Debian's chromium driven by playwright-core, as a person would use the pages. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update'],
  });
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
