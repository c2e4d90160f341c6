-- Owner accounts managed on the page, sign-in rate limit, terminal and enrolment-code revocation.
-- Applied once, in a transaction, by src/server/db.ts.

-- a disabled owner can no longer sign in, and any session of theirs stops at its next request;
-- session_epoch is in every session cookie: a password change bumps it, ending the other sessions
ALTER TABLE owners
  ADD COLUMN disabled_at timestamptz,
  ADD COLUMN disabled_by bigint REFERENCES owners (id),
  ADD COLUMN created_by bigint REFERENCES owners (id),
  ADD COLUMN session_epoch int NOT NULL DEFAULT 0;

-- failed sign-ins, kept in the database because several servers may answer (the server is
-- stateless): `key` is 'account:<email>' or 'address:<client address>'
CREATE TABLE signin_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signin_failures_key ON signin_failures (key, at);

-- a revoked terminal (stolen or replaced PC): its batches and heartbeats are refused from then on
ALTER TABLE terminals
  ADD COLUMN revoked_at timestamptz,
  ADD COLUMN revoked_by bigint REFERENCES owners (id);

-- enrolment codes get a handle for the page and can be revoked before use; `hint` is the code's
-- last four characters (the owner tells codes apart; the other eight stay secret)
ALTER TABLE enrolment_codes
  ADD COLUMN id bigserial UNIQUE,
  ADD COLUMN hint text,
  ADD COLUMN revoked_at timestamptz;
