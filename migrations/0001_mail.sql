ALTER TABLE `organisations` ADD `contact_email` text;--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`);