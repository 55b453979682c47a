import type { z } from 'zod';
import { adminChannels } from './admin';
import { authChannels } from './auth';
import { calendarChannels } from './calendar';
import { catalogueChannels } from './catalogue';
import { counterChannels } from './counter';
import { kioskChannels } from './kiosk';
import { printingChannels } from './printing';
import { reportChannels } from './reports';
import { requestChannels } from './requests';
import { surveyChannels } from './survey';
import { systemChannels } from './system';

/**
 * The whole API between the faces and the core: each domain's table, merged. The router
 * validates each input with its schema and refuses a caller that holds none of the
 * channel's roles.
 */
export const channels = {
  ...systemChannels,
  ...kioskChannels,
  ...catalogueChannels,
  ...calendarChannels,
  ...requestChannels,
  ...surveyChannels,
  ...printingChannels,
  ...reportChannels,
  ...adminChannels,
  ...authChannels,
  ...counterChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}
