CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text,
	`actor_email` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`detail` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_log_org_idx` ON `audit_log` (`org_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `login_links_user_idx` ON `login_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`absolute_expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`name` text,
	`role` text NOT NULL,
	`password_hash` text,
	`language` text DEFAULT 'sv' NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_org_email_idx` ON `users` (`org_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `users_email_idx` ON `users` (`email_key`);--> statement-breakpoint
-- outbox.event_id becomes nullable (login links concern no event), which SQLite can only
-- do by rebuilding the table. Safe: no foreign key points at outbox or from it. The copy
-- was fixed by hand: drizzle-kit selected the new user_id column from the old table.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`org_id` text NOT NULL,
	`event_id` text,
	`user_id` text,
	`registration_id` text,
	`to_email` text NOT NULL,
	`to_name` text,
	`locale` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`lease_owner` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "kind", "org_id", "event_id", "user_id", "registration_id", "to_email", "to_name", "locale", "payload", "status", "attempts", "next_attempt_at", "lease_until", "lease_owner", "last_error", "created_at", "sent_at") SELECT "id", "kind", "org_id", "event_id", NULL, "registration_id", "to_email", "to_name", "locale", "payload", "status", "attempts", "next_attempt_at", "lease_until", "lease_owner", "last_error", "created_at", "sent_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_registration_idx` ON `outbox` (`registration_id`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `retention_days` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `checkin_key` text;--> statement-breakpoint
ALTER TABLE `events` ADD `anonymised_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `added_by` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `over_capacity` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Every organisation signs its check-in codes with its own key.
UPDATE `organisations` SET `checkin_key` = lower(hex(randomblob(32))) WHERE `checkin_key` IS NULL;
