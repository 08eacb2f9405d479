import { lowerOwnPriority } from './priority';

// Imported first by entry.ts, so it runs before any other module of the worker is evaluated.
lowerOwnPriority();
