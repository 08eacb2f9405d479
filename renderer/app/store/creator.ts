import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/** The one slice-creator type: every slice sees the whole (persisted) app state. */
export type Creator<T> = StateCreator<AppState, [['zustand/persist', unknown]], [], T>;
