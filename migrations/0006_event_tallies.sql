CREATE TABLE `event_tallies` (
	`event_id` text PRIMARY KEY NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`waitlisted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Each trigger body is one statement without CASE: wrangler's and D1's statement splitters
-- have cut trigger bodies at an inner END or semicolon before. A comparison is 0 or 1.
INSERT INTO `event_tallies` (`event_id`, `confirmed`, `waitlisted`)
SELECT `event_id`, sum(`status` = 'confirmed'), sum(`status` = 'waitlisted') FROM `registrations` GROUP BY `event_id`;
--> statement-breakpoint
CREATE TRIGGER `registrations_tally_insert` AFTER INSERT ON `registrations`
BEGIN
	INSERT INTO `event_tallies` (`event_id`, `confirmed`, `waitlisted`)
	VALUES (NEW.`event_id`, NEW.`status` = 'confirmed', NEW.`status` = 'waitlisted')
	ON CONFLICT (`event_id`) DO UPDATE SET `confirmed` = `confirmed` + excluded.`confirmed`, `waitlisted` = `waitlisted` + excluded.`waitlisted`;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_tally_update` AFTER UPDATE OF `status` ON `registrations` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
	UPDATE `event_tallies`
	SET `confirmed` = `confirmed` + (NEW.`status` = 'confirmed') - (OLD.`status` = 'confirmed'),
	    `waitlisted` = `waitlisted` + (NEW.`status` = 'waitlisted') - (OLD.`status` = 'waitlisted')
	WHERE `event_id` = NEW.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_tally_delete` AFTER DELETE ON `registrations`
BEGIN
	UPDATE `event_tallies`
	SET `confirmed` = `confirmed` - (OLD.`status` = 'confirmed'), `waitlisted` = `waitlisted` - (OLD.`status` = 'waitlisted')
	WHERE `event_id` = OLD.`event_id`;
END;
