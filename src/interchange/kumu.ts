import { TrackTwoError, isTrackTwoError } from '../domain/errors.js';
import { pseudonymSchema } from '../domain/actor.js';
import {
  actorRoles,
  genders,
  tieKinds,
  tieSources,
  tracks,
  type ActorKind,
  type ActorRole,
  type Gender,
  type TieKind,
  type TieSource,
  type Track,
} from '../domain/vocabulary.js';
import { formatCsv, parseCsv, type CsvTable } from './csv.js';

/**
 * Kumu's spreadsheet layout (https://docs.kumu.io/guides/import), as two CSV files:
 * elements (`Label, Type, Description, Tags` + custom columns Role, Track, Gender, Region, Pseudonym
 * and one column per divide, named after it) and connections (`From, To, Type, Direction, Strength`
 * + Valid From, Valid To, Source, Confidence). Checking is all-or-nothing: the first bad row stops
 * the import with its file, row number (header = row 1), column and reason.
 */

export type KumuFile = 'elements' | 'connections';

/** The divides of the conflict the file is imported into, to read the divide columns against. */
export interface KumuDivide {
  id: string;
  name: string;
  groups: readonly { id: string; name: string }[];
}

export interface KumuElement {
  row: number;
  label: string;
  /** Given in the file (a `Pseudonym` column), or null to have one made on import. */
  pseudonym: string | null;
  kind: ActorKind;
  role: ActorRole;
  track: Track;
  gender: Gender | null;
  region: string | null;
  groups: { divide_id: string; group_id: string }[];
  /** Description and tags: free text about a person, so it goes to the vault's notes, never a record. */
  notes: string;
}

/** A connection as read, with the spreadsheet row it came from. */
export interface KumuConnection extends KumuConnectionOut {
  row: number;
}

export const kumuElementColumns = [
  'Label',
  'Type',
  'Description',
  'Tags',
  'Pseudonym',
  'Role',
  'Track',
  'Gender',
  'Region',
];
export const kumuConnectionColumns = [
  'From',
  'To',
  'Type',
  'Direction',
  'Strength',
  'Valid From',
  'Valid To',
  'Source',
  'Confidence',
];

function reject(file: KumuFile, row: number, column: string, reason: string): never {
  throw new TrackTwoError('TT_ERR_IMPORT_REJECTED', { file, row, column, reason: `${file} file: ${reason}` });
}

function readTable(text: string, file: KumuFile, required: string[]): CsvTable {
  try {
    return parseCsv(text, { required });
  } catch (error) {
    if (isTrackTwoError(error)) {
      const details = { ...error.details, file, reason: `${file} file: ${error.details?.reason ?? ''}` };
      throw new TrackTwoError(error.code, details);
    }
    throw error;
  }
}

/** `Peace activist`, `peace-activist` and `PEACE_ACTIVIST` all name `peace_activist`. */
function enumKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s-]+/g, '_');
}

function enumCell<T extends string>(
  allowed: readonly T[],
  value: string,
  file: KumuFile,
  row: number,
  column: string,
  aliases: Record<string, T> = {},
): T {
  const key = enumKey(value);
  const found = (allowed as readonly string[]).includes(key) ? (key as T) : aliases[key];
  if (found === undefined) {
    reject(file, row, column, `"${value.trim()}" is not one of ${allowed.join(', ')}`);
  }
  return found;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function dateCell(value: string, file: KumuFile, row: number, column: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = new Date(`${trimmed}T00:00:00Z`);
  if (
    !isoDate.test(trimmed) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== trimmed
  ) {
    reject(file, row, column, `"${trimmed}" is not a date as YYYY-MM-DD`);
  }
  return trimmed;
}

function numberIn(
  value: string,
  file: KumuFile,
  row: number,
  column: string,
  range: { min: number; max: number; integer: boolean; fallback: number },
): number {
  const trimmed = value.trim();
  if (trimmed === '') return range.fallback;
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed) || (range.integer && !Number.isInteger(parsed))) {
    reject(file, row, column, `"${trimmed}" is not ${range.integer ? 'a whole number' : 'a number'}`);
  }
  if (parsed < range.min || parsed > range.max) {
    reject(file, row, column, `${parsed} is out of range ${range.min}-${range.max}`);
  }
  return parsed;
}

const typeAliases: Record<string, ActorKind> = {
  people: 'person',
  individual: 'person',
  organization: 'organisation',
  org: 'organisation',
};

/** Reads the elements file. `takenLabels` are labels already in the conflict (they may not be reused). */
export function parseKumuElements(
  text: string,
  divides: readonly KumuDivide[],
  options: { takenLabels?: ReadonlySet<string>; takenPseudonyms?: ReadonlySet<string> } = {},
): KumuElement[] {
  const file = 'elements';
  const table = readTable(text, file, ['Label', 'Type', 'Role', 'Track']);
  const divideColumns = divides
    .map((divide) => ({
      divide,
      column: table.header.find((h) => h.toLowerCase() === divide.name.toLowerCase()),
    }))
    .filter((entry): entry is { divide: KumuDivide; column: string } => entry.column !== undefined);
  const labels = new Map<string, number>();
  const pseudonyms = new Map<string, number>();
  const elements: KumuElement[] = [];

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index];
    const cell = (column: string) => (cells[column] ?? '').trim();
    const label = cell('Label');
    if (label === '') reject(file, row, 'Label', 'every element needs a label');
    if (label.length > 200) reject(file, row, 'Label', 'a label is at most 200 characters');
    const earlier = labels.get(label);
    if (earlier !== undefined)
      reject(file, row, 'Label', `duplicate label "${label}" (first on row ${earlier})`);
    if (options.takenLabels?.has(label))
      reject(file, row, 'Label', `"${label}" is already an actor of this conflict`);
    labels.set(label, row);

    const pseudonymCell = cell('Pseudonym');
    let pseudonym: string | null = null;
    if (pseudonymCell !== '') {
      if (!pseudonymSchema.safeParse(pseudonymCell).success)
        reject(file, row, 'Pseudonym', `"${pseudonymCell}" is not a pseudonym such as A-7K3F9Q`);
      const before = pseudonyms.get(pseudonymCell);
      if (before !== undefined)
        reject(file, row, 'Pseudonym', `duplicate pseudonym (first on row ${before})`);
      if (options.takenPseudonyms?.has(pseudonymCell))
        reject(file, row, 'Pseudonym', `"${pseudonymCell}" is already used in this workspace`);
      pseudonyms.set(pseudonymCell, row);
      pseudonym = pseudonymCell;
    }

    const kind = enumCell(['person', 'organisation'] as const, cell('Type'), file, row, 'Type', typeAliases);
    const role = enumCell(actorRoles, cell('Role'), file, row, 'Role');
    const track = enumCell(tracks, cell('Track').replace(/^track\s*/i, ''), file, row, 'Track');
    let gender: Gender | null = null;
    if (cell('Gender') !== '') {
      if (kind === 'organisation') reject(file, row, 'Gender', 'an organisation has no gender');
      gender = enumCell(genders, cell('Gender'), file, row, 'Gender');
    } else if (kind === 'person') {
      gender = 'undisclosed';
    }
    const region = cell('Region') === '' ? null : cell('Region');
    if (region !== null && region.length > 120)
      reject(file, row, 'Region', 'a region is at most 120 characters');

    const groups: KumuElement['groups'] = [];
    for (const { divide, column } of divideColumns) {
      const value = cell(column);
      if (value === '') continue;
      const group = divide.groups.find((g) => g.name.toLowerCase() === value.toLowerCase());
      if (!group) {
        reject(
          file,
          row,
          column,
          `"${value}" is not a group of ${divide.name} (${divide.groups.map((g) => g.name).join(', ')})`,
        );
      }
      groups.push({ divide_id: divide.id, group_id: group.id });
    }
    const tags = cell('Tags')
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean);
    const notes = [cell('Description'), tags.length ? `Tags: ${tags.join(', ')}` : '']
      .filter(Boolean)
      .join('\n');
    if (notes.length > 2_000)
      reject(file, row, 'Description', 'description and tags exceed 2,000 characters');
    elements.push({ row, label, pseudonym, kind, role, track, gender, region, groups, notes });
  });
  return elements;
}

/**
 * Reads the connections file. `From` and `To` name an element of the elements file or, through
 * `knownLabels`, an actor already in the conflict (by pseudonym).
 */
export function parseKumuConnections(text: string, knownLabels: ReadonlySet<string>): KumuConnection[] {
  const file = 'connections';
  const table = readTable(text, file, ['From', 'To', 'Type']);
  const seen = new Map<string, number>();
  const connections: KumuConnection[] = [];
  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index];
    const cell = (column: string) => (cells[column] ?? '').trim();
    const from = cell('From');
    const to = cell('To');
    if (!knownLabels.has(from)) reject(file, row, 'From', `no element labelled "${from}"`);
    if (!knownLabels.has(to)) reject(file, row, 'To', `no element labelled "${to}"`);
    if (from === to) reject(file, row, 'To', 'a connection joins two different elements');
    const kind = enumCell(tieKinds, cell('Type'), file, row, 'Type');
    const direction = enumCell(
      ['directed', 'undirected', 'mutual'] as const,
      cell('Direction') || (kind === 'influences' ? 'directed' : 'undirected'),
      file,
      row,
      'Direction',
    );
    const directed = direction === 'directed';
    const strength = numberIn(cells['Strength'] ?? '', file, row, 'Strength', {
      min: 1,
      max: 5,
      integer: true,
      fallback: 1,
    });
    const validFrom = dateCell(cells['Valid From'] ?? '', file, row, 'Valid From');
    const validTo = dateCell(cells['Valid To'] ?? '', file, row, 'Valid To');
    if (validFrom && validTo && validFrom > validTo) reject(file, row, 'Valid To', 'ends before it starts');
    const source =
      cell('Source') === '' ? 'reported' : enumCell(tieSources, cell('Source'), file, row, 'Source');
    const confidence = numberIn(cells['Confidence'] ?? '', file, row, 'Confidence', {
      min: 0,
      max: 1,
      integer: false,
      fallback: 1,
    });
    const key = directed || from < to ? `${from}\u0000${to}\u0000${kind}` : `${to}\u0000${from}\u0000${kind}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) reject(file, row, 'From', `the same ${kind} connection is on row ${earlier}`);
    seen.set(key, row);
    connections.push({
      row,
      from,
      to,
      kind,
      directed,
      strength,
      valid_from: validFrom,
      valid_to: validTo,
      source,
      confidence,
    });
  });
  return connections;
}

/** Both files at once, connections checked against the elements and the conflict's existing actors. */
export function parseKumu(
  elementsCsv: string,
  connectionsCsv: string,
  divides: readonly KumuDivide[],
  existing: { labels?: ReadonlySet<string>; pseudonyms?: ReadonlySet<string> } = {},
): { elements: KumuElement[]; connections: KumuConnection[] } {
  const elements = parseKumuElements(elementsCsv, divides, {
    takenLabels: existing.labels,
    takenPseudonyms: existing.pseudonyms,
  });
  const known = new Set([...(existing.labels ?? []), ...elements.map((e) => e.label)]);
  return { elements, connections: parseKumuConnections(connectionsCsv, known) };
}

/** An actor as the export writes it: `label` is the pseudonym unless the caller may see names. */
export interface KumuElementOut {
  label: string;
  pseudonym: string;
  kind: ActorKind;
  role: ActorRole;
  track: Track;
  gender: Gender | null;
  region: string | null;
  /** Group name by divide name. */
  groups: Record<string, string>;
  description?: string;
}

export interface KumuConnectionOut {
  from: string;
  to: string;
  kind: TieKind;
  directed: boolean;
  strength: number;
  valid_from: string | null;
  valid_to: string | null;
  source: TieSource;
  confidence: number;
}

export function formatKumuElements(
  elements: readonly KumuElementOut[],
  divideNames: readonly string[],
): string {
  const header = [...kumuElementColumns, ...divideNames];
  return formatCsv(
    header,
    elements.map((e) => ({
      Label: e.label,
      Type: e.kind === 'person' ? 'Person' : 'Organisation',
      Description: e.description ?? '',
      Tags: '',
      Pseudonym: e.pseudonym,
      Role: e.role,
      Track: e.track,
      Gender: e.gender,
      Region: e.region,
      ...Object.fromEntries(divideNames.map((name) => [name, e.groups[name] ?? ''])),
    })),
  );
}

export function formatKumuConnections(connections: readonly KumuConnectionOut[]): string {
  return formatCsv(
    kumuConnectionColumns,
    connections.map((c) => ({
      From: c.from,
      To: c.to,
      Type: c.kind,
      Direction: c.directed ? 'directed' : 'undirected',
      Strength: c.strength,
      'Valid From': c.valid_from,
      'Valid To': c.valid_to,
      Source: c.source,
      Confidence: c.confidence,
    })),
  );
}
