#include "exam/teaching.h"

#include <map>

namespace edu::exam {

std::vector<TeachingRecord> share_teachers(int subject, const std::vector<UnitRef>& classes,
                                           const std::vector<UnitRef>& teachers) {
  std::map<int64_t, std::vector<int64_t>> pool;  // school → teachers
  for (const UnitRef& t : teachers) pool[t.school_id].push_back(t.id);
  std::map<int64_t, size_t> next;
  std::vector<TeachingRecord> out;
  for (const UnitRef& c : classes) {
    auto it = pool.find(c.school_id);
    if (it == pool.end()) continue;
    out.push_back({c.id, subject, it->second[next[c.school_id]++ % it->second.size()]});
  }
  return out;
}

}  // namespace edu::exam
