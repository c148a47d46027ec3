// How the bureau works through the integrity report (exam/integrity.h): each
// flag's stable key (what an 已核查 mark is stored under: the same flag of a
// recomputed report keeps its mark) and its severity.
//
//  - key: kind | school id (0 for none) | subject | the two students of a
//    similar_answers pair — e.g. "cut_spike|12|数学|0|0". A flag whose figures
//    change but whose subject of concern stays keeps its key.
//  - severity: 高 when the evidence is direct or strong — remark (the school's
//    own marks above the central re-mark), similar_answers (corrected p), a
//    cut_spike or participation flag with |z| ≥ 5; 中 for the other cut_spike
//    and participation flags; 低 for visiting (附读: an administrative fix).
#pragma once

#include <cstdint>
#include <string>

#include "exam/integrity.h"

namespace edu::exam {

enum class Severity { kHigh, kMedium, kLow };

// `school_id` is the flag's school's id (0 when the flag names none).
std::string flag_key(const IntegrityFlag& flag, int64_t school_id);
Severity flag_severity(const IntegrityFlag& flag);
const char* severity_key(Severity s);    // high, medium, low
const char* severity_label(Severity s);  // 高, 中, 低

}  // namespace edu::exam
