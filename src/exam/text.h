// Number formatting for the Chinese explanations of flags and awards.
#pragma once

#include <string>

namespace edu::exam {

std::string fixed(double value, int digits);  // fixed(3.14159, 2) = "3.14"
std::string marks_text(double marks);         // 60 → "60", 60.5 → "60.5"
std::string percent_text(double rate);        // 0.953 → "95.3%"
std::string p_value_text(double p);           // 0.0012 → "0.0012", 3e-9 → "3.0e-09"

}  // namespace edu::exam
