import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { VitrineClient } from './client';

const ClientContext = createContext<VitrineClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: VitrineClient;
  children: ReactNode;
}) {
  return createElement(ClientContext.Provider, { value: client }, children);
}

/** Components need the client only to build media URLs; every call goes through the store. */
export function useMediaUrl(): (relPath: string) => string {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useMediaUrl outside ClientProvider');
  return client.mediaUrl;
}
