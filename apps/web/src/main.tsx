import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app/App';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker caches the app shell so the notebook opens offline. A new version activates
// when every tab of the old one is closed (never mid-interview).
if ('serviceWorker' in navigator) registerSW({ immediate: true });
