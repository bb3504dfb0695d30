import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './scalars.ts';
import './errors.ts';
import './business.ts';
import './membership.ts';
import './api-key.ts';
import './audit-log.ts';
import './viewer.ts';
import './instance.ts';
import './evolution-server.ts';
import './webhook-event.ts';
import './sandbox.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
