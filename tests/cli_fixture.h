// resnet-explorer-cli run as a user would, for tests: its exit code and output. The tests find
// the program through RX_CLI (set by tests/CMakeLists.txt).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace rx::test {

struct CliRun {
    int code = -1;  // -1: it did not finish within the time
    QString out, err;
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.start(qEnvironmentVariable("RX_CLI"), args);
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace rx::test
