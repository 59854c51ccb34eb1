CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_org_idx` ON `api_tokens` (`org_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`require_consent` integer DEFAULT false NOT NULL,
	`privacy_url` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`venue` text,
	`address` text,
	`online_url` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`timezone` text DEFAULT 'Europe/Stockholm' NOT NULL,
	`capacity` integer NOT NULL,
	`waitlist` integer DEFAULT true NOT NULL,
	`language` text DEFAULT 'sv' NOT NULL,
	`registration_opens_at` integer,
	`registration_closes_at` integer,
	`status` text DEFAULT 'published' NOT NULL,
	`questions` text DEFAULT '[]' NOT NULL,
	`change_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "events_ends_after_start" CHECK("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity_not_negative" CHECK("events"."capacity" >= 0),
	CONSTRAINT "events_registration_window" CHECK("events"."registration_opens_at" IS NULL OR "events"."registration_closes_at" IS NULL OR "events"."registration_closes_at" > "events"."registration_opens_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_slug_unique` ON `events` (`slug`);--> statement-breakpoint
CREATE INDEX `events_org_starts_idx` ON `events` (`org_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `manage_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`registration_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `manage_tokens_registration_idx` ON `manage_tokens` (`registration_id`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`event_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`organisation` text,
	`phone` text,
	`language` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`consent_at` integer,
	`status` text NOT NULL,
	`invite_sequence` integer DEFAULT 0 NOT NULL,
	`change_id` text,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`cancelled_at` integer,
	`checked_in_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_id_unique` ON `registrations` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_email_idx` ON `registrations` (`event_id`,`email_key`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX `registrations_event_status_seq_idx` ON `registrations` (`event_id`,`status`,`seq`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`org_id` text NOT NULL,
	`event_id` text NOT NULL,
	`registration_id` text,
	`to_email` text NOT NULL,
	`to_name` text,
	`locale` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_registration_idx` ON `outbox` (`registration_id`);