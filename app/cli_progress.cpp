#include "cli_progress.h"

#include <fcntl.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>

namespace rx::cli {

namespace {

// SIGINT and SIGTERM only write a byte into a pipe; the main thread reads it and stops the run.
// The handler touches no object, so it cannot reach one that is gone.
int gInterruptPipe[2] = {-1, -1};

void onInterrupt(int) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(gInterruptPipe[1], &byte, 1);
}

// The read end of the pipe, installing the handlers the first time; -1 when there is none.
int interruptFd() {
    static const bool installed = [] {
        if (::pipe2(gInterruptPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return false;
        struct sigaction action = {};
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
        return true;
    }();
    return installed ? gInterruptPipe[0] : -1;
}

}  // namespace

std::unique_ptr<QSocketNotifier> onInterrupt(QObject* context, std::function<void()> stop) {
    const int fd = interruptFd();
    if (fd < 0)
        return nullptr;
    auto notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, context, [fd, stop] {
        char bytes[64];
        while (::read(fd, bytes, sizeof bytes) > 0) {
        }
        stop();
    });
    return notifier;
}

}  // namespace rx::cli
