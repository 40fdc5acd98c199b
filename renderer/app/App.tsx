import { useEffect, useState } from 'react';
import { api } from '../api/bridge';
import { NoteReads } from '../features/note/noteReads';
import { NoteReadsContext } from '../features/note/noteReadsContext';
import { NoteSaver } from '../features/note/noteSaver';
import { NoteSaverContext } from '../features/note/noteSaverContext';
import { SaverRegistry, SaverRegistryContext } from '../features/note/saverRegistry';
import { useFlushTriggers } from '../features/note/useFlushTriggers';
import { SaveProblemsBanner } from '../features/status/SaveProblemsBanner';
import { Workspace } from './Workspace';

export function App() {
  const [saver] = useState(() => new NoteSaver((request) => api['notes:save'](request)));
  const [reads] = useState(() => new NoteReads((address) => api['notes:load'](address), (address) => saver.hasUnsaved(address)));
  const [savers] = useState(() => new SaverRegistry());
  // A read started before a note changed would show it as it was: typing or saving drops it.
  useEffect(() => saver.subscribeAll((address) => reads.forget(address)), [saver, reads]);
  useEffect(() => savers.register({ flush: () => saver.flushAll(), hasUnsaved: () => saver.hasUnsavedChanges() }), [savers, saver]);
  useFlushTriggers(savers);
  return (
    <SaverRegistryContext value={savers}>
      <NoteSaverContext value={saver}>
        <NoteReadsContext value={reads}>
          <div className="app-shell">
            <SaveProblemsBanner />
            <Workspace />
          </div>
        </NoteReadsContext>
      </NoteSaverContext>
    </SaverRegistryContext>
  );
}
