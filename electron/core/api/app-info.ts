import type { AppInfo } from '../../../shared/api';
import { MEDIA_BASE_URL } from '../../../shared/api';
import type { UiLanguage } from '../../../shared/errors';
import type { ApiHandlers } from './dispatch';
import { writeUiLanguage } from './settings';

type AppMethods = 'app.info' | 'app.setUiLanguage';

export interface AppHandlerDeps {
  appDataDir: string;
  /** UI language until `app.setUiLanguage` changes it. */
  lang: UiLanguage;
  transport: 'electron' | 'web';
  version: string;
  platform?: string;
  /** Told after a language switch, so Electron can rebuild its menus. */
  onUiLanguageChanged?: (lang: UiLanguage) => void;
}

export interface AppHandlers {
  handlers: Pick<ApiHandlers, AppMethods>;
  /** The UI language every other handler writes its messages in. */
  lang(): UiLanguage;
}

/** `app.*`: what the page learns about the running app, and the UI language it may switch. */
export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  let lang = deps.lang;

  function info(): AppInfo {
    return {
      version: deps.version,
      platform: deps.platform ?? process.platform,
      transport: deps.transport,
      uiLanguage: lang,
      mediaBaseUrl: MEDIA_BASE_URL,
    };
  }

  return {
    lang: () => lang,
    handlers: {
      'app.info': async () => info(),
      'app.setUiLanguage': async ({ lang: next }) => {
        lang = next;
        await writeUiLanguage(deps.appDataDir, next);
        deps.onUiLanguageChanged?.(next);
        return info();
      },
    },
  };
}
