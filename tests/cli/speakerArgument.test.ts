import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cliArguments';
import { parseSpeakerArgument } from '../../electron/cli/speakerArgument';

describe('parseSpeakerArgument', () => {
  it('reads name, role and organisation separated by semicolons, trimming each', () => {
    expect(parseSpeakerArgument('  Ada Lovelace ;  Chief Architect; Analytical Engines Ltd ')).toEqual({
      name: 'Ada Lovelace',
      role: 'Chief Architect',
      organisation: 'Analytical Engines Ltd',
    });
  });

  it('leaves role and organisation empty when they are left out', () => {
    expect(parseSpeakerArgument('Grace Hopper')).toEqual({ name: 'Grace Hopper', role: '', organisation: '' });
    expect(parseSpeakerArgument('Grace Hopper; Rear Admiral')).toEqual({ name: 'Grace Hopper', role: 'Rear Admiral', organisation: '' });
    expect(parseSpeakerArgument('Grace Hopper;; US Navy')).toEqual({ name: 'Grace Hopper', role: '', organisation: 'US Navy' });
  });

  it('refuses a speaker without a name', () => {
    expect(() => parseSpeakerArgument(' ; CTO; Acme')).toThrow(UsageError);
    expect(() => parseSpeakerArgument(' ; CTO; Acme')).toThrow('has no name');
  });

  it('refuses more than three parts rather than guessing which one is the organisation', () => {
    expect(() => parseSpeakerArgument('A; B; C; D')).toThrow('has 4 parts');
  });
});
