ALTER TABLE `registrations` ADD `substituted_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `substituted_name` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `substituted_email_key` text;