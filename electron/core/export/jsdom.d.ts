// jsdom ships no types; verify-pages.ts describes the little it uses (JSDOM, VirtualConsole).
declare module 'jsdom';
