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
    const allowed = eventRoles[type];
    for (const { roles } of this.listeners) {
      const now = typeof roles === 'function' ? roles() : roles;
      if (now.some((role) => allowed.includes(role))) return true;
    }
    return false;
  }

  emit(event: AppEvent): void {
    for (const listener of this.ownListeners) listener(event);
    const allowed = eventRoles[event.type];
    for (const { roles, listener } of this.listeners) {
      const now = typeof roles === 'function' ? roles() : roles;
      if (now.some((role) => allowed.includes(role))) listener(event);
    }
  }
}
