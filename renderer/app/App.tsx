import { useEffect, useState } from 'react';
import { api } from '../api/bridge';
import { NoteReads } from '../features/note/noteReads';
import { NoteReadsContext } from '../features/note/noteReadsContext';
import { NoteSaver } from '../features/note/noteSaver';
import { NoteSaverContext } from '../features/note/noteSaverContext';
import { NoteHistories, NoteHistoriesContext } from '../features/note/noteHistories';
import { SaverRegistry, SaverRegistryContext } from '../features/note/saverRegistry';
import { useFlushTriggers } from '../features/note/useFlushTriggers';
import { SaveProblemsBanner } from '../features/status/SaveProblemsBanner';
import { Workspace } from './Workspace';

export function App() {
  const [saver] = useState(() => new NoteSaver((request) => api['notes:save'](request)));
  const [reads] = useState(() => new NoteReads((address) => api['notes:load'](address), (address) => saver.hasUnsaved(address)));
  const [savers] = useState(() => new SaverRegistry());
  // Undo histories live as long as the app, not as long as the note pane.
  const [histories] = useState(() => new NoteHistories(saver));
  // A read started before a note changed would show it as it was: typing or saving drops it.
  useEffect(() => saver.subscribeAll((address) => reads.forget(address)), [saver, reads]);
  useEffect(() => savers.register({ flush: () => saver.flushAll(), hasUnsaved: () => saver.hasUnsavedChanges() }), [savers, saver]);
  useFlushTriggers(savers);
  return (
    <SaverRegistryContext value={savers}>
      <NoteSaverContext value={saver}>
        <NoteReadsContext value={reads}>
          <NoteHistoriesContext value={histories}>
            <div className="app-shell">
              <SaveProblemsBanner />
              <Workspace />
            </div>
          </NoteHistoriesContext>
        </NoteReadsContext>
      </NoteSaverContext>
    </SaverRegistryContext>
  );
}
