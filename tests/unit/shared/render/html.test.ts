import { describe, expect, it } from 'vitest';
import { escapeHtml, markup, trusted, userText } from '../../../../shared/render/html';

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('drops control characters and replaces lone surrogates, which HTML forbids', () => {
    expect(escapeHtml('a\u0000b\u0007c\u009Fd')).toBe('abcd');
    expect(escapeHtml('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeHtml('😀 ok')).toBe('😀 ok');
  });
});

describe('html template', () => {
  it('escapes interpolated strings but keeps nested fragments', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    expect(
      markup`<p title="${'"x"'}">${inner}${['<', trusted('<br>')]}${null}${false}${3}</p>`.value,
    ).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;<br>3</p>');
  });
  it('isolates text with bidi controls in <bdi>', () => {
    expect(userText('a\u202Eb').value).toBe('<bdi>a\u202Eb</bdi>');
    expect(userText('plain').value).toBe('plain');
  });
});
