import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './token.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Offline use: the service worker keeps the app shell (public/token/sw.js). Pages are fetched
// network-first, so it does not get in the way of `vite` dev either.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/token/sw.js', { scope: '/token/' }).catch((e: unknown) => {
      console.warn('service worker not registered', e);
    });
  });
}
