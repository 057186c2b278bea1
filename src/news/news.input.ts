import { z } from 'zod';
import { TIERS } from '../status/status.rules.ts';

export const feedInput = z.object({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  tier: z.enum(TIERS, { message: `must be one of ${TIERS.join(', ')}` }),
});
