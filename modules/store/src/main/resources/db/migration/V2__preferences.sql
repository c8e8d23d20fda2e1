-- Planwright workbench store, schema version 2: the user's preferences (insight thresholds first).
-- Preferences belong to the person at this workstation, not to a client engagement, so this table is global:
-- no workspace_id, on purpose (the one exception to the rules of V1). The dotted name is the key, which replicates
-- as well as a UUID would; values are text, typed by the Preferences repository; updated_at as in V1.
CREATE TABLE preference (
    name        VARCHAR(200)                NOT NULL PRIMARY KEY,
    pref_value  VARCHAR(4000)               NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
