#include "background.h"

#include <algorithm>
#include <atomic>
#include <cerrno>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace rx {

namespace {
std::atomic<bool> gInterface{false};
}  // namespace

void keepInterfaceResponsive() {
    gInterface = true;
}

void workInBackground() {
#ifdef __linux__
    thread_local bool lowered = false;  // once per thread: the nice value it started with + 5
    if (!gInterface || lowered)
        return;
    lowered = true;
    // PRIO_PROCESS with a thread id sets that thread's nice value (Linux's per-thread nice).
    const id_t thread = static_cast<id_t>(::gettid());
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, thread, std::min(19, nice + kBackgroundNice));
#endif
}

}  // namespace rx
