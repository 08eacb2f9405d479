import { describe, expect, it } from 'vitest';
import { frameScale } from '../../../../../../renderer/app/exhibitions/preview/fit';
import { FRAME_SIZES } from '../../../../../../renderer/app/exhibitions/preview/render';

describe('frameScale', () => {
  it('fits the desktop frame to the canvas width when the height has room', () => {
    const scale = frameScale(FRAME_SIZES.desktop, { width: 820, height: 760 });
    expect(scale).toBeCloseTo(820 / 1280);
    expect(FRAME_SIZES.desktop.height * scale).toBeLessThanOrEqual(760);
  });

  it('fits tall frames (phone, kiosk portrait) to the height', () => {
    for (const frame of [FRAME_SIZES.phone, FRAME_SIZES['kiosk-portrait']]) {
      const scale = frameScale(frame, { width: 820, height: 700 });
      expect(frame.height * scale).toBeCloseTo(700);
      expect(frame.width * scale).toBeLessThanOrEqual(820);
    }
  });

  it('fits the kiosk landscape frame both ways and never enlarges', () => {
    const scale = frameScale(FRAME_SIZES['kiosk-landscape'], { width: 1200, height: 600 });
    expect(FRAME_SIZES['kiosk-landscape'].width * scale).toBeLessThanOrEqual(1200);
    expect(FRAME_SIZES['kiosk-landscape'].height * scale).toBeLessThanOrEqual(600);
    expect(frameScale(FRAME_SIZES.phone, { width: 3000, height: 3000 })).toBe(1);
  });

  it('keeps a visible scale for an unmeasured canvas', () => {
    expect(frameScale(FRAME_SIZES.desktop, { width: 0, height: 0 })).toBe(0.1);
    expect(frameScale({ width: 0, height: 0 }, { width: 100, height: 100 })).toBe(1);
  });
});
