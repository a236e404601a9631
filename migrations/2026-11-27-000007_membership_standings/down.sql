DROP INDEX offices_country_membership_idx;
DROP TABLE membership_standings;
