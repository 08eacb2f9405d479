/**
 * A short, gentle chord as a 16-bit PCM WAV file, computed sample by sample, so the sample
 * library has audio without shipping a recording.
 */
export interface ChordSpec {
  frequencies: number[];
  seconds: number;
  sampleRate?: number;
  /** Peak amplitude, 0..1. */
  gain?: number;
}

export function chordWav(spec: ChordSpec): Buffer {
  const rate = spec.sampleRate ?? 22_050;
  const gain = spec.gain ?? 0.3;
  const count = Math.round(spec.seconds * rate);
  const data = Buffer.alloc(count * 2);
  const attack = 0.35 * rate;
  const release = 1.6 * rate;
  const voices = spec.frequencies.length || 1;
  for (let i = 0; i < count; i++) {
    const t = i / rate;
    let v = 0;
    spec.frequencies.forEach((f, k) => {
      // A soft second harmonic makes it sound like a piano-ish pad rather than a test tone.
      v += Math.sin(2 * Math.PI * f * t + k) + 0.25 * Math.sin(4 * Math.PI * f * t);
    });
    v /= voices * 1.25;
    const env = Math.min(1, i / attack) * Math.min(1, (count - i) / release);
    const sample = Math.max(-32768, Math.min(32767, Math.round(v * env * gain * 32767)));
    data.writeInt16LE(sample, i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
