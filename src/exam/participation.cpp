#include "exam/participation.h"

#include <algorithm>
#include <unordered_map>

namespace edu::exam {

Reconciliation reconcile(const std::vector<RosterEntry>& roster, const std::vector<ScoreRowKey>& rows) {
  std::unordered_map<std::string, size_t> by_number;
  for (size_t e = 0; e < roster.size(); ++e) {
    by_number[roster[e].student_no] = e;
    if (!roster[e].id_number.empty()) by_number[roster[e].id_number] = e;
  }
  Reconciliation out;
  out.row_entry.assign(rows.size(), -1);
  std::vector<std::vector<size_t>> rows_of(roster.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    auto it = by_number.find(rows[r].student_no);
    const int32_t e = it == by_number.end() ? -1 : static_cast<int32_t>(it->second);
    if (e >= 0) rows_of[e].push_back(r);
    if (e >= 0 && rows[r].name != roster[e].name) out.misnamed.push_back({r, static_cast<size_t>(e)});
    if (e < 0 || roster[e].school_id != rows[r].school_id) out.outsiders.push_back({r, e});
  }
  for (size_t e = 0; e < roster.size(); ++e) {
    const auto& mine = rows_of[e];
    if (mine.empty()) {
      if (!roster[e].exempt) out.missing.push_back(e);
      continue;
    }
    auto home = std::find_if(mine.begin(), mine.end(),
                             [&](size_t r) { return rows[r].school_id == roster[e].school_id; });
    out.row_entry[home != mine.end() ? *home : mine.front()] = static_cast<int32_t>(e);
    if (mine.size() > 1) out.duplicates.push_back({e, mine});
  }
  return out;
}

int64_t Reconciliation::counted() const {
  int64_t n = 0;
  for (int32_t e : row_entry) n += e >= 0;
  return n;
}

}  // namespace edu::exam
