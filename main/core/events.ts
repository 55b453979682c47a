import { eventRoles, type AppEvent, type Role } from './contract';

export type EventListener = (event: AppEvent) => void;

/** The core's pushed events, delivered to each subscriber whose roles may see them. */
export class EventBus {
  private readonly listeners = new Set<{ roles: readonly Role[]; listener: EventListener }>();

  subscribe(roles: readonly Role[], listener: EventListener): () => void {
    const entry = { roles, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  emit(event: AppEvent): void {
    const allowed = eventRoles[event.type];
    for (const { roles, listener } of this.listeners) {
      if (roles.some((role) => allowed.includes(role))) listener(event);
    }
  }
}
