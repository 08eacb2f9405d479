import { describe, expect, it } from 'vitest';
import { createEventGate } from '../../../../electron/main/event-gate';

describe('event gate', () => {
  it('holds events until the page speaks, then delivers them in order', () => {
    const got: number[] = [];
    const gate = createEventGate<number>((e) => got.push(e));
    gate.send(1);
    gate.send(2);
    expect(got).toEqual([]);
    gate.open();
    expect(got).toEqual([1, 2]);
    gate.send(3);
    expect(got).toEqual([1, 2, 3]);
  });

  it('holds again after a reload and keeps only the newest events', () => {
    const got: number[] = [];
    const gate = createEventGate<number>((e) => got.push(e), 2);
    gate.open();
    gate.close();
    for (const e of [1, 2, 3]) gate.send(e);
    expect(gate.waiting).toBe(2);
    gate.open();
    expect(got).toEqual([2, 3]);
  });
});
