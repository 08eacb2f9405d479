export { axeViolations } from './axe';
export { useAppSessions, type AppSession, type SessionOptions } from './session';
export { startWebHost, type WebHost } from './host';
export { launchBrowser } from './browser';
export { copyLibrary, tempDir } from './library';
export { REPO_ROOT, RESULTS_DIR, SCREENSHOTS_DIR } from './paths';
