DROP INDEX contacts_office_external_id_idx;
DROP INDEX offices_membership_external_id_idx;
DROP INDEX memberships_partner_external_id_idx;
ALTER TABLE contacts DROP COLUMN external_id;
ALTER TABLE offices DROP COLUMN external_id;
ALTER TABLE memberships DROP COLUMN external_id;
