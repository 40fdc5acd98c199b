import { useState } from 'react';
import { api } from '../api/bridge';
import { NoteSaver } from '../features/note/noteSaver';
import { NoteSaverContext } from '../features/note/noteSaverContext';
import { useFlushTriggers } from '../features/note/useFlushTriggers';
import { SaveProblemsBanner } from '../features/status/SaveProblemsBanner';
import { Workspace } from './Workspace';

export function App() {
  const [saver] = useState(() => new NoteSaver((request) => api['notes:save'](request)));
  useFlushTriggers(saver);
  return (
    <NoteSaverContext value={saver}>
      <div className="app-shell">
        <SaveProblemsBanner />
        <Workspace />
      </div>
    </NoteSaverContext>
  );
}
