// Giving memory back after a request that read an upload. Reading a sheet
// allocates millions of small blocks (cells, rows, problems); freed, glibc
// keeps them in its arenas for the process, so a few large uploads leave
// gigabytes held (issue 8.4). malloc_trim(0) returns the free pages of every
// arena to the system; it walks them all, so only the routes that read
// uploads use it (register imports and their error sheets, exam scores).
#pragma once

#include "http/router.h"

namespace edu {

// `handler`, then malloc_trim(0) once its work (and everything it held but
// the reply) is freed.
ApiHandler releasing_memory(ApiHandler handler);

}  // namespace edu
