import { markup, type Html } from '../render/html';

/**
 * The kiosk's privacy notice: what the player counts and what it does not. One text, used twice:
 * the player adds it to the kiosk's info page (credits) it serves, and the README's
 * "Running a kiosk" section carries the same words (a test compares them).
 */
export const PRIVACY_NOTICE = {
  de: {
    title: 'Datenschutz an diesem Bildschirm',
    counted:
      'Gezählt wird anonym, wie die Ausstellung genutzt wird: Beginn und Ende eines Besuchs (erste Berührung bis zur Rückkehr zum Startbildschirm), aufgerufene Kapitel mit Verweildauer, Sprachwechsel, abgespielte Medien, vergrößerte Bilder und angezeigte QR-Codes.',
    notCounted:
      'Nicht erfasst werden: Namen, Eingaben (auch keine Suchbegriffe), Kennungen von Personen oder Geräten, IP-Adressen, Cookies zur Wiedererkennung. Ein Besuch lässt sich mit keinem anderen verknüpfen.',
    storage:
      'Die Zählung bleibt auf diesem Gerät (Tagesdateien im Datenordner des Players) und wird nur als Gesamtzahlen ausgewertet.',
  },
  en: {
    title: 'Privacy at this screen',
    counted:
      'We count anonymously how the exhibition is used: start and end of a visit (first touch until the return to the start screen), chapters viewed with time spent, language changes, media played, enlarged pictures and QR codes shown.',
    notCounted:
      'Not recorded: names, anything typed (no search terms either), identifiers of people or devices, IP addresses, cookies that recognise anyone. No visit can be linked to another.',
    storage:
      "The counts stay on this device (daily files in the player's data folder) and are only evaluated as totals.",
  },
} as const;

export type PrivacyLang = keyof typeof PRIVACY_NOTICE;

export function privacyNoticeHtml(lang: PrivacyLang): Html {
  const s = PRIVACY_NOTICE[lang];
  return markup`<section class="privacy" aria-labelledby="privacy-title" lang="${lang}"><h2 id="privacy-title">${s.title}</h2><p>${s.counted}</p><p>${s.notCounted}</p><p>${s.storage}</p></section>`;
}

/** The README's version: a Markdown block per language. */
export function privacyNoticeMarkdown(): string {
  return (['de', 'en'] as const)
    .map((l) => {
      const s = PRIVACY_NOTICE[l];
      return `**${s.title}**\n\n${s.counted}\n\n${s.notCounted}\n\n${s.storage}\n`;
    })
    .join('\n');
}
