import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { settingChangeSchema, settingsSchema } from './settings';

interface ChannelDefinition {
  input: z.ZodType;
  output: z.ZodType;
  roles: readonly Role[];
}

const empty = z.object({}).strict();

/**
 * The whole API between the faces and the core. The router validates each input with
 * its schema and refuses a caller that holds none of the channel's roles.
 */
export const channels = {
  'system.health': {
    input: empty,
    output: z.object({
      appVersion: z.string(),
      database: z.object({ path: z.string(), schemaVersion: z.number().int() }),
      printer: z.object({ status: z.literal('not_configured') }),
    }),
    roles: ROLES,
  },
  'settings.get': {
    input: empty,
    output: settingsSchema,
    roles: ROLES,
  },
  'settings.set': {
    input: settingChangeSchema,
    output: settingsSchema,
    roles: ['admin'],
  },
} as const satisfies Record<string, ChannelDefinition>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}
