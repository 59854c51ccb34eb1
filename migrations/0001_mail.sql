ALTER TABLE `organisations` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `invite_sent_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_owner` text;--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`);