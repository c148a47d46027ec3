// The registers version: a number that grows with every change to the
// registers — the id of the newest audited change, reads (logins, logouts,
// ID-number views, exports) left out — so a result computed from the
// registers (the analytics snapshot, a list's total and page anchors) knows
// when it is stale. It moves only with audited writes: a write that is not
// audited (the bulk loader, store/registers_loader.h) leaves it where it was.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace edu {

Result<int64_t> registers_version(Database& db);

}  // namespace edu
