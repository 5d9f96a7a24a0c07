import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { DEMO_PASSWORD } from './e2e/support/demo-accounts';

const workspaceRoot = path.resolve(__dirname, '..');
const results = path.join(workspaceRoot, 'dist', 'test-results');
// E2E_PORT (with E2E_REDIS_DB) runs a second server with its own database beside the usual one.
const baseURL = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4310}`;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(results, 'e2e-artifacts'),
  // One browser at a time: the tests share one seeded database and the login rate limit.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: path.join(results, 'e2e.json') }]],
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium; this machine never downloads a browser build.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node tools/e2e-server.mjs',
    cwd: workspaceRoot,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env['CI'],
    timeout: 240_000,
    env: { DEMO_PASSWORD },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
