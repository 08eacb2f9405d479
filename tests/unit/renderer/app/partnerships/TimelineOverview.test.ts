import { describe, expect, it } from 'vitest';
import type { Award, Partnership } from '../../../../../shared/domain';
import { overviewRows } from '../../../../../renderer/app/partnerships/TimelineOverview';

const T = '2024-01-01T00:00:00.000Z';
const p = (
  id: string,
  since: string | undefined,
  status: Partnership['status'] = 'active',
  history: string[] = [],
): Partnership => ({
  id,
  city: { de: id },
  country: 'GB',
  kind: 'twin-city',
  status,
  summary: {},
  history: history.map((date, i) => ({
    id: `${id}-${i}`,
    date,
    title: { de: 'e' },
    text: {},
    itemIds: [],
    tags: [],
  })),
  createdAt: T,
  updatedAt: T,
  ...(since ? { since } : {}),
});
const award = (date: string): Award => ({
  id: `a${date}`,
  name: { de: 'A' },
  level: {},
  date,
  awardingBody: { de: 'Europarat' },
  partnershipIds: [],
  text: {},
  itemIds: [],
  createdAt: T,
  updatedAt: T,
});

describe('overviewRows', () => {
  it('orders by founding year, runs active ones to today and ended ones to their last event', () => {
    const { rows, from, to } = overviewRows(
      [
        p('leeds', '1969'),
        p('amiens', '1960~'),
        p('old', '1977', 'ended', ['1980-05', '1991']),
        p('undated', undefined),
      ],
      [award('1979'), award('2021')],
      2026,
    );
    expect(rows.map((r) => [r.partnership.id, r.start, r.end])).toEqual([
      ['amiens', 1960, 2026],
      ['leeds', 1969, 2026],
      ['old', 1977, 1991],
    ]);
    expect(from).toBe(1960);
    expect(to).toBe(2027);
  });
});
