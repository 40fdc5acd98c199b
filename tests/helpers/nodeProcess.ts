import { spawn } from 'node:child_process';

export type ProcessRun = { code: number | null; stdout: string; stderr: string };

/** Runs a Node script as a process of its own and collects what it printed; `stdin`, when given, is all it reads. */
export function runNodeScript(script: string, args: string[], options: { env: Record<string, string>; cwd?: string; stdin?: string }): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}
