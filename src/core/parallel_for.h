// parallel_for: independent items of one computation on the machine's cores,
// with the same result as running them one after the other.
//
// Contract:
//  - parallel_for(n, threads, work) calls work(i) exactly once for every i in
//    [0, n) and returns when all calls have returned. Items are handed out in
//    increasing order from one counter to the calling thread and to the extra
//    threads it starts for this call (std::thread, joined before it returns);
//    which thread runs an item is not fixed.
//  - So that the result does not depend on the threads, work(i) writes only
//    into its own slot i, allocated before the call, and reads only what no
//    item writes. Then any number of threads gives the same bytes.
//  - At most `threads` threads run the items (0: hardware_concurrency()); 1
//    runs them on the calling thread, in order, starting none.
//  - Bounded in the process: the extra threads of all calls running at once
//    never number more than hardware_concurrency() − 1. A call that finds them
//    taken (another request's analysis) runs on fewer threads, down to the
//    calling thread alone; it never waits for another call.
//  - work must not throw (errors are results: Status/Result in the slot); an
//    exception in an extra thread ends the process (std::terminate).
#pragma once

#include <cstddef>
#include <functional>

namespace edu {

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& work);

}  // namespace edu
