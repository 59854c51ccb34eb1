ALTER TABLE `events` ADD `waitlist_mode` text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_minutes` integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `offer_expires_at` integer;--> statement-breakpoint
-- `expired` (an offer not taken) no longer holds the address: that person may sign up again.
DROP INDEX `registrations_live_email_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_email_idx` ON `registrations` (`event_id`,`email_key`) WHERE status IN ('confirmed', 'waitlisted', 'offered');--> statement-breakpoint
CREATE INDEX `registrations_offer_expiry_idx` ON `registrations` (`offer_expires_at`) WHERE status = 'offered';--> statement-breakpoint
-- No registration is offered yet, so 0 is every event's true count.
ALTER TABLE `event_tallies` ADD `offered` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The tally triggers of 0006 again, counting offered seats too. As there: one statement
-- per body and no CASE (wrangler's and D1's splitters have cut bodies at an inner END or
-- semicolon); a comparison is 0 or 1.
DROP TRIGGER `registrations_tally_insert`;--> statement-breakpoint
CREATE TRIGGER `registrations_tally_insert` AFTER INSERT ON `registrations`
BEGIN
	INSERT INTO `event_tallies` (`event_id`, `confirmed`, `waitlisted`, `offered`)
	VALUES (NEW.`event_id`, NEW.`status` = 'confirmed', NEW.`status` = 'waitlisted', NEW.`status` = 'offered')
	ON CONFLICT (`event_id`) DO UPDATE SET `confirmed` = `confirmed` + excluded.`confirmed`, `waitlisted` = `waitlisted` + excluded.`waitlisted`, `offered` = `offered` + excluded.`offered`;
END;
--> statement-breakpoint
DROP TRIGGER `registrations_tally_update`;--> statement-breakpoint
CREATE TRIGGER `registrations_tally_update` AFTER UPDATE OF `status` ON `registrations` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
	UPDATE `event_tallies`
	SET `confirmed` = `confirmed` + (NEW.`status` = 'confirmed') - (OLD.`status` = 'confirmed'),
	    `waitlisted` = `waitlisted` + (NEW.`status` = 'waitlisted') - (OLD.`status` = 'waitlisted'),
	    `offered` = `offered` + (NEW.`status` = 'offered') - (OLD.`status` = 'offered')
	WHERE `event_id` = NEW.`event_id`;
END;
--> statement-breakpoint
DROP TRIGGER `registrations_tally_delete`;--> statement-breakpoint
CREATE TRIGGER `registrations_tally_delete` AFTER DELETE ON `registrations`
BEGIN
	UPDATE `event_tallies`
	SET `confirmed` = `confirmed` - (OLD.`status` = 'confirmed'), `waitlisted` = `waitlisted` - (OLD.`status` = 'waitlisted'),
	    `offered` = `offered` - (OLD.`status` = 'offered')
	WHERE `event_id` = OLD.`event_id`;
END;
