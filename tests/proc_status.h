// The process's memory as Linux reports it, for the memory tests and benchmarks. No torch here.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

namespace rx::test {

// A field of /proc/self/status in MB: "VmRSS" (resident now), "VmHWM" (the peak since the start
// or since resetPeakResident()); 0 when unreadable.
inline double procStatusMb(const char* field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

// Starts VmHWM again from the resident memory of now (Linux ≥ 4.0).
inline bool resetPeakResident() {
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

}  // namespace rx::test
