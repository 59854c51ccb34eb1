CREATE TABLE `invitation_imports` (
	`import_id` text NOT NULL,
	`line` integer NOT NULL,
	`event_id` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`organisation` text,
	`language` text,
	`seats` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invitation_imports_idx` ON `invitation_imports` (`import_id`,`line`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`organisation` text,
	`language` text,
	`seats` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'created' NOT NULL,
	`sent_at` integer,
	`visited_at` integer,
	`reminded_at` integer,
	`declined_at` integer,
	`revoked_at` integer,
	`change_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_event_email_idx` ON `invitations` (`event_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `invitations_event_idx` ON `invitations` (`event_id`,`created_at`);--> statement-breakpoint
DROP INDEX `registrations_live_email_idx`;--> statement-breakpoint
ALTER TABLE `registrations` ADD `invitation_id` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `company_key` text;--> statement-breakpoint
CREATE INDEX `registrations_invitation_idx` ON `registrations` (`invitation_id`,`status`) WHERE invitation_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `registrations_company_idx` ON `registrations` (`event_id`,`company_key`,`status`) WHERE company_key IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_email_idx` ON `registrations` (`event_id`,`email_key`) WHERE status IN ('confirmed', 'waitlisted', 'offered', 'pending');--> statement-breakpoint
ALTER TABLE `events` ADD `access` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `listed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `company_quota` integer;--> statement-breakpoint
-- An application withdrawn or declined gives up its session wishes too (0020's trigger,
-- with `pending` among the statuses that hold them).
DROP TRIGGER `registrations_release_sessions`;
--> statement-breakpoint
CREATE TRIGGER `registrations_release_sessions` AFTER UPDATE OF `status` ON `registrations`
WHEN OLD.`status` IN ('confirmed', 'waitlisted', 'offered', 'pending') AND NEW.`status` NOT IN ('confirmed', 'waitlisted', 'offered', 'pending')
BEGIN
	UPDATE `session_choices` SET `status` = 'cancelled', `change_id` = NEW.`change_id`
	WHERE `registration_id` = NEW.`id` AND `status` IN ('confirmed', 'waitlisted', 'pending');
END;
