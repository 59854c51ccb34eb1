ALTER TABLE `events` ADD `page_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- One statement per trigger body, as in 0006. The WHEN stops the trigger answering its own
-- update (recursive triggers are off in SQLite and D1, but the rule should not rest on that).
CREATE TRIGGER `events_page_version` AFTER UPDATE ON `events` WHEN OLD.`page_version` IS NEW.`page_version`
BEGIN
	UPDATE `events` SET `page_version` = `page_version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `organisations_page_version` AFTER UPDATE ON `organisations`
BEGIN
	UPDATE `events` SET `page_version` = `page_version` + 1 WHERE `org_id` = NEW.`id`;
END;
