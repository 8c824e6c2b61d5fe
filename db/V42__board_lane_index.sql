-- The board reads each lane's first cards in lane order (time in state, then id in byte order) through this index, so
-- a lane's first page costs the same however many milestones the lane holds.
create index milestone_lane_idx on milestone (state, state_since, id collate "C");
