import { afterEach, expect, it } from 'vitest';
import { FAKE_PASSWORD, FakeWordPress } from './helpers/fakeWordPress';
import { createPublishDay, type PublishDay } from './helpers/publishLibrary';

let day: PublishDay | null = null;
afterEach(async () => {
  await day?.cleanup();
  day = null;
});

it('a stored password is never sent to an address other than the one it was stored for', async () => {
  const wordpress = new FakeWordPress();
  const hosts: string[] = [];
  day = await createPublishDay({
    fetch: (input, init) => {
      const host = new URL(String(input)).host;
      hosts.push(host);
      // Only the fake blog answers; any other address is down.
      if (host !== 'blog.example.org') return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
      return wordpress.fetch(input, init);
    },
  });
  const { publish } = day.services;
  const saved = await publish.saveDestination({ kind: 'wordpress', name: 'Blog', siteUrl: 'https://blog.example.org', userName: 'editor', secret: FAKE_PASSWORD });

  const moved = { id: saved.id, kind: 'wordpress' as const, name: 'Blog', siteUrl: 'https://elsewhere.example.net', userName: 'editor' };
  expect(await publish.testDestination(moved)).toEqual({
    ok: false,
    problem: 'no-secret',
    message: 'The stored Application Password belongs to blog.example.org; type it again to use it with elsewhere.example.net.',
  });
  await expect(publish.saveDestination(moved)).rejects.toThrow('The stored Application Password belongs to blog.example.org; type it again to use it with elsewhere.example.net.');
  expect(hosts).not.toContain('elsewhere.example.net');
  expect((await publish.listDestinations())[0].siteUrl).toBe('https://blog.example.org');

  // Typed again, it goes there; the same site under another path keeps the stored one.
  expect(await publish.testDestination({ ...moved, secret: FAKE_PASSWORD })).toMatchObject({ ok: false, problem: 'offline' });
  expect(hosts).toContain('elsewhere.example.net');
  expect(await publish.testDestination({ ...moved, siteUrl: 'https://blog.example.org/' })).toMatchObject({ ok: true });
});
