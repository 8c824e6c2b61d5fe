-- The navigation's approvals badge runs on every page: "open milestones with a pending manual gate of one of my
-- roles". Reading that out of gate_summary meant parsing every open milestone's JSON text on every page (1,000
-- milestones: 1,000 parses per page view). PostgreSQL keeps the pending roles next to the summary instead, computed
-- from it on every write (a generated column: no application code can let the two disagree).
alter table milestone add column pending_manual_roles jsonb
    generated always as (jsonb_path_query_array(cast(gate_summary as jsonb), '$.gates[*] ? (@.status == "pending").role')) stored;
