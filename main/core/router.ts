import type { z } from 'zod';
import {
  channels,
  fail,
  isChannelName,
  ok,
  rolesForWindow,
  type AppError,
  type ChannelName,
  type Channels,
  type ErrorCode,
  type FieldIssue,
  type Result,
  type Role,
  type SessionUser,
  type WindowRole,
} from './contract';
import type { EventBus, EventListener } from './events';

/**
 * The window a call comes from, as the shell knows it: the role it was opened with and a
 * key of its own (Electron: its webContents; the Chromium shell: its browser context).
 * Never from the renderer.
 */
export interface WindowRef {
  windowRole: WindowRole;
  windowKey: string;
}

/** Who is calling, as the router works it out from the window and the user signed in on it. */
export interface Caller extends WindowRef {
  roles: readonly Role[];
  /** Recorded as "who" on every change this caller makes: `user:<username>`, or `window:<role>`. */
  actor: string;
  user: SessionUser | null;
}

/** A window's caller while nobody is signed in on it: a kiosk is a kiosk, a desk window a guest. */
export function guestCaller(window: WindowRef): Caller {
  return {
    windowRole: window.windowRole,
    windowKey: window.windowKey,
    roles: rolesForWindow(window.windowRole),
    actor: `window:${window.windowRole}`,
    user: null,
  };
}

/** Turns a window into its caller (core/auth's sessions); released when the window is gone. */
export interface CallerResolver {
  resolve(window: WindowRef): Caller;
  release(windowKey: string): void;
}

const WITHOUT_SIGN_IN: CallerResolver = { resolve: guestCaller, release: () => undefined };

/**
 * Every window gets these roles: for a router the core itself drives (a window nobody sees,
 * opened for a caller who was already let through), never for a window a person works at.
 */
export function trustedCallers(roles: readonly Role[], actor: string): CallerResolver {
  return { resolve: (window) => ({ ...guestCaller(window), roles, actor }), release: () => undefined };
}
const STAFF_ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

/** A refusal a handler means to give: it becomes `{ ok: false, error }`, never thrown text. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: AppError['details'],
  ) {
    super(code);
  }
}

export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
  caller: Caller,
) => z.input<Channels[C]['output']> | Promise<z.input<Channels[C]['output']>>;

export type Handlers = { [C in ChannelName]: Handler<C> };

export interface Router {
  call(window: WindowRef, channel: string, input: unknown): Promise<Result<unknown>>;
  /** Events for the roles the window holds at the moment each is sent (they change with sign-in). */
  subscribe(window: WindowRef, listener: EventListener): () => void;
  /** The window closed: whoever was signed in on it is signed out (a router with no sign-in has nothing to release). */
  release?(window: WindowRef): void;
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.message.includes('.') ? issue.message : issue.code,
  }));
}

/**
 * resolve the caller -> validate -> authorise by role -> call -> typed result. The roles are
 * those of the user signed in on the window, looked up on every call, so a sign-out, an idle
 * timeout or a disabled account takes effect at once. Nothing thrown inside crosses to a face:
 * unexpected faults are logged here and answered with `internal`.
 */
export function createRouter(
  handlers: Handlers,
  bus: EventBus,
  log: (message: string, error: unknown) => void,
  callers: CallerResolver = WITHOUT_SIGN_IN,
): Router {
  return {
    async call(window, channel, input) {
      if (!isChannelName(channel)) return fail('channel.unknown');
      const definition = channels[channel];
      const allowed = definition.roles as readonly Role[];
      const caller = callers.resolve(window);
      if (!caller.roles.some((role) => allowed.includes(role))) {
        // A desk window nobody is signed in on: a user could make this call; the face asks for the sign-in.
        const signInWouldHelp =
          caller.user === null && caller.windowRole !== 'kiosk' && allowed.some((role) => STAFF_ROLES.includes(role));
        return fail(signInWouldHelp ? 'auth.required' : 'role.forbidden');
      }
      const parsed = definition.input.safeParse(input ?? {});
      if (!parsed.success) return fail('input.invalid', { issues: issuesOf(parsed.error) });
      try {
        const handler = handlers[channel] as (input: unknown, caller: Caller) => unknown;
        const output = definition.output.safeParse(await handler(parsed.data, caller));
        if (!output.success) {
          log(`channel ${channel} answered outside its contract`, output.error);
          return fail('internal');
        }
        return ok(output.data);
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.details);
        log(`channel ${channel} failed`, error);
        return fail('internal');
      }
    },
    subscribe(window, listener) {
      return bus.subscribe(() => callers.resolve(window).roles, listener);
    },
    release(window) {
      callers.release(window.windowKey);
    },
  };
}
