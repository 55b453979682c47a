import type { z } from 'zod';
import type { Role } from './roles';

/** One entry of the channel table: what it takes, what it answers, who may call it. */
export interface ChannelDefinition {
  input: z.ZodType;
  output: z.ZodType;
  roles: readonly Role[];
}
