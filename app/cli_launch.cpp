// `launch --nproc N train …`: a data-parallel training on this machine. Starts N ranks of this
// same program (`train … --world-size N --rank R --master 127.0.0.1:PORT`, PORT a free one),
// forwards rank 0's output, and when a rank fails stops the others and exits non-zero with the
// failing rank's message. Each rank gets cores / N CPU threads unless --threads is given.
#include "cli_common.h"
#include "cli_progress.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

namespace rx::cli {

namespace {

class CliLaunch {
    Q_DECLARE_TR_FUNCTIONS(rx::CliLaunch)
public:
    static QString usage() {
        return tr(
            "usage: resnet-explorer-cli launch --nproc N [--port PORT] train OPTIONS…\n\n"
            "Runs 'train OPTIONS…' on N processes of this machine together (data-parallel, "
            "--world-size N), rank 0 listening on 127.0.0.1:PORT (default: a free port). --batch "
            "is the global batch. Rank 0's output is shown and rank 0 alone writes the run "
            "folder; each rank gets cores / N threads unless --threads is given. When a rank "
            "fails, the others are stopped.");
    }
    static QString badNproc(const QString& value) {
        return tr("invalid value '%1' for --nproc (expected a number of processes, at least 1)")
            .arg(value);
    }
    static QString badPort(const QString& value) {
        return tr("invalid value '%1' for --port (expected 1 to 65535)").arg(value);
    }
    static QString needTrain() {
        return tr("launch runs 'train': put 'train' and its options last");
    }
    static QString ownOption(const QString& option) {
        return tr("%1 is set by launch; leave it out").arg(option);
    }
    static QString noFreePort() { return tr("no free port on 127.0.0.1"); }
    static QString cannotStart(int rank, const QString& why) {
        return tr("rank %1 could not start: %2").arg(rank).arg(why);
    }
    static QString rankFailed(int rank, int code, const QString& message) {
        return tr("rank %1 failed (exit code %2): %3").arg(rank).arg(code).arg(message);
    }
    static QString rankCrashed(int rank, const QString& message) {
        return tr("rank %1 was killed: %2").arg(rank).arg(message);
    }
    static QString noMessage() { return tr("no message"); }
};

// How long the other ranks get to stop by themselves after one failed, before they are killed.
constexpr int kStopGraceMs = 5000;

struct Rank {
    std::unique_ptr<QProcess> process;
    QByteArray errors;  // its standard error (rank 0's is also forwarded as it comes)
    bool done = false;
};

// The last non-empty line of a rank's standard error: its message.
QString lastLine(const QByteArray& bytes) {
    const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (!it->trimmed().isEmpty())
            return it->trimmed();
    return CliLaunch::noMessage();
}

quint16 freePort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

}  // namespace

int launchCommand(const QStringList& args) {
    int nproc = 0;
    quint16 port = 0;
    int at = 0;
    for (; at < args.size() && args[at] != QLatin1String("train"); ++at) {
        const QString& a = args[at];
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            out() << CliLaunch::usage() << Qt::endl;
            return kExitOk;
        }
        const QString value = at + 1 < args.size() ? args[at + 1] : QString();
        bool ok = false;
        if (a == QLatin1String("--nproc")) {
            nproc = value.toInt(&ok);
            if (!ok || nproc < 1) {
                err() << CliLaunch::badNproc(value) << '\n' << CliLaunch::usage() << Qt::endl;
                return kExitUsage;
            }
        } else if (a == QLatin1String("--port")) {
            const uint p = value.toUInt(&ok);
            if (!ok || p < 1 || p > 65535) {
                err() << CliLaunch::badPort(value) << '\n' << CliLaunch::usage() << Qt::endl;
                return kExitUsage;
            }
            port = quint16(p);
        } else {
            err() << CliLaunch::usage() << Qt::endl;
            return kExitUsage;
        }
        ++at;
    }
    if (nproc < 1 || at >= args.size()) {
        err() << CliLaunch::needTrain() << '\n' << CliLaunch::usage() << Qt::endl;
        return kExitUsage;
    }
    const QStringList train = args.mid(at);
    for (const char* own : {"--world-size", "--rank", "--master"})
        for (const QString& a : train)
            if (a == QLatin1String(own) || a.startsWith(QLatin1String(own) + QLatin1Char('='))) {
                err() << CliLaunch::ownOption(QLatin1String(own)) << Qt::endl;
                return kExitUsage;
            }
    if (port == 0 && (port = freePort()) == 0) {
        err() << CliLaunch::noFreePort() << Qt::endl;
        return kExitFailure;
    }
    QStringList common = train;
    common << QStringLiteral("--world-size") << QString::number(nproc) << QStringLiteral("--master")
           << QStringLiteral("127.0.0.1:%1").arg(port);
    const bool threadsGiven = std::any_of(train.begin(), train.end(), [](const QString& a) {
        return a == QLatin1String("--threads") || a.startsWith(QLatin1String("--threads="));
    });
    if (!threadsGiven)
        common << QStringLiteral("--threads")
               << QString::number(std::max(1, QThread::idealThreadCount() / nproc));

    std::vector<Rank> ranks(static_cast<size_t>(nproc));
    int failedRank = -1, exitCode = kExitOk, running = nproc;
    QString failure;
    QTimer killer;
    killer.setSingleShot(true);
    auto stopOthers = [&] {
        for (Rank& r : ranks)
            if (!r.done)
                r.process->terminate();  // SIGTERM: a rank stops as on Ctrl-C
        killer.start(kStopGraceMs);
    };
    QObject::connect(&killer, &QTimer::timeout, [&] {
        for (Rank& r : ranks)
            if (!r.done)
                r.process->kill();
    });
    for (int k = 0; k < nproc; ++k) {
        Rank& r = ranks[size_t(k)];
        r.process = std::make_unique<QProcess>();
        QProcess* p = r.process.get();
        if (k == 0)
            p->setProcessChannelMode(QProcess::ForwardedOutputChannel);
        else
            p->setStandardOutputFile(QProcess::nullDevice());
        QObject::connect(p, &QProcess::readyReadStandardError, [&ranks, k, p] {
            const QByteArray bytes = p->readAllStandardError();
            ranks[size_t(k)].errors += bytes;
            if (k == 0) {
                err() << QString::fromUtf8(bytes);
                err().flush();
            }
        });
        QObject::connect(p, &QProcess::finished, [&, k, p](int code, QProcess::ExitStatus status) {
            Rank& me = ranks[size_t(k)];
            me.done = true;
            me.errors += p->readAllStandardError();
            const bool failed = status != QProcess::NormalExit || code != 0;
            if (failed && failedRank < 0) {  // the first to fail is the cause
                failedRank = k;
                exitCode = code != 0 ? code : kExitFailure;
                failure = status != QProcess::NormalExit
                              ? CliLaunch::rankCrashed(k, lastLine(me.errors))
                              : CliLaunch::rankFailed(k, code, lastLine(me.errors));
                stopOthers();
            }
            if (--running == 0)
                QCoreApplication::exit(exitCode);
        });
        QStringList rankArgs = common;
        rankArgs << QStringLiteral("--rank") << QString::number(k);
        p->start(QCoreApplication::applicationFilePath(), rankArgs);
        if (!p->waitForStarted()) {
            err() << CliLaunch::cannotStart(k, p->errorString()) << Qt::endl;
            for (Rank& r : ranks)
                if (r.process && r.process->state() != QProcess::NotRunning) {
                    r.process->kill();
                    r.process->waitForFinished();
                }
            return kExitFailure;
        }
    }
    // Ctrl-C reaches every rank from the terminal; a SIGTERM or SIGINT sent to the launcher
    // alone is passed on. Every rank then stops after the same step and rank 0 saves.
    const auto interrupt = onInterrupt(ranks.front().process.get(), [&ranks] {
        for (Rank& r : ranks)
            if (!r.done)
                r.process->terminate();
    });
    const int code = QCoreApplication::exec();
    if (failedRank >= 0) {
        err() << failure << Qt::endl;
        return code != 0 ? code : kExitFailure;
    }
    return code;
}

}  // namespace rx::cli
