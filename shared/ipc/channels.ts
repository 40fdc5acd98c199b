import { z } from 'zod';
import {
  eventChangesSchema,
  eventDraftSchema,
  idSchema,
  MAX_EVENT_DAYS,
  sessionChangesSchema,
  sessionDraftSchema,
  type EventFile,
  type EventSummary,
  type Session,
} from '../model/event';
import { preferenceChangesSchema, type Preferences } from '../model/preferences';
import { serializedNoteStateSchema, type NoteFile } from '../note/noteFile';

/**
 * The IPC contract: every channel, its argument validator and its result type. The preload,
 * the Electron main process and the browser host are all typed from this one table, so a
 * channel added here and missing on any side fails to compile.
 */
const eventRef = z.strictObject({ eventId: idSchema });
const sessionRef = z.strictObject({ eventId: idSchema, sessionId: idSchema });

/** `channel<Result>()(argumentSchema)`: the schema fixes the argument type, the type parameter the result. */
function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

export type EventProblem = { location: string; message: string };
export type EventList = { events: EventSummary[]; problems: EventProblem[] };
export type LibraryDescription = { libraryPath: string };
export type EventWithSession = { event: EventFile; session: Session };
export type LoadedNote = { note: NoteFile | null };
export type SavedNote = { savedAt: string; bytesWritten: number };

export const channels = {
  'library:describe': channel<LibraryDescription>()(z.strictObject({})),
  'events:list': channel<EventList>()(z.strictObject({})),
  'events:create': channel<EventFile>()(eventDraftSchema),
  'events:get': channel<EventFile>()(eventRef),
  'events:update': channel<EventFile>()(z.strictObject({ eventId: idSchema, changes: eventChangesSchema })),
  'events:delete': channel<{ deleted: true }>()(eventRef),
  'sessions:add': channel<EventWithSession>()(z.strictObject({ eventId: idSchema, session: sessionDraftSchema })),
  'sessions:update': channel<EventWithSession>()(
    z.strictObject({ eventId: idSchema, sessionId: idSchema, changes: sessionChangesSchema }),
  ),
  'sessions:delete': channel<EventFile>()(sessionRef),
  'sessions:reorder': channel<EventFile>()(
    z.strictObject({ eventId: idSchema, day: z.number().int().min(1).max(MAX_EVENT_DAYS), sessionIds: z.array(idSchema).max(5000) }),
  ),
  'notes:load': channel<LoadedNote>()(sessionRef),
  'notes:save': channel<SavedNote>()(z.strictObject({ eventId: idSchema, sessionId: idSchema, editorState: serializedNoteStateSchema })),
  'preferences:get': channel<Preferences>()(z.strictObject({})),
  'preferences:set': channel<Preferences>()(preferenceChangesSchema),
  'app:flush-complete': channel<{ acknowledged: true }>()(z.strictObject({ requestId: z.string().max(100) })),
} as const;

export type ChannelTable = typeof channels;
export type ChannelName = keyof ChannelTable;
/** What a caller may pass (before defaults are applied by the validator). */
export type ChannelInput<Name extends ChannelName> = z.input<ChannelTable[Name]['input']>;
/** What a handler receives (after validation and defaults). */
export type ValidatedInput<Name extends ChannelName> = z.output<ChannelTable[Name]['input']>;
export type ChannelOutput<Name extends ChannelName> = ChannelTable[Name]['output'];

/** Pushed from the main side to the renderer. */
export type PushEvents = {
  'app:flush-requested': { requestId: string };
};
export type PushEventName = keyof PushEvents;
