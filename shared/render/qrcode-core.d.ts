/**
 * The pure encoder inside the qrcode package. Its main entry pulls in fs/stream (Node) or a
 * canvas renderer (browser), neither of which belongs in shared/, so we draw the SVG ourselves.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export interface BitMatrix {
    size: number;
    get(row: number, col: number): boolean | number;
  }
  export interface QRCode {
    modules: BitMatrix;
  }
  const core: {
    create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QRCode;
  };
  export default core;
}
