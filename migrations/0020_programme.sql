CREATE TABLE `event_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`track` text,
	`venue` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer,
	`waitlist` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`change_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_sessions_ends_after_start" CHECK("event_sessions"."ends_at" > "event_sessions"."starts_at"),
	CONSTRAINT "event_sessions_capacity_not_negative" CHECK("event_sessions"."capacity" IS NULL OR "event_sessions"."capacity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `event_sessions_event_idx` ON `event_sessions` (`event_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `session_choices` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` text NOT NULL,
	`session_id` text NOT NULL,
	`event_id` text NOT NULL,
	`status` text NOT NULL,
	`queued_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`checked_in_at` integer,
	`notify` integer DEFAULT 0 NOT NULL,
	`change_id` text,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `event_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_choices_live_idx` ON `session_choices` (`registration_id`,`session_id`) WHERE status IN ('confirmed', 'waitlisted', 'pending');--> statement-breakpoint
CREATE INDEX `session_choices_waitlist_idx` ON `session_choices` (`session_id`,`status`,`queued_at`,`seq`);--> statement-breakpoint
CREATE INDEX `session_choices_pending_idx` ON `session_choices` (`registration_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `session_choices_notify_idx` ON `session_choices` (`event_id`) WHERE notify = 1;--> statement-breakpoint
CREATE TABLE `session_tallies` (
	`session_id` text PRIMARY KEY NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`waitlisted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `event_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `events` ADD `programme` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `max_sessions` integer;--> statement-breakpoint
-- Each trigger body is one statement without CASE, as in 0006 (D1's statement splitter).
CREATE TRIGGER `session_choices_tally_insert` AFTER INSERT ON `session_choices`
BEGIN
	INSERT INTO `session_tallies` (`session_id`, `confirmed`, `waitlisted`)
	VALUES (NEW.`session_id`, NEW.`status` = 'confirmed', NEW.`status` = 'waitlisted')
	ON CONFLICT (`session_id`) DO UPDATE SET `confirmed` = `confirmed` + excluded.`confirmed`, `waitlisted` = `waitlisted` + excluded.`waitlisted`;
END;
--> statement-breakpoint
CREATE TRIGGER `session_choices_tally_update` AFTER UPDATE OF `status` ON `session_choices` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
	UPDATE `session_tallies`
	SET `confirmed` = `confirmed` + (NEW.`status` = 'confirmed') - (OLD.`status` = 'confirmed'),
	    `waitlisted` = `waitlisted` + (NEW.`status` = 'waitlisted') - (OLD.`status` = 'waitlisted')
	WHERE `session_id` = NEW.`session_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `session_choices_tally_delete` AFTER DELETE ON `session_choices`
BEGIN
	UPDATE `session_tallies`
	SET `confirmed` = `confirmed` - (OLD.`status` = 'confirmed'), `waitlisted` = `waitlisted` - (OLD.`status` = 'waitlisted')
	WHERE `session_id` = OLD.`session_id`;
END;
--> statement-breakpoint
-- A registration that ends gives up its sessions in the same statement, whichever path
-- ended it (cancelled, expired offer, erased, event cancelled). The seats freed go to the
-- sessions' waitlists in the same batch (src/domain/seats/sessionSeats.ts).
CREATE TRIGGER `registrations_release_sessions` AFTER UPDATE OF `status` ON `registrations`
WHEN OLD.`status` IN ('confirmed', 'waitlisted', 'offered') AND NEW.`status` NOT IN ('confirmed', 'waitlisted', 'offered')
BEGIN
	UPDATE `session_choices` SET `status` = 'cancelled', `change_id` = NEW.`change_id`
	WHERE `registration_id` = NEW.`id` AND `status` IN ('confirmed', 'waitlisted', 'pending');
END;
--> statement-breakpoint
-- Someone who gets the event's seat (promoted, offer accepted, seated by hand) has their
-- sessions decided in that same statement, in the order they chose them: a seat while the
-- session has one free and nobody waits for it, else its waitlist (joined now, behind
-- those already there), else (no waitlist) nothing. The rule is sessionFreeSql in
-- src/domain/seats/sessionSeats.ts, written out here.
CREATE TRIGGER `registrations_decide_sessions` AFTER UPDATE OF `status` ON `registrations`
WHEN NEW.`status` = 'confirmed' AND OLD.`status` IS NOT 'confirmed'
BEGIN
	UPDATE `session_choices`
	SET `status` = iif(
	      (SELECT e.`programme` = 'package' OR s.`capacity` IS NULL
	              OR (s.`capacity` > coalesce(t.`confirmed`, 0) AND coalesce(t.`waitlisted`, 0) = 0)
	       FROM `event_sessions` s JOIN `events` e ON e.`id` = s.`event_id`
	       LEFT JOIN `session_tallies` t ON t.`session_id` = s.`id`
	       WHERE s.`id` = `session_choices`.`session_id`),
	      'confirmed',
	      iif((SELECT s.`waitlist` FROM `event_sessions` s WHERE s.`id` = `session_choices`.`session_id`), 'waitlisted', 'cancelled')),
	    `queued_at` = coalesce(NEW.`confirmed_at`, `queued_at`),
	    `change_id` = NEW.`change_id`
	WHERE `registration_id` = NEW.`id` AND `status` = 'pending';
END;
--> statement-breakpoint
-- The event page shows the programme: a session added or changed makes cached pages stale.
CREATE TRIGGER `event_sessions_page_version_insert` AFTER INSERT ON `event_sessions`
BEGIN
	UPDATE `events` SET `page_version` = `page_version` + 1 WHERE `id` = NEW.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `event_sessions_page_version_update` AFTER UPDATE ON `event_sessions`
BEGIN
	UPDATE `events` SET `page_version` = `page_version` + 1 WHERE `id` = NEW.`event_id`;
END;
