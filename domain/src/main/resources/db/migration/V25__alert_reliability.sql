-- Alert deliveries give up by age, not by a count of attempts (issue 14): failing_since is when the current
-- run of SMTP failures began (null while a delivery has not failed, and again after an admin's resend), and
-- a delivery still failing newsmon.alerts.give-up-after later is FAILED. Rows that are failing right now
-- count from their creation.
ALTER TABLE alert_delivery ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
UPDATE alert_delivery SET failing_since = created_at WHERE state = 'PENDING' AND attempts > 0;

-- an admin's resend picks a topic's FAILED deliveries, or all of them, by creation time
CREATE INDEX alert_delivery_state_time_idx ON alert_delivery (state, created_at);
