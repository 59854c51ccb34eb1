CREATE TABLE `event_covers` (
	`event_id` text NOT NULL,
	`hash` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `hash`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `events` ADD `cover_hash` text;--> statement-breakpoint
ALTER TABLE `events` ADD `cover_type` text;--> statement-breakpoint
ALTER TABLE `events` ADD `cover_width` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `cover_height` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `cover_alt` text;