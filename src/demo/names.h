// Name pools of the demo county: people's names (surnames weighted as in
// Hunan, given names in the fashion of the birth year) and place names
// (townships, villages, streets, private kindergartens' brands).
#pragma once

#include <string>
#include <vector>

#include "demo/rng.h"

namespace edu::demo {

// A surname and one or two given-name characters.
std::string person_name(Rng& rng, bool male, int birth_year);

struct TownshipName {
  const char* name;       // 滩头镇, 罗洪乡, 花门街道
  const char* minority;   // the township's main ethnic minority, or ""
  double minority_share;  // share of its pupils of that minority
};
// The county seat's township comes first.
const std::vector<TownshipName>& township_names();
const std::vector<std::string>& village_names();        // 大坪, 石门 …
const std::vector<std::string>& street_names();         // 建设路, 人民路 …
const std::vector<std::string>& kindergarten_brands();  // 阳光, 小天鹅 …

}  // namespace edu::demo
