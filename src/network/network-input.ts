/**
 * The plain rows the network core takes: actors and ties as a service reads them from the store or
 * the CLI reads them from files. Extra fields are allowed and ignored, so a row of the store can be
 * passed as it is.
 */
export interface ActorRow {
  id: string;
  /** The actor's side of the divide under study; absent when the actor has none. */
  group?: string | null;
  /** 1 official, 1.5, 2 citizen, 3 grassroots. */
  track?: string | number | null;
  [field: string]: unknown;
}

export interface TieRow {
  source: string;
  target: string;
  /** A weight (1-5 in the domain); path-based measures use distance = 1 / strength. Default 1. */
  strength?: number | null;
  kind?: string | null;
  /** ISO dates (YYYY-MM-DD) bounding when the tie held; open when absent. */
  startDate?: string | null;
  endDate?: string | null;
  /** 0..1; ties below a requested minimum are left out. */
  confidence?: number | null;
  [field: string]: unknown;
}

export interface NetworkInput {
  nodes: ActorRow[];
  ties: TieRow[];
  directed: boolean;
}
