-- The agency ledger, first version. Applied once, in a transaction, by src/server/db.ts.

CREATE TABLE server_secret (
  id int PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL
);

CREATE TABLE owners (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- one-time enrolment codes, kept as sha256 hex only
CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  created_by bigint REFERENCES owners (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  terminal_id uuid
);

CREATE TABLE terminals (
  id uuid PRIMARY KEY,
  public_key text NOT NULL UNIQUE,
  agency text NOT NULL,
  counter text NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  -- the head of the unbroken chain stored from seq 1
  last_seq bigint NOT NULL DEFAULT 0,
  last_hash text,
  -- the shift open at last_seq (entries are tagged with it as they arrive in order)
  open_shift text,
  last_batch_at timestamptz
);

-- every journal line exactly as the counter wrote it, plus the columns the reconciliation reads
CREATE TABLE entries (
  terminal_id uuid NOT NULL REFERENCES terminals (id),
  seq bigint NOT NULL,
  body text NOT NULL,
  hash text NOT NULL,
  prev text NOT NULL,
  at timestamptz NOT NULL,
  day date NOT NULL,
  action text NOT NULL,
  result text NOT NULL,
  operator text NOT NULL,
  shift_id text,
  currency text,
  minor bigint,
  decision text,
  -- what ties an outcome to its entry: outboxId (decisions), merchantReference (deposits), trace (links)
  link_key text,
  method text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (terminal_id, seq)
);
-- the day's reconciliation reads a shift's entries from this index alone (an index-only scan: the
-- columns it needs are included), not from the wide rows with their bodies
CREATE INDEX entries_shift ON entries (terminal_id, shift_id, seq)
  INCLUDE (action, result, operator, currency, minor, decision, link_key, method) WHERE shift_id IS NOT NULL;

CREATE TABLE shifts (
  terminal_id uuid NOT NULL REFERENCES terminals (id),
  shift_id text NOT NULL,
  opened_seq bigint NOT NULL,
  opened_at timestamptz NOT NULL,
  day date NOT NULL,
  operator text NOT NULL,
  closed_seq bigint,
  closed_at timestamptz,
  PRIMARY KEY (terminal_id, shift_id)
);
CREATE INDEX shifts_day ON shifts (day);

-- lines received after a gap: signature checked, chain checked when the gap is filled
CREATE TABLE held_entries (
  terminal_id uuid NOT NULL REFERENCES terminals (id),
  seq bigint NOT NULL,
  body text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (terminal_id, seq)
);

CREATE TABLE incidents (
  id bigserial PRIMARY KEY,
  terminal_id uuid NOT NULL REFERENCES terminals (id),
  seq bigint NOT NULL,
  kind text NOT NULL,
  stored_hash text NOT NULL,
  received_body text NOT NULL,
  -- sha256 of received_body: the same incident reported twice is recorded once
  received_sha text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (terminal_id, seq, kind, received_sha)
);

CREATE TABLE heartbeats (
  terminal_id uuid PRIMARY KEY REFERENCES terminals (id),
  sent_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  body jsonb NOT NULL
);
