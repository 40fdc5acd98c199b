import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The electronFuses block of electron-builder.yml as key → value (a flat block of `key: true|false` lines). */
function fuses(): Record<string, string> {
  const text = readFileSync('electron-builder.yml', 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/^\s+(\w+):\s*(\S+)\s*$/gm)].map((match) => [match[1], match[2]]));
}

describe('the packaged app’s Electron fuses (electron-builder.yml)', () => {
  it('turn off running as Node, NODE_OPTIONS, the inspector flags and file:// privileges, and load the app only from its checked asar', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      enableCookieEncryption: 'true',
    });
  });
});
