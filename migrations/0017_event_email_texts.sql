CREATE TABLE `event_email_texts` (
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`event_id`, `kind`, `language`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
