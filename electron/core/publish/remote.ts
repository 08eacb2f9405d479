/**
 * What the publisher needs from a server, whatever the protocol. Paths are `/`-separated and
 * relative to the target folder. Every implementation turns protocol failures into AppErrors
 * with a German and English message (wrong password, no write permission, unreachable).
 */
export interface Remote {
  /** The file's bytes, or null when it does not exist. */
  read(rel: string): Promise<Buffer | null>;
  /**
   * Writes a file so that it appears whole or not at all: uploaded under a temporary name, then
   * renamed over the old one. Creates missing folders.
   */
  write(rel: string, data: Buffer): Promise<void>;
  /** Removes a file; a file that is already gone is fine (a resumed deletion). */
  remove(rel: string): Promise<void>;
  /** Removes a folder if it is empty; anything else is left alone. */
  removeEmptyDir(rel: string): Promise<void>;
  close(): Promise<void>;
}
