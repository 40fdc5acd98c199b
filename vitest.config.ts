import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Component tests of the renderer ask for a DOM per file (`// @vitest-environment jsdom`).
    environment: 'node',
    // Playwright specs live in e2e/ and must not be collected here.
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
