-- The last TOTP time step a user signed in with. A code is accepted only for a later step, so a
-- code seen over someone's shoulder (or intercepted) cannot be used again within its 30 seconds.
ALTER TABLE users ADD COLUMN totp_last_step bigint CHECK (totp_last_step >= 0);
