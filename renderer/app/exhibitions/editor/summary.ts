import {
  docToPlainText,
  pickText,
  type Block,
  type LibrarySnapshot,
} from '../../../../shared/domain';

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One line naming what a block shows, for the outline. */
export function blockSummary(block: Block, snapshot: LibrarySnapshot, lang: string): string {
  const itemTitle = (id: string) => {
    const item = snapshot.items.find((i) => i.id === id);
    return item ? pickText(item.title, lang) : `(${id})`;
  };
  const city = (id: string) => {
    const p = snapshot.partnerships.find((x) => x.id === id);
    return p ? pickText(p.city, lang) : `(${id})`;
  };
  switch (block.type) {
    case 'text':
      return clip(docToPlainText(block.body[lang] ?? Object.values(block.body)[0]));
    case 'item':
      return clip(pickText(block.caption, lang) || itemTitle(block.itemId));
    case 'gallery':
      return clip(pickText(block.title, lang) || block.itemIds.map(itemTitle).join(', '));
    case 'timeline':
    case 'map':
      return clip(pickText(block.title, lang) || block.partnershipIds.map(city).join(', '));
    case 'quote':
      return clip(pickText(block.text, lang));
    case 'comparison':
      return clip(`${itemTitle(block.before.itemId)} / ${itemTitle(block.after.itemId)}`);
  }
}
