import { describe, expect, it } from 'vitest';
import { isOpenableExternally } from '../../shared/security/externalUrl';

describe('isOpenableExternally (what a link click may hand to the system browser)', () => {
  it.each(['https://example.org/talk', 'http://example.org', 'https://evil.example/?next=app://x', 'HTTPS://EXAMPLE.ORG/'])('opens %s', (url) => {
    expect(isOpenableExternally(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\u0000script:alert(1)',
    'java\tscript:alert(1)',
    'app://hallnotes/index.html',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.org',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    '/relative/path',
    'http://',
    '',
  ])('refuses %j', (url) => {
    expect(isOpenableExternally(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isOpenableExternally({ toString: () => 'https://example.org' })).toBe(false);
    expect(isOpenableExternally(undefined)).toBe(false);
  });
});
