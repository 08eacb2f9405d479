import { isEasyGerman, languageName, textDirection } from '../domain/language';
import { markup, userText, type Html } from './html';
import type { ExhibitionView } from './model';

/**
 * The start-page elements BITV 2.0 § 4 asks for in Leichte Sprache: an overview of the contents,
 * hints for finding one's way, a summary of the accessibility statement and pointers to further
 * content. Generated from the exhibition, so they are there as soon as a curator adds the
 * language; the fixed sentences follow the same rules the check applies to curators' texts.
 */
export function easyStartSection(view: ExhibitionView): Html {
  if (!isEasyGerman(view.lang)) return markup``;
  const web = view.mode === 'web';
  const others = view.languages.filter((l) => !isEasyGerman(l));
  return markup`<section class="easy-start" aria-labelledby="easy-contents">
<h2 id="easy-contents">Das steht auf diesen Seiten</h2>
<p>Die Ausstellung hat ${view.chapters.length} Teile.</p>
<ol>${view.chapters.map((c) => markup`<li><a href="${c.file}">${userText(c.title.text)}</a></li>`)}</ol>
<h2>So finden Sie sich zurecht</h2>
<ul>
<li>Oben auf jeder Seite ist eine Liste mit allen Teilen.</li>
<li>Unten auf jeder Seite steht: Weiter.</li>
<li>Damit kommen Sie zum nächsten Teil.</li>
<li>Oben können Sie auch eine andere Sprache aus-suchen.</li>
</ul>
<h2>Barriere-Freiheit</h2>
<p>Wir möchten: Alle Menschen können diese Seiten benutzen.</p>
<p>Sie können die Seiten mit der Tastatur benutzen.</p>
<p>Sie können die Seiten mit einem Vorlese-Programm hören.</p>
<p>Bilder haben eine Beschreibung.</p>
<p>Auf der Seite <a href="credits.html">Nachweise</a> steht: Wer hat die Ausstellung gemacht.</p>
<h2>Mehr in Leichter Sprache</h2>
<p>Alle Teile von der Ausstellung gibt es in Leichter Sprache.</p>${
    web
      ? markup`<p>Sie suchen etwas? Auf der Seite <a href="search.html">Suche</a> können Sie Wörter suchen.</p>`
      : ''
  }${
    others.length
      ? markup`<p>Die Ausstellung gibt es auch in diesen Sprachen:</p><ul>${others.map(
          (l) =>
            markup`<li><a href="../${l}/index.html" hreflang="${l}" lang="${l}" dir="${textDirection(l)}">${languageName(l)}</a></li>`,
        )}</ul>`
      : ''
  }
</section>`;
}
