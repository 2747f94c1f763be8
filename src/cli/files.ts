import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { TrackTwoError, isTrackTwoError } from '../domain/errors.js';
import { parseCsv, type CsvTable } from '../interchange/csv.js';

/** A file named on the command line, as text; one that cannot be read fails with the system's reason. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', {
      field: path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A CSV file with the columns it must have; an error in it names the file as well as the row and column. */
export function readCsvFile(path: string, required: string[]): CsvTable {
  const text = readText(path);
  try {
    return parseCsv(text, { required });
  } catch (error) {
    if (isTrackTwoError(error)) {
      throw new TrackTwoError(error.code, {
        ...error.details,
        file: path,
        reason: `${path}: ${error.details?.reason ?? ''}`,
      });
    }
    throw error;
  }
}

/** Creates a new file readable by its owner alone (a backup, a key); an existing file is never overwritten. */
export function writePrivateFile(path: string, data: Buffer | string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new TrackTwoError('TT_ERR_FILE_EXISTS', { field: path });
    throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', { field: path, reason: (error as Error).message });
  }
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}
