import { markup } from '../../../shared/render/html';

export type ExitPageState =
  | { kind: 'ask' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; seconds: number }
  | { kind: 'closing' };

const TEXT = {
  de: {
    title: 'Player beenden',
    intro: 'Nur für das Personal: PIN eingeben, um den Kiosk zu beenden.',
    pin: 'PIN',
    submit: 'Beenden',
    back: 'Zurück zur Ausstellung',
    wrong: (n: number) => `Falsche PIN. Noch ${n} Versuch${n === 1 ? '' : 'e'}.`,
    locked: (s: number) => `Zu viele falsche Eingaben. Gesperrt für ${s} Sekunden.`,
    closing: 'Der Player wird beendet.',
  },
  en: {
    title: 'Close the player',
    intro: 'Staff only: enter the PIN to close the kiosk.',
    pin: 'PIN',
    submit: 'Close',
    back: 'Back to the exhibition',
    wrong: (n: number) => `Wrong PIN. ${n} attempt${n === 1 ? '' : 's'} left.`,
    locked: (s: number) => `Too many wrong PINs. Locked for ${s} seconds.`,
    closing: 'The player is closing.',
  },
};

/**
 * The operator's PIN page, served by the player (never part of a bundle). A plain form without
 * script, so it works under the strict CSP and even when the bundle's runtime is broken.
 */
export function exitPage(lang: 'de' | 'en', state: ExitPageState): string {
  const s = TEXT[lang];
  const message =
    state.kind === 'wrong'
      ? markup`<p role="alert" data-state="wrong">${s.wrong(state.attemptsLeft)}</p>`
      : state.kind === 'locked'
        ? markup`<p role="alert" data-state="locked">${s.locked(state.seconds)}</p>`
        : state.kind === 'closing'
          ? markup`<p role="status" data-state="closing">${s.closing}</p>`
          : markup``;
  const form =
    state.kind === 'closing'
      ? markup``
      : markup`<form method="post" action="/__vitrine/exit"><label for="pin">${s.pin}</label> <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" pattern="[0-9]{4,12}" required autofocus> <button type="submit">${s.submit}</button></form><p><a href="/">${s.back}</a></p>`;
  return `<!DOCTYPE html>\n${markup`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${s.title}</title></head><body><main><h1>${s.title}</h1><p>${s.intro}</p>${message}${form}</main></body></html>`}`;
}
