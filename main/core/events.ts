import { eventRoles, type AppEvent, type Role } from './contract';

export type EventListener = (event: AppEvent) => void;

/**
 * The core's pushed events, delivered to each subscriber whose roles may see them (the
 * windows), and to the core's own listeners, which see every event.
 */
export class EventBus {
  private readonly listeners = new Set<{ roles: readonly Role[] | (() => readonly Role[]); listener: EventListener }>();
  private readonly ownListeners = new Set<EventListener>();

  /** A part of the core following events (the printer, the scanner): never counted as someone to show them to. */
  listen(listener: EventListener): () => void {
    this.ownListeners.add(listener);
    return () => this.ownListeners.delete(listener);
  }

  /** `roles` may be a function: a window's roles change as users sign in and out. */
  subscribe(roles: readonly Role[] | (() => readonly Role[]), listener: EventListener): () => void {
    const entry = { roles, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** Whether a window listening now may see an event of this type: someone is there to be shown it. */
  reaches(type: AppEvent['type']): boolean {
    return [...this.listeners].some((entry) => sees(entry.roles, type));
  }

  emit(event: AppEvent): void {
    for (const listener of this.ownListeners) listener(event);
    for (const { roles, listener } of this.listeners) if (sees(roles, event.type)) listener(event);
  }
}

/** Whether a window's roles, as they are at this moment, may see this type of event. */
function sees(roles: readonly Role[] | (() => readonly Role[]), type: AppEvent['type']): boolean {
  const allowed = eventRoles[type];
  return (typeof roles === 'function' ? roles() : roles).some((role) => allowed.includes(role));
}
