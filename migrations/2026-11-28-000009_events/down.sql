DROP INDEX membership_standings_changed_idx;
DROP TABLE events;
