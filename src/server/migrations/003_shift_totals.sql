-- A closed shift's reconciliation figures, stored once at ingest when its shiftClosed entry arrives
-- (src/server/owner/reconcile.ts storeShiftTotals): the day's query reads these rows instead of
-- every entry of the day. Shifts closed before this migration keep totals_at NULL and are computed
-- from their entries, as before.
CREATE TABLE shift_totals (
  terminal_id uuid NOT NULL,
  shift_id text NOT NULL,
  currency text NOT NULL,
  float bigint NOT NULL,
  approvals_n bigint NOT NULL,
  approvals bigint NOT NULL,
  waiting_n bigint NOT NULL,
  waiting bigint NOT NULL,
  rejections_n bigint NOT NULL,
  rejections bigint NOT NULL,
  deposits_n bigint NOT NULL,
  deposits bigint NOT NULL,
  links_n bigint NOT NULL,
  links bigint NOT NULL,
  counted bigint,
  PRIMARY KEY (terminal_id, shift_id, currency),
  FOREIGN KEY (terminal_id, shift_id) REFERENCES shifts (terminal_id, shift_id)
);

ALTER TABLE shifts ADD COLUMN totals_at timestamptz;
