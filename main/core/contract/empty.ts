import { z } from 'zod';

export const emptyInput = z.object({}).strict();
