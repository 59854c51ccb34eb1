ALTER TABLE `registrations` ADD `first_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `last_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Names stored before the split: the last word is the last name, the words before it the
-- first name (src/domain/personNames.ts, splitFullName). rtrim(name, <its non-space
-- characters>) is the name without its last word.
UPDATE `registrations` SET
  `first_name` = CASE WHEN trim(rtrim(`name`, replace(`name`, ' ', ''))) = '' THEN trim(`name`)
                      ELSE trim(rtrim(`name`, replace(`name`, ' ', ''))) END,
  `last_name` = CASE WHEN trim(rtrim(`name`, replace(`name`, ' ', ''))) = '' THEN ''
                     ELSE trim(substr(`name`, length(rtrim(`name`, replace(`name`, ' ', ''))) + 1)) END;
