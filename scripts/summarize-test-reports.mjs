// Sums the JSON reports of every suite `npm test` ran into the one line CI reads:
// "N passed, N failed, N skipped". A suite that failed without a report (e.g. the typecheck)
// counts as one failure so a red run never prints "0 failed".
import { existsSync, readFileSync } from 'node:fs';

const exitStatus = Number(process.argv[2] ?? 0);
const totals = { passed: 0, failed: 0, skipped: 0 };

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const unit = read('reports/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  console.log(`unit (vitest): ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${unit.numPendingTests} skipped`);
}
for (const [name, file] of [['e2e host (Playwright + Chromium)', 'reports/e2e-host.json'], ['e2e Electron (Playwright)', 'reports/e2e-electron.json']]) {
  const report = read(file);
  if (!report) continue;
  const { expected, unexpected, flaky, skipped } = report.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  console.log(`${name}: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
}
if (exitStatus !== 0 && totals.failed === 0) {
  console.log(`npm test exited with status ${exitStatus} before a test report recorded the failure (typecheck or build).`);
  totals.failed = 1;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
