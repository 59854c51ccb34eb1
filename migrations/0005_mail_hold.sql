CREATE TABLE `mail_hold` (
	`id` text PRIMARY KEY NOT NULL,
	`since` integer NOT NULL,
	`until` integer NOT NULL,
	`attempts` integer NOT NULL,
	`reason` text NOT NULL
);
