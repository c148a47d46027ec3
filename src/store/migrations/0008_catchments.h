// Migration 8: 划片 — which 初中 each 小学 of the county feeds (one per 小学;
// a 九年一贯制学校 may feed itself). store/catchment_store.h reads and writes it.
#pragma once

namespace edu {

inline constexpr const char* kMigration0008Catchments = R"SQL(
CREATE TABLE catchments (
  school_id BIGINT PRIMARY KEY REFERENCES schools(id),
  middle_school_id BIGINT NOT NULL REFERENCES schools(id)
);
CREATE INDEX catchments_middle ON catchments(middle_school_id);
)SQL";

}  // namespace edu
