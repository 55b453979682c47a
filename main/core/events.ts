import { eventRoles, type AppEvent, type Role } from './contract';

export type EventListener = (event: AppEvent) => void;

/** The core's pushed events, delivered to each subscriber whose roles may see them. */
export class EventBus {
  private readonly listeners = new Set<{ roles: readonly Role[] | (() => readonly Role[]); listener: EventListener }>();

  /** `roles` may be a function: a window's roles change as users sign in and out. */
  subscribe(roles: readonly Role[] | (() => readonly Role[]), listener: EventListener): () => void {
    const entry = { roles, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  emit(event: AppEvent): void {
    const allowed = eventRoles[event.type];
    for (const { roles, listener } of this.listeners) {
      const now = typeof roles === 'function' ? roles() : roles;
      if (now.some((role) => allowed.includes(role))) listener(event);
    }
  }
}
