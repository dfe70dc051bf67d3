-- The PIN of an anonymous tip-off, kept beside its form token only for the few minutes in which the same form may
-- come again (a double click shows the browser the second answer, not the first): the repeated receipt shows the
-- PIN too. The application erases it after that; the matter itself keeps only the PIN's hash.
ALTER TABLE portal_form_token ADD COLUMN pin VARCHAR(12);
-- The few rows that still hold a PIN are found by it, however many tokens there are.
CREATE INDEX ix_portal_form_token_pin ON portal_form_token (pin, used_at);
