// The shared base first: the app's own stylesheet overrides it.
import '../shared/base.css';
import './token.css';
import { mount } from '../shared/mount.tsx';
import { App } from './App.tsx';

mount(App);

// Offline use: the service worker keeps the app shell (public/token/sw.js). Pages are fetched
// network-first, so it does not get in the way of `vite` dev either.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/token/sw.js', { scope: '/token/' }).catch((e: unknown) => {
      console.warn('service worker not registered', e);
    });
  });
}
