import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders one of the three apps (customer site, back office, token app) into the page's #root. */
export function mount(App: ComponentType): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
