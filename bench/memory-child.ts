import { childMemory } from './library';

// A separate entry so the measured process holds only what main would: the store and one open
// library, not the benchmark harness with its browser and Lighthouse modules.
await childMemory(process.argv[2]!);
