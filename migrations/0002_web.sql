ALTER TABLE `organisations` ADD `embed_origins` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Written by hand: drizzle-kit rebuilds the table to add a CHECK, and dropping `events`
-- would cascade to registrations wherever foreign keys stay on. An added column may carry
-- its own CHECK; the snapshot names it events_group_limit_range like the schema does.
ALTER TABLE `events` ADD `group_limit` integer DEFAULT 5 NOT NULL CONSTRAINT "events_group_limit_range" CHECK(`group_limit` BETWEEN 1 AND 20);
