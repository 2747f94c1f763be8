import type {
  AgreementStage,
  DatePrecision,
  PeaceIndicatorKind,
  TrackOneEventKind,
} from '../../domain/track-one.js';

/** The Track-I timeline, peace indicators and resources (migration 0019_track_one_and_resources). */
export interface TrackOneEventsTable {
  id: string;
  conflict_id: string;
  kind: TrackOneEventKind;
  occurred_on: string;
  date_precision: DatePrecision;
  title: string;
  source: string;
  notes: string;
  agreement_stage: AgreementStage | null;
  /** 0 or 1 for agreements, null otherwise. */
  gender_provisions: number | null;
  created_at: string;
  updated_at: string;
}

export interface TrackOneEventPartiesTable {
  event_id: string;
  actor_id: string;
}

export interface TransferTrackOneEventsTable {
  transfer_id: string;
  event_id: string;
}

export interface PeaceIndicatorsTable {
  id: string;
  initiative_id: string;
  area: string;
  month: string;
  kind: PeaceIndicatorKind;
  other_label: string;
  count: number;
  note: string;
  entered_by: string | null;
  updated_at: string;
}

export interface FundersTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
}

export interface BudgetLinesTable {
  id: string;
  initiative_id: string;
  label: string;
  currency: string;
  amount: number;
  created_at: string;
}

export interface PledgesTable {
  id: string;
  initiative_id: string;
  funder_id: string;
  currency: string;
  amount: number;
  pledged_on: string;
  note: string;
  created_at: string;
}

export interface DisbursementsTable {
  id: string;
  pledge_id: string;
  amount: number;
  disbursed_on: string;
  created_at: string;
}

export interface TrackOneTables {
  track_one_events: TrackOneEventsTable;
  track_one_event_parties: TrackOneEventPartiesTable;
  transfer_track_one_events: TransferTrackOneEventsTable;
  peace_indicators: PeaceIndicatorsTable;
  funders: FundersTable;
  budget_lines: BudgetLinesTable;
  pledges: PledgesTable;
  disbursements: DisbursementsTable;
}
