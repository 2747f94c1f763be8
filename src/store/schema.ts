import type { CoreTables } from './tables/core.js';
import type { SecurityTables } from './tables/security.js';

/** The one Kysely schema both engines share. */
export interface Database extends CoreTables, SecurityTables {}
