/** The loopback web host (`vitrine web`) and the policies it shares with Electron's protocols. */
export { startWebHost, type WebHost, type WebHostOptions } from './server';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, contentTypeFor } from './policy';
export { mediaUrlToRelPath } from './media-url';
export {
  findToken,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  tokenCookie,
  tokenMatches,
} from './guard';
export { defaultAppDataDir, findRendererDir } from './paths';
export { openInBrowser } from './open-browser';
export { parseRange } from './range';
