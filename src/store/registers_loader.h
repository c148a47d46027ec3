// Bulk load of a whole set of registers (the demo county) into an empty
// database, in one transaction with prepared statements: all rows or none.
#pragma once

#include "core/model.h"
#include "store/database.h"

namespace edu {

Status load_registers(Database& db, const Registers& registers);

}  // namespace edu
