import { StrictMode } from 'react';
import { App } from '../../../renderer/app/App';
import { render, type Rendered } from './dom';

/** The whole app as main.tsx mounts it (StrictMode, so effects run twice as in development). */
export function renderApp(): Promise<Rendered> {
  return render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
