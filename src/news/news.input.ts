import { z } from 'zod';
import { TIERS } from '../status/status.rules.ts';
import { lineField } from '../web/fields.ts';
import { httpUrl } from '../web/urls.ts';

export const feedInput = z.object({
  url: httpUrl('must be an http(s) URL'),
  name: lineField(200).refine((s) => s !== '', 'is required'),
  tier: z.enum(TIERS, { message: `must be one of ${TIERS.join(', ')}` }),
});
