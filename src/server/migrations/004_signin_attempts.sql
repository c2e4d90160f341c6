-- each sign-in try is written before its password is checked, so parallel tries count against
-- each other: a burst cannot pass the limit's check all at once
ALTER TABLE signin_failures ADD COLUMN id bigserial PRIMARY KEY;
