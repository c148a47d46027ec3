// The SQLite backend: one connection to a database file in WAL mode with
// foreign keys on, synchronous=FULL (a committed transaction survives power
// loss) and a busy timeout so concurrent writers wait instead of failing.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace edu {

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path);

}  // namespace edu
