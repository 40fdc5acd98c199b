import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecretStore, SEALED_SECRETS_FILE_NAME, SECRETS_FILE_NAME } from '../../electron/services/secrets/openSecretStore';
import type { SecretCipher } from '../../electron/services/secrets/sealedSecretStore';
import { secretKeys } from '../../electron/services/secrets/secretKeys';
import { RunOnlySecrets } from '../../electron/services/secrets/secretStore';

/** Stands in for Electron's safeStorage: reversible, and visibly not the secret itself. */
const fakeKeychain: SecretCipher = {
  available: () => true,
  encrypt: (secret) => Buffer.from(secret).reverse().toString('base64'),
  decrypt: (sealed) => Buffer.from(sealed, 'base64').reverse().toString(),
};
const noKeychain: SecretCipher = { available: () => false, encrypt: () => '', decrypt: () => '' };

const BLOG = 'https://blog.example.org';
const REMOTE = 'https://git.example.org/team/summit.git';
const password = secretKeys.destinationPassword('k3x9a0q2tz');
const token = secretKeys.eventGitToken('ev-summit', REMOTE);

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hallnotes-secrets-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const modeOf = async (name: string) => (await stat(join(folder, name))).mode & 0o777;

describe('the one secret store', () => {
  it('keeps a destination password and an event token in one file only the user can read, each under its own name', async () => {
    const store = openSecretStore(folder);
    await store.set(password, 'abcd efgh ijkl mnop qrst uvwx', BLOG);
    await store.set(token, 'ghp_teamtoken', REMOTE);
    expect(await store.get(password, `${BLOG}/some/path`)).toBe('abcd efgh ijkl mnop qrst uvwx');
    expect(await store.get(token, REMOTE)).toBe('ghp_teamtoken');
    expect(await readdir(folder)).toEqual([SECRETS_FILE_NAME]);
    expect(await modeOf(SECRETS_FILE_NAME)).toBe(0o600);
    // A second front on the same settings folder reads the same file.
    expect(await openSecretStore(folder).get(token, REMOTE)).toBe('ghp_teamtoken');

    await store.delete(password);
    expect(await store.get(password, BLOG)).toBeNull();
    expect(await store.get(token, REMOTE)).toBe('ghp_teamtoken');
  });

  it('hands a secret out only for the site it was typed for: another host, port or scheme gets nothing', async () => {
    const store = openSecretStore(folder);
    await store.set(password, 'abcd efgh ijkl mnop qrst uvwx', BLOG);
    for (const elsewhere of ['https://elsewhere.example.net', 'https://blog.example.org:8443', 'http://blog.example.org', 'https://evil.example.org/?https://blog.example.org']) {
      expect(await store.get(password, elsewhere)).toBeNull();
    }
    // Typed again for the new site, it belongs to that one only.
    await store.set(password, 'zzzz zzzz zzzz zzzz zzzz zzzz', 'https://elsewhere.example.net');
    expect(await store.get(password, BLOG)).toBeNull();
    expect(await store.get(password, 'https://elsewhere.example.net')).toBe('zzzz zzzz zzzz zzzz zzzz zzzz');
  });

  it('in the app, seals every value with the keychain: the file holds none in the clear', async () => {
    const store = openSecretStore(folder, fakeKeychain);
    await store.set(password, 'abcd efgh ijkl mnop qrst uvwx', BLOG);
    await store.set(token, 'ghp_teamtoken', REMOTE);
    expect(await store.get(token, REMOTE)).toBe('ghp_teamtoken');
    expect(await readdir(folder)).toEqual([SEALED_SECRETS_FILE_NAME]);
    expect(await modeOf(SEALED_SECRETS_FILE_NAME)).toBe(0o600);
    const written = await readFile(join(folder, SEALED_SECRETS_FILE_NAME), 'utf8');
    expect(written).not.toContain('ghp_teamtoken');
    expect(written).not.toContain('abcd efgh');

    const locked = openSecretStore(folder, noKeychain);
    expect(await locked.get(token, REMOTE)).toBeNull();
    await expect(locked.set(token, 'other', REMOTE)).rejects.toThrow('This computer offers no keychain to keep the password or token safely');
    // A value sealed under another user's keychain is simply not there.
    const otherUser = openSecretStore(folder, { ...fakeKeychain, decrypt: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } });
    expect(await otherUser.get(token, REMOTE)).toBeNull();
  });

  it('a secret given for this run only is used first, for its own site only, and never written', async () => {
    const stored = openSecretStore(folder);
    await stored.set(password, 'stored stored stored st', BLOG);
    const run = new RunOnlySecrets(stored);
    await run.useForThisRun(password, 'given given given given!', BLOG);
    expect(await run.get(password, BLOG)).toBe('given given given given!');
    expect(await run.get(password, 'https://elsewhere.example.net')).toBeNull();
    expect(await readFile(join(folder, SECRETS_FILE_NAME), 'utf8')).not.toContain('given');
  });

  it('makes a file copied in with a wider mode private again, and sets a damaged file aside naming it', async () => {
    const store = openSecretStore(folder);
    await store.set(token, 'ghp_teamtoken', REMOTE);
    await chmod(join(folder, SECRETS_FILE_NAME), 0o644);
    expect(await openSecretStore(folder).get(token, REMOTE)).toBe('ghp_teamtoken');
    expect(await modeOf(SECRETS_FILE_NAME)).toBe(0o600);

    await writeFile(join(folder, SECRETS_FILE_NAME), '{"format":1,"secr');
    const damaged = openSecretStore(folder);
    await expect(damaged.get(token, REMOTE)).rejects.toThrow(`The stored passwords and tokens (${join(folder, SECRETS_FILE_NAME)}) could not be read`);
    expect(await readdir(join(folder, 'damaged'))).toHaveLength(1);
    // Set aside, not lost: the token is asked for again and stored anew.
    expect(await damaged.get(token, REMOTE)).toBeNull();
    await damaged.set(token, 'ghp_new', REMOTE);
    expect(await damaged.get(token, REMOTE)).toBe('ghp_new');
  });
});

describe('secrets an older Hallnotes stored', () => {
  const legacy = (secrets: Record<string, string>) => JSON.stringify({ format: 1, secrets });

  it('are read from publishing’s and sync’s own files, moved into the one file, each bound to the site it is first used for', async () => {
    await writeFile(join(folder, 'publish-credentials.json'), legacy({ k3x9a0q2tz: 'abcd efgh ijkl mnop qrst uvwx' }), { mode: 0o600 });
    await writeFile(join(folder, 'credentials.json'), legacy({ [`git:${REMOTE}`]: 'ghp_teamtoken' }), { mode: 0o600 });
    const store = openSecretStore(folder);

    expect(await store.get(password, BLOG)).toBe('abcd efgh ijkl mnop qrst uvwx');
    expect(await store.get(token, REMOTE)).toBe('ghp_teamtoken');
    expect((await readdir(folder)).sort()).toEqual([SECRETS_FILE_NAME]);
    expect(await modeOf(SECRETS_FILE_NAME)).toBe(0o600);
    // From now on each is the site's it was read for.
    expect(await store.get(password, 'https://elsewhere.example.net')).toBeNull();
    expect(await openSecretStore(folder).get(password, BLOG)).toBe('abcd efgh ijkl mnop qrst uvwx');
  });

  it('a token an older Hallnotes kept for another remote is not taken for this event', async () => {
    await writeFile(join(folder, 'credentials.json'), legacy({ 'git:https://git.example.org/team/other.git': 'ghp_othertoken' }), { mode: 0o600 });
    expect(await openSecretStore(folder).get(token, REMOTE)).toBeNull();
  });

  it('from the app are moved over still sealed', async () => {
    await writeFile(join(folder, 'publish-credentials.safe.json'), legacy({ k3x9a0q2tz: fakeKeychain.encrypt('abcd efgh ijkl mnop qrst uvwx') }), { mode: 0o600 });
    await writeFile(join(folder, 'credentials.sealed.json'), legacy({ [`git:${REMOTE}`]: fakeKeychain.encrypt('ghp_teamtoken') }), { mode: 0o600 });
    const store = openSecretStore(folder, fakeKeychain);
    expect(await store.get(password, BLOG)).toBe('abcd efgh ijkl mnop qrst uvwx');
    expect(await store.get(token, REMOTE)).toBe('ghp_teamtoken');
    expect(await readdir(folder)).toEqual([SEALED_SECRETS_FILE_NAME]);
    expect(await readFile(join(folder, SEALED_SECRETS_FILE_NAME), 'utf8')).not.toContain('ghp_teamtoken');
  });

  it('are not lost when a run was killed after writing the one file and before removing the old ones, nor brought back', async () => {
    await writeFile(join(folder, 'credentials.json'), legacy({ [`git:${REMOTE}`]: 'ghp_teamtoken' }), { mode: 0o600 });
    const before = openSecretStore(folder);
    await before.set(password, 'abcd efgh ijkl mnop qrst uvwx', BLOG);
    // As if the old file had survived the kill.
    await writeFile(join(folder, 'credentials.json'), legacy({ [`git:${REMOTE}`]: 'ghp_teamtoken' }), { mode: 0o600 });
    const after = openSecretStore(folder);
    expect(await after.get(token, REMOTE)).toBe('ghp_teamtoken');
    expect(await after.get(password, BLOG)).toBe('abcd efgh ijkl mnop qrst uvwx');
    expect(await readdir(folder)).toEqual([SECRETS_FILE_NAME]);

    // Deleted once moved, it stays deleted.
    await after.delete(token);
    expect(await openSecretStore(folder).get(token, REMOTE)).toBeNull();
  });
});
