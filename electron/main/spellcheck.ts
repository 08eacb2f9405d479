/**
 * Electron-free spell-check policy. Nothing may fetch dictionaries from a third-party host: by
 * default Chromium on Windows and Linux downloads Hunspell dictionaries from Google's CDN
 * (electronjs.org/docs/tutorial/spellchecker, "Does the spellchecker use any Google services?";
 * `ses.setSpellCheckerDictionaryDownloadURL` is a no-op on macOS, which uses the OS checker).
 *
 * - macOS: the OS spell checker, nothing downloaded.
 * - Windows: the OS spell checker (Chromium uses the Windows Spell Checker API for languages the
 *   user has language packs for, components/spellcheck/spellcheck.md "Windows Hybrid
 *   spellchecker"); the Hunspell fallback is pointed at a `.invalid` host (RFC 2606), which never
 *   resolves, so no request leaves the machine.
 * - Linux: there is no OS spell checker in Chromium and the project ships no dictionaries, so spell
 *   checking is off (and the download URL points at `.invalid` as well). Said in the README.
 */
const NO_DICTIONARY_HOST = 'https://dictionaries.invalid/';

export interface SpellcheckPolicy {
  enabled: boolean;
  /** Passed to `setSpellCheckerDictionaryDownloadURL` (ignored on macOS). */
  downloadUrl: string;
  /** Passed to `setSpellCheckerLanguages` where Electron allows it (not macOS). */
  languages: string[] | null;
}

export function spellcheckPolicy(platform: NodeJS.Platform): SpellcheckPolicy {
  if (platform === 'darwin')
    return { enabled: true, downloadUrl: NO_DICTIONARY_HOST, languages: null };
  if (platform === 'win32')
    return { enabled: true, downloadUrl: NO_DICTIONARY_HOST, languages: ['de-DE', 'en-US'] };
  return { enabled: false, downloadUrl: NO_DICTIONARY_HOST, languages: null };
}
