import type { z } from 'zod';
import type { Command, SingleCommand } from '../../../shared/domain/commands';
import {
  EntitySchemas,
  Manifest,
  type CollectionName,
  type EntityOf,
  type LibrarySnapshot,
} from '../../../shared/domain/library';
import { emptyLegalSettings } from '../../../shared/domain/legal';
import { referencesOf, usagesOf, type Usage } from '../../../shared/domain/references';
import { AppError } from '../../../shared/errors';
import { formatDataPath } from './diagnostics';

/**
 * Applies commands to an overlay of the library in memory, checking every rule, and yields the
 * inverse commands. Nothing is written here: the store writes only when a whole command (or a
 * whole batch) went through, which is what makes a batch all-or-nothing.
 */
type AnyEntity = EntityOf[CollectionName];

export interface BaseState {
  manifest: Manifest;
  entities: { [C in CollectionName]: Map<string, EntityOf[C]> };
  snapshot(): LibrarySnapshot;
}

const PUTS = {
  putItem: ['items', 'item'],
  putPartnership: ['partnerships', 'partnership'],
  putAward: ['awards', 'award'],
  putExhibition: ['exhibitions', 'exhibition'],
} as const;

const PUT_OF: Record<CollectionName, { type: keyof typeof PUTS; key: string }> = {
  items: { type: 'putItem', key: 'item' },
  partnerships: { type: 'putPartnership', key: 'partnership' },
  awards: { type: 'putAward', key: 'award' },
  exhibitions: { type: 'putExhibition', key: 'exhibition' },
};

const NOUN: Record<CollectionName, { de: string; en: string }> = {
  items: { de: 'Objekt', en: 'item' },
  partnerships: { de: 'Partnerschaft', en: 'partnership' },
  awards: { de: 'Auszeichnung', en: 'award' },
  exhibitions: { de: 'Ausstellung', en: 'exhibition' },
};

export function putCommandFor(collection: CollectionName, entity: AnyEntity): SingleCommand {
  const { type, key } = PUT_OF[collection];
  return { type, [key]: entity } as unknown as SingleCommand;
}

export class Overlay {
  readonly changes: { [C in CollectionName]: Map<string, EntityOf[C] | null> } = {
    items: new Map(),
    partnerships: new Map(),
    awards: new Map(),
    exhibitions: new Map(),
  };
  manifest: Manifest | null = null;
  private cached: LibrarySnapshot | null = null;

  constructor(
    private readonly base: BaseState,
    private readonly now: () => string,
  ) {}

  get<C extends CollectionName>(collection: C, id: string): EntityOf[C] | undefined {
    const changes = this.changes[collection] as Map<string, EntityOf[C] | null>;
    if (changes.has(id)) return changes.get(id) ?? undefined;
    return (this.base.entities[collection] as Map<string, EntityOf[C]>).get(id);
  }

  private set<C extends CollectionName>(collection: C, id: string, value: EntityOf[C] | null) {
    (this.changes[collection] as Map<string, EntityOf[C] | null>).set(id, value);
    this.cached = null;
  }

  get currentManifest(): Manifest {
    return this.manifest ?? this.base.manifest;
  }

  /** The library as it would be after the commands so far; built only when a delete needs it. */
  snapshot(): LibrarySnapshot {
    if (this.cached) return this.cached;
    const changed = (['items', 'partnerships', 'awards', 'exhibitions'] as const).some(
      (c) => this.changes[c].size > 0,
    );
    if (!changed && !this.manifest) return (this.cached = this.base.snapshot());
    const base = this.base.snapshot();
    const merge = <C extends CollectionName>(c: C): EntityOf[C][] => {
      const changes = this.changes[c] as Map<string, EntityOf[C] | null>;
      if (changes.size === 0) return base[c] as EntityOf[C][];
      const out: EntityOf[C][] = [];
      for (const e of base[c] as EntityOf[C][]) {
        if (!changes.has(e.id)) out.push(e);
        else {
          const v = changes.get(e.id);
          if (v) out.push(v);
        }
      }
      for (const [id, v] of changes)
        if (v && !(this.base.entities[c] as Map<string, unknown>).has(id)) out.push(v);
      return out;
    };
    this.cached = {
      manifest: this.currentManifest,
      revision: base.revision,
      items: merge('items'),
      partnerships: merge('partnerships'),
      awards: merge('awards'),
      exhibitions: merge('exhibitions'),
    };
    return this.cached;
  }

  /** Applies one command at `at` (a data path prefix for messages) and returns its inverse. */
  apply(command: SingleCommand, at: readonly PropertyKey[]): SingleCommand {
    switch (command.type) {
      case 'putItem':
      case 'putPartnership':
      case 'putAward':
      case 'putExhibition': {
        const [collection, key] = PUTS[command.type];
        return this.put(collection, (command as Record<string, unknown>)[key] as AnyEntity, [
          ...at,
          key,
        ]);
      }
      case 'delete':
        return this.delete(command.collection, command.id, command.force, at);
      case 'updateManifest':
        return this.updateManifest(command, at);
    }
  }

  private put(
    collection: CollectionName,
    input: AnyEntity & { createdAt?: string },
    at: readonly PropertyKey[],
  ): SingleCommand {
    const old = this.get(collection, input.id);
    const now = this.now();
    // Stamps belong to the store: createdAt survives edits (and comes back with an undone delete).
    const entity = {
      ...input,
      createdAt: old?.createdAt ?? input.createdAt ?? now,
      updatedAt: now,
    } as AnyEntity;
    const schema = EntitySchemas[collection] as z.ZodType;
    const checked = schema.safeParse(entity);
    if (!checked.success) throw invalidInput(checked.error.issues, at);
    const existing = new Set(
      old ? referencesOf(collection, old as never).map((r) => `${r.collection}\u0000${r.id}`) : [],
    );
    for (const ref of referencesOf(collection, entity as never)) {
      // Only references this command adds must resolve; old dangling ones may stay.
      if (existing.has(`${ref.collection}\u0000${ref.id}`)) continue;
      if (this.get(ref.collection, ref.id)) continue;
      const path = `${formatDataPath(at)}.${ref.path}`;
      const noun = NOUN[ref.collection];
      throw new AppError(
        'REFERENCE_MISSING',
        {
          de: `${path} verweist auf ${noun.de} „${ref.id}“, das es nicht gibt. Wählen Sie ein vorhandenes ${noun.de} oder legen Sie es zuerst an.`,
          en: `${path} refers to ${noun.en} “${ref.id}”, which does not exist. Choose an existing ${noun.en} or create it first.`,
        },
        { location: { path }, details: { collection: ref.collection, id: ref.id } },
      );
    }
    this.set(collection, input.id, checked.data as AnyEntity);
    return old
      ? putCommandFor(collection, old)
      : { type: 'delete', collection, id: input.id, force: true };
  }

  private delete(
    collection: CollectionName,
    id: string,
    force: boolean,
    at: readonly PropertyKey[],
  ): SingleCommand {
    const old = this.get(collection, id);
    const path = formatDataPath([...at, 'id']);
    if (!old)
      throw new AppError(
        'NOT_FOUND',
        {
          de: `${NOUN[collection].de} „${id}“ gibt es nicht (mehr).`,
          en: `The ${NOUN[collection].en} “${id}” does not exist (any more).`,
        },
        { location: { path }, details: { collection, id } },
      );
    if (!force && (collection === 'items' || collection === 'partnerships')) {
      const usages = usagesOf(this.snapshot(), collection, id);
      if (usages.length > 0) throw inUse(collection, id, usages, path);
    }
    this.set(collection, id, null);
    return putCommandFor(collection, old);
  }

  private updateManifest(
    command: Extract<SingleCommand, { type: 'updateManifest' }>,
    at: readonly PropertyKey[],
  ): SingleCommand {
    const old = this.currentManifest;
    const next = { ...old };
    const inverse: Extract<SingleCommand, { type: 'updateManifest' }> = { type: 'updateManifest' };
    if (command.name !== undefined) {
      next.name = command.name;
      inverse.name = old.name;
    }
    if (command.languages !== undefined) {
      next.languages = command.languages;
      inverse.languages = old.languages;
    }
    if (command.defaultLanguage !== undefined) {
      next.defaultLanguage = command.defaultLanguage;
      inverse.defaultLanguage = old.defaultLanguage;
    }
    if (command.legal !== undefined) {
      next.legal = command.legal;
      inverse.legal = old.legal ?? emptyLegalSettings();
    }
    if (command.logo !== undefined) {
      if (command.logo) next.logo = command.logo;
      else delete next.logo;
      inverse.logo = old.logo ?? null;
    }
    const checked = Manifest.safeParse(next);
    if (!checked.success) throw invalidInput(checked.error.issues, at);
    this.manifest = checked.data;
    this.cached = null;
    return inverse;
  }
}

function inUse(
  collection: 'items' | 'partnerships',
  id: string,
  usages: Usage[],
  path: string,
): AppError {
  const shown = usages.slice(0, 5);
  const more = usages.length - shown.length;
  const list = (lang: 'de' | 'en') =>
    shown.map((u) => u.label[lang]).join('; ') +
    (more > 0 ? (lang === 'de' ? ` und ${more} weitere` : ` and ${more} more`) : '');
  const noun = NOUN[collection];
  return new AppError(
    'IN_USE',
    {
      de: `${noun.de} „${id}“ wird noch verwendet: ${list('de')}. Entfernen Sie die Verweise zuerst oder löschen Sie trotzdem.`,
      en: `The ${noun.en} “${id}” is still used: ${list('en')}. Remove the references first or delete anyway.`,
    },
    { location: { path }, details: usages },
  );
}

export function invalidInput(
  issues: readonly z.core.$ZodIssue[],
  at: readonly PropertyKey[] = [],
): AppError {
  const list = issues
    .slice(0, 20)
    .map((i) => ({ path: formatDataPath([...at, ...i.path]), message: i.message }));
  const first = list[0] ?? { path: formatDataPath(at), message: 'invalid' };
  return new AppError(
    'INVALID_INPUT',
    {
      de: `Ungültige Eingabe bei ${first.path || 'der Wurzel'}: ${first.message}`,
      en: `Invalid input at ${first.path || 'the root'}: ${first.message}`,
    },
    { location: { path: first.path }, details: list },
  );
}

/** Runs a command (single or batch) against an overlay; throws before anything is written. */
export function simulate(
  base: BaseState,
  command: Command,
  now: () => string,
): { overlay: Overlay; undo: Command } {
  const overlay = new Overlay(base, now);
  if (command.type !== 'batch') return { overlay, undo: overlay.apply(command, []) };
  const inverses = command.commands.map((c, i) => overlay.apply(c, ['commands', i]));
  return { overlay, undo: { type: 'batch', commands: inverses.reverse() } };
}
