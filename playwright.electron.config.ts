import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './electron/start/electronBinary';

const electron = findElectronBinary();
if (!electron.available) console.log(`Electron e2e suite skipped: ${electron.reason}`);

/** The Electron suite: the same journeys as the host suite, in the real app, where Electron exists. */
export default defineConfig({
  testDir: 'e2e/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e-electron.json' }]],
});
