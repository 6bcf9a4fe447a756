-- Version 3: what a finished run cost besides its counts (Get-ShopifySyncRun): Shopify API calls, their actual cost,
-- THROTTLED answers, the exit code a scheduler saw, and the run log. NULL means not recorded (a run from before this
-- version, or one still running); the reader then takes the figures from the run log's summary line.
ALTER TABLE runs ADD COLUMN ApiCalls INTEGER;
ALTER TABLE runs ADD COLUMN Cost INTEGER;
ALTER TABLE runs ADD COLUMN Throttled INTEGER;
ALTER TABLE runs ADD COLUMN ExitCode INTEGER;
ALTER TABLE runs ADD COLUMN LogPath TEXT;
