DROP INDEX offices_country_idx;
DROP INDEX responses_rank_idx;
DROP INDEX responses_completed_idx;
DROP TABLE compliance_snapshots;
DROP TABLE reporting_periods;
