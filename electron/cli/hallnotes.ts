// Entry of the `hallnotes` command (bundled to build/cli/hallnotes.mjs, started by bin/hallnotes.mjs).
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  // The bundle is build/cli/hallnotes.mjs; the worker is build/workers/.
  importWorker: new URL('../workers/programmeParserWorker.mjs', import.meta.url),
});
