// parallel_for: independent items of one computation on the machine's cores,
// with the same result as running them one after the other.
//
// Contract:
//  - parallel_for(n, threads, work) calls work(i) exactly once for every i in
//    [0, n) and returns when all calls have returned. Items are handed out in
//    increasing order from one counter to the calling thread and to the
//    helper threads taking part; which thread runs an item is not fixed.
//  - So that the result does not depend on the threads, work(i) writes only
//    into its own slot i, allocated before the call, and reads only what no
//    item writes. Then any number of threads gives the same bytes.
//  - At most `threads` threads run the items (0: hardware_concurrency()); 1
//    runs them on the calling thread, in order.
//  - The helpers are one fixed set of hardware_concurrency() − 1 threads,
//    started on first use and kept for the life of the process (so what they
//    keep per thread, e.g. working arrays, is not made again per call). One
//    call at a time uses them: a call that finds them in use (another
//    request's analysis, or a call inside an item) runs on its calling thread
//    alone. So the process never runs more than hardware_concurrency() threads
//    of parallel_for at once, and a call never waits for another.
//  - work must not throw (errors are results: Status/Result in the slot); an
//    exception in a helper ends the process (std::terminate).
#pragma once

#include <cstddef>
#include <functional>

namespace edu {

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& work);

}  // namespace edu
