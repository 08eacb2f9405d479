import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { StateStorage } from 'zustand/middleware';
import { browserEnvironment, createClient } from './api/client';
import { ClientProvider } from './api/context';
import { App } from './shell/App';
import { createI18n, DEFAULT_UI_LANGUAGE } from './i18n';
import { connectEvents, createAppStore, StoreProvider, type AppStore } from './store';
import './styles/app.css';

/** localStorage can be refused (privacy settings, an unprivileged scheme); then prefs last a session. */
function prefsStorage(): StateStorage {
  try {
    const storage = window.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}

// The client words its own failures in the UI language, which the store owns; the store needs
// the client. The holder breaks the cycle.
const holder: { store?: AppStore } = {};
const client = createClient(
  browserEnvironment(() => holder.store?.getState().language ?? DEFAULT_UI_LANGUAGE),
);
const store = createAppStore({ client, storage: prefsStorage() });
holder.store = store;

const i18n = createI18n(store.getState().language);
document.documentElement.lang = store.getState().language;
store.subscribe((state, previous) => {
  if (state.language === previous.language) return;
  void i18n.changeLanguage(state.language);
  document.documentElement.lang = state.language;
});
connectEvents(store, client);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </ClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
void store.getState().appStarted();
