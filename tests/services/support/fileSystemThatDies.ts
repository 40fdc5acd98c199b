/**
 * node:fs/promises for a child process that is to die at a chosen moment: after its Nth file
 * system call completes (KILL_AFTER_CALL), the process SIGKILLs itself, as a crash or a power
 * cut would stop it between two steps. Calls on an opened file's handle count too. Bundled in
 * place of node:fs/promises by tests/services/libraryLocksKilled.test.ts.
 */
import * as fs from 'node:fs/promises';

const killAfter = Number(process.env.KILL_AFTER_CALL);
let calls = 0;

function counted<Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) {
  return async (...args: Args): Promise<Result> => {
    const result = await call(...args);
    if (++calls === killAfter) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}

function countedHandle(handle: fs.FileHandle): fs.FileHandle {
  return new Proxy(handle, {
    get(target, property) {
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? counted((...args: unknown[]) => value.apply(target, args)) : value;
    },
  });
}

export const link = counted(fs.link);
export const mkdir = counted(fs.mkdir);
export const readdir = counted(fs.readdir);
export const readFile = counted(fs.readFile);
export const rename = counted(fs.rename);
export const rm = counted(fs.rm);
export const stat = counted(fs.stat);
export const unlink = counted(fs.unlink);
export const utimes = counted(fs.utimes);
export const writeFile = counted(fs.writeFile);
export const open = counted(async (...args: Parameters<typeof fs.open>) => countedHandle(await fs.open(...args)));
