DROP TABLE answers;
DROP TABLE responses;
DROP TABLE outbox;
DROP TABLE invitation_tokens;
DROP TABLE invitations;
DROP TABLE questions;
DROP TABLE surveys;
DROP TABLE program_settings;
