CREATE TABLE `notification_cursor` (
	`id` text PRIMARY KEY NOT NULL,
	`registration_seq` integer NOT NULL,
	`ending_seq` integer NOT NULL,
	`change_id` text
);
--> statement-breakpoint
CREATE TABLE `notification_digests` (
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`until` integer NOT NULL,
	`change_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `day`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`org_id` text NOT NULL,
	`event_id` text,
	`mode` text NOT NULL,
	`kinds` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_preferences_default_idx` ON `notification_preferences` (`user_id`) WHERE event_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `notification_preferences_event_idx` ON `notification_preferences` (`user_id`,`event_id`) WHERE event_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `notification_preferences_org_idx` ON `notification_preferences` (`org_id`,`mode`);--> statement-breakpoint
CREATE TABLE `registration_endings` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` text NOT NULL,
	`event_id` text NOT NULL,
	`status` text NOT NULL
);
--> statement-breakpoint
-- The activity job starts from now: what happened before anyone could subscribe is no news.
INSERT INTO `notification_cursor` (`id`, `registration_seq`, `ending_seq`)
VALUES ('activity', coalesce((SELECT max(`seq`) FROM `registrations`), 0), 0);
--> statement-breakpoint
-- A registration that ends is noted for the activity job, inside the statement that ends
-- it, but only in an organisation where a member gets an email per batch: elsewhere the
-- table stays empty. One statement without CASE, as in 0006 (D1's statement splitter).
CREATE TRIGGER `registrations_ending_note` AFTER UPDATE OF `status` ON `registrations`
WHEN OLD.`status` IN ('confirmed', 'waitlisted', 'offered') AND NEW.`status` IN ('cancelled', 'expired')
  AND EXISTS (SELECT 1 FROM `notification_preferences` p
              WHERE p.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`) AND p.`mode` = 'each')
BEGIN
	INSERT INTO `registration_endings` (`registration_id`, `event_id`, `status`) VALUES (NEW.`id`, NEW.`event_id`, NEW.`status`);
END;
