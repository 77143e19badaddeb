-- Schema 10: how the server's registry names the office this PC enrolled for (SPEC §4.4: the
-- enrolment's `office`, as the server's JSON; null from a server that did not name it). A PC that
-- enrols with no office of its own (the demo) takes this one: the app opens it from then on.
ALTER TABLE server_account ADD COLUMN office TEXT;
