import { spawn } from 'node:child_process';

/**
 * Best effort: hands our own loopback URL to the system's opener. Failing to open a browser is
 * not an error — the URL is printed anyway. Only ever called with the URL this host built.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/.test(url)) return;
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this system; the printed URL is enough.
  }
}
