import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../library/fs-atomic';

/**
 * Starting the player with the session, by each system's own mechanism, and undoing it.
 *
 * - Linux: a systemd user unit with `Restart=always` (a player that dies is back in two seconds)
 *   and an XDG autostart entry that starts that unit when the desktop session begins — the unit
 *   needs the session's display, and the entry alone could not restart anything. The entry runs
 *   `systemctl --user start`, so there is exactly one player.
 * - Windows: a Task Scheduler task at log-on with restart on failure (`schtasks /Create /XML`).
 * - macOS: a LaunchAgent with `RunAtLoad` and `KeepAlive`.
 */
export const UNIT_NAME = 'vitrine-kiosk.service';
export const TASK_NAME = 'Vitrine Kiosk';
export const AGENT_LABEL = 'de.dortmund.vitrine.kiosk';

export interface AutostartTarget {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
}

export interface AutostartFile {
  path: string;
  content: string;
}

export interface AutostartPlan {
  files: AutostartFile[];
  /** Registration commands, run best effort after writing (and shown to the person). */
  install: string[][];
  /** Run before the files are deleted (unregister) and after (reload the system's view). */
  remove: string[][];
  afterRemove: string[][];
  /** What was set up, for people (German, English). */
  explain: { de: string; en: string };
}

const xml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** systemd's and the desktop entry spec's quoting: double quotes, with \ " ` $ escaped. */
function quoteExec(arg: string, percent: boolean): string {
  let s = arg.replace(/[\\"`$]/g, (c) => `\\${c}`);
  if (percent) s = s.replace(/%/g, '%%');
  return /[\s"'\\`$%;]/.test(arg) || arg === '' ? `"${s}"` : s;
}

/** Windows command-line quoting (CommandLineToArgvW rules). */
function quoteWin(arg: string): string {
  if (arg && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

function configHome(t: AutostartTarget): string {
  return t.env.XDG_CONFIG_HOME || path.join(t.home, '.config');
}

/** The files and commands for `command` (the full argument vector that starts the player). */
export function autostartPlan(command: string[], t: AutostartTarget): AutostartPlan {
  if (t.platform === 'win32') {
    const dir = path.join(t.env.LOCALAPPDATA ?? path.join(t.home, 'AppData', 'Local'), 'Vitrine');
    const file = path.join(dir, 'vitrine-kiosk-task.xml');
    const [exe, ...args] = command;
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<Task version="1.4" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Description>Vitrine kiosk player</Description></RegistrationInfo>
  <Triggers><LogonTrigger><Enabled>true</Enabled></LogonTrigger></Triggers>
  <Principals><Principal id="Author"><LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel></Principal></Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure><Interval>PT1M</Interval><Count>999</Count></RestartOnFailure>
  </Settings>
  <Actions Context="Author"><Exec><Command>${xml(exe!)}</Command><Arguments>${xml(args.map(quoteWin).join(' '))}</Arguments></Exec></Actions>
</Task>
`;
    return {
      files: [{ path: file, content }],
      install: [['schtasks', '/Create', '/TN', TASK_NAME, '/XML', file, '/F']],
      remove: [['schtasks', '/Delete', '/TN', TASK_NAME, '/F']],
      afterRemove: [],
      explain: {
        de: `Aufgabenplanung: Aufgabe „${TASK_NAME}“ startet den Player bei der Anmeldung und nach einem Absturz neu (${file}).`,
        en: `Task Scheduler: task “${TASK_NAME}” starts the player at log-on and restarts it after a failure (${file}).`,
      },
    };
  }
  if (t.platform === 'darwin') {
    const file = path.join(t.home, 'Library', 'LaunchAgents', `${AGENT_LABEL}.plist`);
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>${AGENT_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
${command.map((a) => `    <string>${xml(a)}</string>`).join('\n')}
  </array>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><true/>
  <key>ThrottleInterval</key><integer>5</integer>
</dict>
</plist>
`;
    return {
      files: [{ path: file, content }],
      install: [['launchctl', 'load', '-w', file]],
      remove: [['launchctl', 'unload', '-w', file]],
      afterRemove: [],
      explain: {
        de: `LaunchAgent ${file}: startet den Player bei der Anmeldung und hält ihn am Laufen (KeepAlive).`,
        en: `LaunchAgent ${file}: starts the player at log-in and keeps it running (KeepAlive).`,
      },
    };
  }
  const unitFile = path.join(configHome(t), 'systemd', 'user', UNIT_NAME);
  const desktopFile = path.join(configHome(t), 'autostart', 'vitrine-kiosk.desktop');
  const unit = `[Unit]
Description=Vitrine kiosk player
After=graphical-session.target
PartOf=graphical-session.target

[Service]
ExecStart=${command.map((a) => quoteExec(a, true)).join(' ')}
Restart=always
RestartSec=2
`;
  const desktop = `[Desktop Entry]
Type=Application
Name=Vitrine Kiosk
Comment=Starts the Vitrine kiosk player (systemd user unit ${UNIT_NAME})
Exec=systemctl --user start ${UNIT_NAME}
X-GNOME-Autostart-enabled=true
NoDisplay=true
`;
  return {
    files: [
      { path: unitFile, content: unit },
      { path: desktopFile, content: desktop },
    ],
    install: [['systemctl', '--user', 'daemon-reload']],
    remove: [['systemctl', '--user', 'stop', UNIT_NAME]],
    afterRemove: [['systemctl', '--user', 'daemon-reload']],
    explain: {
      de: `systemd-Benutzerdienst ${unitFile} (Restart=always: ein beendeter Player startet nach 2 s neu) und Autostart-Eintrag ${desktopFile}, der den Dienst beim Anmelden an der Arbeitsumgebung startet.`,
      en: `systemd user unit ${unitFile} (Restart=always: a player that ends is back after 2 s) and autostart entry ${desktopFile} that starts the unit when the desktop session begins.`,
    },
  };
}

export type CommandRunner = (argv: string[]) => Promise<boolean>;

/** Runs a registration command; a missing tool or a failure is reported, never thrown. */
export const runCommand: CommandRunner = (argv) =>
  new Promise((resolve) =>
    execFile(argv[0]!, argv.slice(1), { timeout: 15_000, windowsHide: true }, (error) =>
      resolve(!error),
    ),
  );

export function currentTarget(): AutostartTarget {
  return { platform: process.platform, home: homedir(), env: process.env };
}

export async function installAutostart(
  command: string[],
  target: AutostartTarget = currentTarget(),
  run: CommandRunner = runCommand,
): Promise<{ plan: AutostartPlan; failed: string[][] }> {
  const plan = autostartPlan(command, target);
  for (const file of plan.files) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFileAtomic(file.path, file.content);
  }
  const failed: string[][] = [];
  for (const argv of plan.install) if (!(await run(argv))) failed.push(argv);
  return { plan, failed };
}

export async function removeAutostart(
  target: AutostartTarget = currentTarget(),
  run: CommandRunner = runCommand,
): Promise<{ plan: AutostartPlan; removed: string[]; failed: string[][] }> {
  const plan = autostartPlan(['vitrine'], target);
  const failed: string[][] = [];
  // Unregister first (the task or agent still points at the files), then delete them.
  for (const argv of plan.remove) if (!(await run(argv))) failed.push(argv);
  const removed: string[] = [];
  for (const file of plan.files) {
    const existed = await rm(file.path).then(
      () => true,
      () => false,
    );
    if (existed) removed.push(file.path);
  }
  for (const argv of plan.afterRemove) if (!(await run(argv))) failed.push(argv);
  return { plan, removed, failed };
}
