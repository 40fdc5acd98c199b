import { spawn, type ChildProcess } from 'node:child_process';
import { HOST_TOKEN_PARAMETER } from '../../shared/ipc/hostAccess';

export type BenchHost = {
  /** `http://127.0.0.1:PORT/<pathKey>`: every page the host serves is below it. */
  base: string;
  /** The address the host printed, with this run's access token in its fragment. */
  signInUrl: string;
  /** The token a page sends in the X-Hallnotes-Token header. */
  token: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
};

/** Starts `node HOST_BUNDLE --library … --config … --renderer … --port 0` and reads the "Open …" line it prints. */
export async function startHost(options: { hostBundle: string; libraryPath: string; configPath: string; rendererFolder: string }): Promise<BenchHost> {
  const child = spawn(
    process.execPath,
    [options.hostBundle, '--library', options.libraryPath, '--config', options.configPath, '--renderer', options.rendererFolder, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const signInUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host printed no address within 15 s:\n${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with code ${code} before printing its address:\n${output}`));
    });
  });
  const url = new URL(signInUrl);
  return {
    base: `${url.origin}${url.pathname.replace(/\/$/, '')}`,
    signInUrl,
    token: new URLSearchParams(url.hash.slice(1)).get(HOST_TOKEN_PARAMETER) ?? '',
    port: Number(url.port),
    pid: child.pid!,
    stop: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
