import { spawn } from 'node:child_process';
import { findElectronBinary } from './electronBinary';

/**
 * `npm start`: runs the app in Electron. Where no Electron binary is installed (its download
 * needs internet access), says so in a few lines and names the way to use the app now, instead
 * of the electron package's stack trace.
 */
const binary = findElectronBinary();
if (!binary.available) {
  const lines = [`hallnotes: \`npm start\` opens Hallnotes in Electron, and there is no Electron binary to run: ${binary.reason}`];
  const [major, minor] = process.versions.node.split('.').map(Number);
  // The electron package's downloader and electron-builder ask for Node 22.12 (npm ci warns EBADENGINE).
  if (major < 22 || (major === 22 && minor < 12)) lines.push(`Installing Electron also needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.`);
  lines.push('Use Hallnotes in your browser now, on the same library:  npm run host');
  console.error(lines.join('\n'));
  process.exit(1);
}

const app = spawn(binary.executablePath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
