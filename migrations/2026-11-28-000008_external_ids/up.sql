-- The integrator's own ids (a CRM's or PRM's record key) of memberships, offices and contacts, so a
-- client can read and upsert them without keeping our UUIDs. Optional, and unique per parent: a
-- membership's per partner, an office's per membership, a contact's per office (both backends let a
-- unique index hold any number of NULLs). Partners need no column: their required, program-wide
-- unique `external_key` is their external id. A contact's is wiped with its personal fields on erasure.
ALTER TABLE memberships ADD COLUMN external_id TEXT;
ALTER TABLE offices ADD COLUMN external_id TEXT;
ALTER TABLE contacts ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX memberships_partner_external_id_idx ON memberships (partner_id, external_id);
CREATE UNIQUE INDEX offices_membership_external_id_idx ON offices (membership_id, external_id);
CREATE UNIQUE INDEX contacts_office_external_id_idx ON contacts (office_id, external_id);
