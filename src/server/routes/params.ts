import { z } from 'zod';
import { idSchema, pageSchema } from '../../domain/scalars.js';

export const idParams = z.strictObject({ id: idSchema });
export const pageQuery = pageSchema;
