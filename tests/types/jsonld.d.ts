/** The part of jsonld.js (no bundled types) the open-data tests use. */
declare module 'jsonld' {
  type Loader = (
    url: string,
  ) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  const jsonld: {
    expand(
      input: unknown,
      options?: { documentLoader?: Loader; base?: string },
    ): Promise<unknown[]>;
    flatten(
      input: unknown,
      context?: unknown,
      options?: { documentLoader?: Loader; base?: string },
    ): Promise<unknown>;
  };
  export default jsonld;
}
