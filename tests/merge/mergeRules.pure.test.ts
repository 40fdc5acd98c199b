import { describe, expect, it } from 'vitest';
import { mergeSharedEvents } from '../../electron/services/merge/mergeSharedEvents';
import { mergeSharedNotes, nextVersionId, type NoteVersion, type SharedNote } from '../../electron/services/merge/noteVersions';
import { restorePrivateBlocks, withoutPrivateBlocks } from '../../electron/services/merge/privateBlocks';
import type { SharedEvent, SharedSession } from '../../electron/services/merge/sharedEvent';
import { chooseFieldValue, mergeStampedFields, type StampedValue } from '../../electron/services/merge/stampedFields';
import { isDefaultSessionValue } from '../../electron/services/merge/fieldDefaults';
import { valueHash } from '../../electron/services/merge/canonicalJson';
import { noteState } from '../helpers/noteStates';
import { noteWithPrivate } from '../helpers/teamLibraries';
import { noteStateText } from '../../shared/note/noteText';

const set = (value: unknown, at: string | null, by = 'Ada'): StampedValue => ({ value, stamp: { at, by } });

describe('agenda fields merge per field, by who set them last', () => {
  it('takes the value changed since over one as first seen, whichever side it is on', () => {
    const imported = set('Hall A', null);
    const moved = set('Hall B', '2026-11-02T10:00:00.000Z', 'Ben');
    expect(chooseFieldValue('room', imported, moved, isDefaultSessionValue)).toBe(moved);
    expect(chooseFieldValue('room', moved, imported, isDefaultSessionValue)).toBe(moved);
  });

  it('takes the later of two changes, on both sides alike', () => {
    const early = set('covered', '2026-11-02T10:00:00.000Z', 'Ada');
    const late = set('skipped', '2026-11-02T11:00:00.000Z', 'Ben');
    expect(chooseFieldValue('status', early, late, isDefaultSessionValue)).toBe(late);
    expect(chooseFieldValue('status', late, early, isDefaultSessionValue)).toBe(late);
  });

  it('of two values as first seen, a set one beats the default (one reporter marked the talk covered before the team ever exchanged)', () => {
    const covered = set('covered', null, 'Ada');
    const planned = set('planned', null, 'Ben');
    expect(chooseFieldValue('status', planned, covered, isDefaultSessionValue)).toBe(covered);
    expect(chooseFieldValue('status', covered, planned, isDefaultSessionValue)).toBe(covered);
  });

  it('merges any field by name, including fields the model gains later', () => {
    const mine = { title: set('Keynote', null), picked: set(true, '2026-11-02T09:00:00.000Z', 'Ada') };
    const theirs = { title: set('Opening keynote', '2026-11-02T09:30:00.000Z', 'Ben'), room: set('Hall 1', '2026-11-02T08:00:00.000Z', 'Ben') };
    const merged = mergeStampedFields(mine, theirs, isDefaultSessionValue);
    expect(Object.fromEntries(Object.entries(merged).map(([key, field]) => [key, field.value]))).toEqual({ title: 'Opening keynote', picked: true, room: 'Hall 1' });
  });
});

function version(id: string, text: string, author = 'Ada', savedAt = '2026-11-02T10:00:00.000Z'): NoteVersion {
  const editorState = noteState(text);
  return { id, author, savedAt, contentHash: valueHash(editorState), editorState };
}

describe('a note is a set of versions that replace each other', () => {
  const base = version('0000000000000001', 'What the speaker said.');
  const adaEdit = version('000000000000000a', 'What the speaker said, and more from Ada.');
  const benEdit = version('000000000000000b', 'What the speaker said, and more from Ben.', 'Ben');
  const afterAda: SharedNote = { heads: [adaEdit], superseded: [base.id] };
  const untouched: SharedNote = { heads: [base], superseded: [] };
  const afterBen: SharedNote = { heads: [benEdit], superseded: [base.id] };

  it('only one side changed it: that side’s version, whichever way round', () => {
    expect(mergeSharedNotes(untouched, afterAda).heads).toEqual([adaEdit]);
    expect(mergeSharedNotes(afterAda, untouched).heads).toEqual([adaEdit]);
  });

  it('both changed it: both versions are kept', () => {
    expect(mergeSharedNotes(afterAda, afterBen).heads.map((head) => head.id)).toEqual([adaEdit.id, benEdit.id]);
  });

  it('merging again, or in another order, changes nothing', () => {
    const once = mergeSharedNotes(afterAda, afterBen);
    expect(mergeSharedNotes(once, afterBen)).toEqual(once);
    expect(mergeSharedNotes(afterBen, afterAda)).toEqual(once);
    expect(mergeSharedNotes(untouched, once)).toEqual(once);
  });

  it('choosing one version replaces the other for everybody who merges the choice', () => {
    const both = mergeSharedNotes(afterAda, afterBen);
    const adaKeepsHers: SharedNote = { heads: [adaEdit], superseded: [...both.superseded, benEdit.id] };
    expect(mergeSharedNotes(both, adaKeepsHers).heads).toEqual([adaEdit]);
  });

  it('two people who typed the same text made one version', () => {
    const same = version('000000000000000c', 'What the speaker said, and more from Ada.', 'Ben');
    expect(mergeSharedNotes({ heads: [adaEdit], superseded: [] }, { heads: [same], superseded: [] }).heads).toHaveLength(1);
  });

  it('a text typed again after an undo is a new version, not the one it replaced', () => {
    const hash = valueHash(noteState('x'));
    expect(nextVersionId(hash, 'aaaaaaaaaaaaaaaa')).not.toBe(nextVersionId(hash, null));
  });
});

describe('private blocks stay on this machine', () => {
  it('are left out of what is shared and put back after the block they followed', () => {
    const mine = noteWithPrivate('The keynote opened late.', 'Call the press office: 555-0100', 'Numbers: 40% growth.');
    const shared = withoutPrivateBlocks(mine);
    expect(noteStateText(shared)).not.toContain('555-0100');
    const theirs = noteState('The keynote opened late.', 'Numbers: 40% growth.', 'Ben adds a quote.');
    const restored = restorePrivateBlocks(theirs, mine);
    expect(noteStateText(restored).split('\n')).toEqual(['The keynote opened late.', 'Call the press office: 555-0100', 'Numbers: 40% growth.', 'Ben adds a quote.']);
  });

  it('go to the end when the block they followed is gone, and are never repeated', () => {
    const mine = noteWithPrivate('Old first paragraph.', 'Private reminder');
    const theirs = noteState('Rewritten by Ben.');
    const once = restorePrivateBlocks(theirs, mine);
    expect(noteStateText(once).split('\n')).toEqual(['Rewritten by Ben.', 'Private reminder']);
    expect(restorePrivateBlocks(once, mine)).toEqual(once);
  });
});

function session(id: string, fields: Record<string, unknown>, note: SharedNote = { heads: [], superseded: [] }): SharedSession {
  return { id, fields: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, set(value, null)])), present: { value: true, stamp: { at: null, by: 'Ada' } }, note };
}

function event(id: string, sessions: SharedSession[]): SharedEvent {
  return { id, createdAt: '2026-11-01T00:00:00.000Z', fields: { title: set('Kielux', null) }, sessions, posts: [], assets: [] };
}

describe('sessions are matched by id, then by the programme’s source id', () => {
  it('two reporters who imported the same programme end with the same sessions and ids on both sides', () => {
    const ada = event('kielux-aaaa', [session('zzz1', { title: 'Talk', sourceId: 'uid-1' }), session('mine-only', { title: 'Hallway track' })]);
    const ben = event('kielux-bbbb', [session('aaa1', { title: 'Talk', sourceId: 'uid-1' })]);
    const atAda = mergeSharedEvents(ada, ben).merged;
    const atBen = mergeSharedEvents(ben, ada).merged;
    expect(atAda).toEqual(atBen);
    expect(atAda.sessions.map((shared) => shared.id)).toEqual(['aaa1', 'mine-only']);
    expect(atAda.id).toBe('kielux-aaaa');
  });

  it('does not match on a source id the programme repeats', () => {
    const ada = event('e', [session('a1', { title: 'One', sourceId: 'dup' }), session('a2', { title: 'Two', sourceId: 'dup' })]);
    const ben = event('e', [session('b1', { title: 'One', sourceId: 'dup' })]);
    expect(mergeSharedEvents(ada, ben).merged.sessions).toHaveLength(3);
  });
});
