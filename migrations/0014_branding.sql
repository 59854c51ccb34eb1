CREATE TABLE `organisation_logos` (
	`org_id` text NOT NULL,
	`hash` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `hash`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `accent_color` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `footer` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `logo_hash` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `logo_type` text;