import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The reference data laid beside the checkout (`../shared/data`), wherever the checkout is cloned. */
export const sharedDataDir =
  process.env.TRACKTWO_SHARED_DATA ??
  path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/data');

export const sharedData = (...parts: string[]) => path.join(sharedDataDir, ...parts);
