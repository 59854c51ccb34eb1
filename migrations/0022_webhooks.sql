CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`org_id` text NOT NULL,
	`type` text NOT NULL,
	`registration_id` text,
	`event_id` text,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`lease_until` integer,
	`lease_owner` text,
	`first_attempt_at` integer,
	`last_attempt_at` integer,
	`last_status_code` integer,
	`last_duration_ms` integer,
	`last_error` text,
	`last_response` text,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_endpoint_idx` ON `webhook_deliveries` (`endpoint_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_registration_idx` ON `webhook_deliveries` (`registration_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_event_idx` ON `webhook_deliveries` (`event_id`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`url` text NOT NULL,
	`description` text,
	`events` text NOT NULL,
	`secret_salt` text NOT NULL,
	`previous_salt` text,
	`previous_until` integer,
	`disabled_at` integer,
	`disabled_reason` text,
	`failing_since` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_org_idx` ON `webhook_endpoints` (`org_id`);--> statement-breakpoint
CREATE INDEX `session_choices_registration_idx` ON `session_choices` (`registration_id`);
--> statement-breakpoint
-- What a webhook says of a registration and its event, defined once: the triggers below
-- and the domain's own statements (src/domain/webhooks/enqueue.ts) read it in the write
-- that makes the change, so a payload is the state right after it. No manage-link secret
-- is in it. Instants as ISO 8601 in UTC, like the API's.
CREATE VIEW `webhook_event_data` AS
SELECT e.`id` AS `event_id`, e.`org_id` AS `org_id`, json_object(
	'id', e.`id`, 'slug', e.`slug`, 'title', e.`title`, 'status', e.`status`,
	'startsAt', strftime('%Y-%m-%dT%H:%M:%fZ', e.`starts_at` / 1000.0, 'unixepoch'),
	'endsAt', strftime('%Y-%m-%dT%H:%M:%fZ', e.`ends_at` / 1000.0, 'unixepoch'),
	'timezone', e.`timezone`, 'venue', e.`venue`, 'address', e.`address`, 'language', e.`language`,
	'capacity', e.`capacity`, 'waitlist', json(iif(e.`waitlist`, 'true', 'false')), 'access', e.`access`, 'programme', e.`programme`,
	'confirmed', coalesce(t.`confirmed`, 0), 'waitlisted', coalesce(t.`waitlisted`, 0),
	'cancelledAt', iif(e.`cancelled_at` IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', e.`cancelled_at` / 1000.0, 'unixepoch')),
	'updatedAt', strftime('%Y-%m-%dT%H:%M:%fZ', e.`updated_at` / 1000.0, 'unixepoch')
) AS `data`
FROM `events` e LEFT JOIN `event_tallies` t ON t.`event_id` = e.`id`;
--> statement-breakpoint
CREATE VIEW `webhook_registration_data` AS
SELECT r.`id` AS `registration_id`, r.`event_id` AS `event_id`, ev.`org_id` AS `org_id`, json_object(
	'registration', json_object(
		'id', r.`id`, 'eventId', r.`event_id`, 'status', r.`status`,
		-- Those waiting in all (the tally) less those behind: nothing to count for the newest.
		'position', iif(r.`status` = 'waitlisted', (SELECT t.`waitlisted` FROM `event_tallies` t WHERE t.`event_id` = r.`event_id`)
		                 - (SELECT count(*) FROM `registrations` w WHERE w.`event_id` = r.`event_id` AND w.`status` = 'waitlisted' AND w.`seq` > r.`seq`), NULL),
		'name', r.`name`, 'firstName', r.`first_name`, 'lastName', r.`last_name`, 'email', r.`email`,
		'organisation', r.`organisation`, 'phone', r.`phone`, 'language', r.`language`, 'answers', json(r.`answers`),
		'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', r.`created_at` / 1000.0, 'unixepoch'),
		'confirmedAt', iif(r.`confirmed_at` IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', r.`confirmed_at` / 1000.0, 'unixepoch')),
		'cancelledAt', iif(r.`cancelled_at` IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', r.`cancelled_at` / 1000.0, 'unixepoch')),
		'checkedInAt', iif(r.`checked_in_at` IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', r.`checked_in_at` / 1000.0, 'unixepoch')),
		'substitutedAt', iif(r.`substituted_at` IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', r.`substituted_at` / 1000.0, 'unixepoch')),
		'invitationId', r.`invitation_id`,
		'sessions', (SELECT json_group_array(json_object('id', c.`session_id`, 'status', c.`status`)) FROM `session_choices` c
		             WHERE c.`registration_id` = r.`id` AND c.`status` IN ('confirmed', 'waitlisted', 'pending'))
	),
	'event', json(ev.`data`)
) AS `data`
FROM `registrations` r JOIN `webhook_event_data` ev ON ev.`event_id` = r.`event_id`;
--> statement-breakpoint
-- A new registration: `registration.created` and the status it entered, to each endpoint
-- of the organisation that subscribed to that type (held while the endpoint is paused or
-- disabled). Each delivery is written by the statement that writes the registration, so
-- it is in that batch whatever path wrote it. A registration of an event with a programme
-- is told by the domain instead, after its places are written (src/domain/webhooks/enqueue.ts).
CREATE TRIGGER `webhooks_registration_insert` AFTER INSERT ON `registrations`
WHEN EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`))
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `registration_id`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, k.`type`, NEW.`id`, NEW.`event_id`,
	       json_object('type', k.`type`, 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json(d.`data`)),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM (SELECT 'registration.created' AS `type` UNION ALL SELECT 'registration.' || NEW.`status`
	      UNION ALL SELECT 'registration.checked_in' WHERE NEW.`checked_in_at` IS NOT NULL) k
	JOIN `webhook_registration_data` d ON d.`registration_id` = NEW.`id`
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = k.`type`)
	  AND (SELECT e.`programme` FROM `events` e WHERE e.`id` = NEW.`event_id`) = 'none';
END;
--> statement-breakpoint
-- A status entered (and `registration.promoted` for a seat from the waitlist or an offer).
CREATE TRIGGER `webhooks_registration_status` AFTER UPDATE OF `status` ON `registrations`
WHEN NEW.`status` IS NOT OLD.`status` AND EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`))
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `registration_id`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, k.`type`, NEW.`id`, NEW.`event_id`,
	       json_object('type', k.`type`, 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json(d.`data`)),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM (SELECT 'registration.' || NEW.`status` AS `type`
	      UNION ALL SELECT 'registration.promoted' WHERE NEW.`status` = 'confirmed' AND OLD.`status` IN ('waitlisted', 'offered')) k
	JOIN `webhook_registration_data` d ON d.`registration_id` = NEW.`id`
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = k.`type`);
END;
--> statement-breakpoint
CREATE TRIGGER `webhooks_registration_checked_in` AFTER UPDATE OF `checked_in_at` ON `registrations`
WHEN OLD.`checked_in_at` IS NULL AND NEW.`checked_in_at` IS NOT NULL AND EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`))
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `registration_id`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, 'registration.checked_in', NEW.`id`, NEW.`event_id`,
	       json_object('type', 'registration.checked_in', 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json(d.`data`)),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM `webhook_registration_data` d
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE d.`registration_id` = NEW.`id` AND EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = 'registration.checked_in');
END;
--> statement-breakpoint
-- Someone else took the seat: the same registration, now with the new person on it.
CREATE TRIGGER `webhooks_registration_substituted` AFTER UPDATE OF `substituted_at` ON `registrations`
WHEN NEW.`substituted_at` IS NOT NULL AND NEW.`substituted_at` IS NOT OLD.`substituted_at` AND EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`))
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `registration_id`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, 'registration.substituted', NEW.`id`, NEW.`event_id`,
	       json_object('type', 'registration.substituted', 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json(d.`data`)),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM `webhook_registration_data` d
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE d.`registration_id` = NEW.`id` AND EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = 'registration.substituted');
END;
--> statement-breakpoint
CREATE TRIGGER `webhooks_event_created` AFTER INSERT ON `events`
WHEN EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = NEW.`org_id`)
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, 'event.created', NEW.`id`,
	       json_object('type', 'event.created', 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json_object('event', json(d.`data`))),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM `webhook_event_data` d
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE d.`event_id` = NEW.`id` AND EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = 'event.created');
END;
--> statement-breakpoint
CREATE TRIGGER `webhooks_event_cancelled` AFTER UPDATE OF `status` ON `events`
WHEN NEW.`status` = 'cancelled' AND OLD.`status` IS NOT 'cancelled' AND EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = NEW.`org_id`)
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, 'event.cancelled', NEW.`id`,
	       json_object('type', 'event.cancelled', 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json_object('event', json(d.`data`))),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM `webhook_event_data` d
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE d.`event_id` = NEW.`id` AND EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = 'event.cancelled');
END;
--> statement-breakpoint
CREATE TRIGGER `webhooks_invitation_declined` AFTER UPDATE OF `status` ON `invitations`
WHEN NEW.`status` = 'declined' AND OLD.`status` IS NOT 'declined' AND EXISTS (SELECT 1 FROM `webhook_endpoints` w WHERE w.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`))
BEGIN
	INSERT INTO `webhook_deliveries` (`id`, `endpoint_id`, `org_id`, `type`, `event_id`, `payload`, `status`, `created_at`)
	SELECT 'msg_' || lower(hex(randomblob(16))), w.`id`, w.`org_id`, 'invitation.declined', NEW.`event_id`,
	       json_object('type', 'invitation.declined', 'timestamp', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'data', json_object(
	         'invitation', json_object('id', NEW.`id`, 'eventId', NEW.`event_id`, 'email', NEW.`email`, 'firstName', NEW.`first_name`,
	                                   'lastName', NEW.`last_name`, 'organisation', NEW.`organisation`, 'seats', NEW.`seats`, 'status', NEW.`status`,
	                                   'declinedAt', iif(NEW.`declined_at` IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', NEW.`declined_at` / 1000.0, 'unixepoch'))),
	         'event', json(d.`data`))),
	       iif(w.`disabled_at` IS NULL, 'pending', 'held'), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
	FROM `webhook_event_data` d
	JOIN `webhook_endpoints` w ON w.`org_id` = d.`org_id`
	WHERE d.`event_id` = NEW.`event_id` AND EXISTS (SELECT 1 FROM json_each(w.`events`) j WHERE j.`value` = 'invitation.declined');
END;
--> statement-breakpoint
-- SQLite runs a table's triggers newest first. The webhook triggers above must see the
-- state the change leaves, the event's tallies and the registration's places included, so
-- the older triggers on registrations are made again here, after them: they now run
-- first. (Unchanged from 0010, 0016, 0020 and 0021.) A later trigger on registrations that
-- changes what a payload shows must be followed by the webhook triggers made again.
DROP TRIGGER `registrations_tally_insert`;
--> statement-breakpoint
CREATE TRIGGER `registrations_tally_insert` AFTER INSERT ON `registrations`
BEGIN
	INSERT INTO `event_tallies` (`event_id`, `confirmed`, `waitlisted`, `offered`)
	VALUES (NEW.`event_id`, NEW.`status` = 'confirmed', NEW.`status` = 'waitlisted', NEW.`status` = 'offered')
	ON CONFLICT (`event_id`) DO UPDATE SET `confirmed` = `confirmed` + excluded.`confirmed`, `waitlisted` = `waitlisted` + excluded.`waitlisted`, `offered` = `offered` + excluded.`offered`;
END;
--> statement-breakpoint
DROP TRIGGER `registrations_tally_update`;
--> statement-breakpoint
CREATE TRIGGER `registrations_tally_update` AFTER UPDATE OF `status` ON `registrations` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
	UPDATE `event_tallies`
	SET `confirmed` = `confirmed` + (NEW.`status` = 'confirmed') - (OLD.`status` = 'confirmed'),
	    `waitlisted` = `waitlisted` + (NEW.`status` = 'waitlisted') - (OLD.`status` = 'waitlisted'),
	    `offered` = `offered` + (NEW.`status` = 'offered') - (OLD.`status` = 'offered')
	WHERE `event_id` = NEW.`event_id`;
END;
--> statement-breakpoint
DROP TRIGGER `registrations_tally_delete`;
--> statement-breakpoint
CREATE TRIGGER `registrations_tally_delete` AFTER DELETE ON `registrations`
BEGIN
	UPDATE `event_tallies`
	SET `confirmed` = `confirmed` - (OLD.`status` = 'confirmed'), `waitlisted` = `waitlisted` - (OLD.`status` = 'waitlisted'),
	    `offered` = `offered` - (OLD.`status` = 'offered')
	WHERE `event_id` = OLD.`event_id`;
END;
--> statement-breakpoint
DROP TRIGGER `registrations_ending_note`;
--> statement-breakpoint
CREATE TRIGGER `registrations_ending_note` AFTER UPDATE OF `status` ON `registrations`
WHEN OLD.`status` IN ('confirmed', 'waitlisted', 'offered') AND NEW.`status` IN ('cancelled', 'expired')
  AND EXISTS (SELECT 1 FROM `notification_preferences` p
              WHERE p.`org_id` = (SELECT e.`org_id` FROM `events` e WHERE e.`id` = NEW.`event_id`) AND p.`mode` = 'each')
BEGIN
	INSERT INTO `registration_endings` (`registration_id`, `event_id`, `status`) VALUES (NEW.`id`, NEW.`event_id`, NEW.`status`);
END;
--> statement-breakpoint
DROP TRIGGER `registrations_decide_sessions`;
--> statement-breakpoint
CREATE TRIGGER `registrations_decide_sessions` AFTER UPDATE OF `status` ON `registrations`
WHEN NEW.`status` = 'confirmed' AND OLD.`status` IS NOT 'confirmed'
BEGIN
	UPDATE `session_choices`
	SET `status` = iif(
	      (SELECT e.`programme` = 'package' OR s.`capacity` IS NULL
	              OR (s.`capacity` > coalesce(t.`confirmed`, 0) AND coalesce(t.`waitlisted`, 0) = 0)
	       FROM `event_sessions` s JOIN `events` e ON e.`id` = s.`event_id`
	       LEFT JOIN `session_tallies` t ON t.`session_id` = s.`id`
	       WHERE s.`id` = `session_choices`.`session_id`),
	      'confirmed',
	      iif((SELECT s.`waitlist` FROM `event_sessions` s WHERE s.`id` = `session_choices`.`session_id`), 'waitlisted', 'cancelled')),
	    `queued_at` = coalesce(NEW.`confirmed_at`, `queued_at`),
	    `change_id` = NEW.`change_id`
	WHERE `registration_id` = NEW.`id` AND `status` = 'pending';
END;
--> statement-breakpoint
DROP TRIGGER `registrations_release_sessions`;
--> statement-breakpoint
CREATE TRIGGER `registrations_release_sessions` AFTER UPDATE OF `status` ON `registrations`
WHEN OLD.`status` IN ('confirmed', 'waitlisted', 'offered', 'pending') AND NEW.`status` NOT IN ('confirmed', 'waitlisted', 'offered', 'pending')
BEGIN
	UPDATE `session_choices` SET `status` = 'cancelled', `change_id` = NEW.`change_id`
	WHERE `registration_id` = NEW.`id` AND `status` IN ('confirmed', 'waitlisted', 'pending');
END;
