import type { z } from 'zod';
import {
  channels,
  fail,
  isChannelName,
  ok,
  type AppError,
  type ChannelName,
  type Channels,
  type ErrorCode,
  type FieldIssue,
  type Result,
  type Role,
  type WindowRole,
} from './contract';
import type { EventBus, EventListener } from './events';

/** Who is calling: fixed by the main process from the window, never from the renderer. */
export interface Caller {
  windowRole: WindowRole;
  roles: readonly Role[];
  /** Recorded as "who" on every change this caller makes. */
  actor: string;
}

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
  call(caller: Caller, channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(caller: Caller, listener: EventListener): () => void;
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.message.includes('.') ? issue.message : issue.code,
  }));
}

/**
 * validate -> authorise by role -> call -> typed result. Nothing thrown inside crosses
 * to a face: unexpected faults are logged here and answered with `internal`.
 */
export function createRouter(
  handlers: Handlers,
  bus: EventBus,
  log: (message: string, error: unknown) => void,
): Router {
  return {
    async call(caller, channel, input) {
      if (!isChannelName(channel)) return fail('channel.unknown');
      const definition = channels[channel];
      if (!caller.roles.some((role) => (definition.roles as readonly Role[]).includes(role))) {
        return fail('role.forbidden');
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
    subscribe(caller, listener) {
      return bus.subscribe(caller.roles, listener);
    },
  };
}
