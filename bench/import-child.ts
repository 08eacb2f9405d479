import { childImport } from './import';

// A separate entry so the peak memory measured is the import's own (see bench/memory-child.ts).
await childImport(process.argv[2]!, process.argv[3]!);
