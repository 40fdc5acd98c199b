import { createContext, useContext } from 'react';
import type { NoteSaver } from './noteSaver';

export const NoteSaverContext = createContext<NoteSaver | null>(null);

export function useNoteSaver(): NoteSaver {
  const saver = useContext(NoteSaverContext);
  if (!saver) throw new Error('useNoteSaver needs a NoteSaverContext provider');
  return saver;
}
