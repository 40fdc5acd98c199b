import { defineConfig } from '@playwright/test';

/** The host suite: the production renderer build against the real services, in Debian's Chromium. */
export default defineConfig({
  testDir: 'e2e/host',
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/host',
  reporter: [['list'], ['json', { outputFile: 'reports/e2e-host.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
});
