// `analyze landscape RUN_DIR`: the loss landscape around a run's trained weights (Li et al. 2018;
// training/landscape.h), written to RUN_DIR/landscape.json. Ctrl+C cancels between forward passes.
#include "cifar10.h"
#include "cli_common.h"
#include "cli_progress.h"
#include "landscape.h"
#include "metrics.h"
#include "run_folder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <unistd.h>
#include <cmath>
#include <cstdio>

namespace rx::cli {

namespace {

class CliLandscape {
    Q_DECLARE_TR_FUNCTIONS(rx::CliLandscape)
public:
    static QString help() {
        return tr("The training loss around a run's trained weights along two random "
                  "filter-normalised directions (Li et al. 2018), written to RUN_DIR/%1.")
            .arg(QLatin1String(kRunLandscapeFile));
    }
    static QString runArg() { return tr("The run folder (its checkpoint.pt is used)."); }
    static QString gridOption() {
        return tr("Points per axis, odd (default %1).").arg(kLandscapeDefaultGrid);
    }
    static QString rangeOption() {
        return tr("The grid spans [-R, R] along both directions (default %1).")
            .arg(kLandscapeDefaultRange);
    }
    static QString imagesOption() {
        return tr("Training images, spread evenly over the 50,000 (default %1).")
            .arg(kLandscapeDefaultImages);
    }
    static QString seedOption() { return tr("Seed of the two random directions (default 1)."); }
    static QString dataOption() { return tr("Folder with the CIFAR-10 .bin files."); }
    static QString threadsOption(int cores) {
        return tr("CPU threads (default: every core, %1 here).").arg(cores);
    }
    static QString needRun() { return tr("expected one RUN_DIR"); }
    static QString noRun(const QString& dir) { return tr("%1 is not a run folder").arg(dir); }
};

}  // namespace

int analyzeLandscapeCommand(const QStringList& args) {
    const QString command = QStringLiteral("analyze landscape");
    QCommandLineParser p;
    p.setApplicationDescription(CliLandscape::help());
    p.addPositionalArgument("RUN_DIR", CliLandscape::runArg());
    p.addOptions({{"grid", CliLandscape::gridOption(), "N"},
                  {"range", CliLandscape::rangeOption(), "R"},
                  {"images", CliLandscape::imagesOption(), "N"},
                  {"seed", CliLandscape::seedOption(), "S"},
                  {"data", CliLandscape::dataOption(), "DIR"},
                  {"threads", CliLandscape::threadsOption(QThread::idealThreadCount()), "N"}});
    if (const auto code = parseOptions(p, command, args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, command, CliLandscape::needRun());
    const QString runDir = p.positionalArguments().first();

    LandscapeOptions options;
    for (const auto& [name, value] :
         {std::pair{"grid", &options.grid}, std::pair{"images", &options.images},
          std::pair{"threads", &options.threads}}) {
        bool ok = true;
        if (p.isSet(name))
            *value = p.value(name).toInt(&ok);
        if (!ok || *value < 0)
            return usageError(p, command, badValueMessage(QLatin1String(name), p.value(name)));
    }
    bool ok = true;
    if (p.isSet("range"))
        options.range = p.value("range").toDouble(&ok);
    if (!ok || !std::isfinite(options.range))
        return usageError(p, command, badValueMessage(QStringLiteral("range"), p.value("range")));
    if (p.isSet("seed"))
        options.seed = p.value("seed").toULongLong(&ok);
    if (!ok)
        return usageError(p, command, badValueMessage(QStringLiteral("seed"), p.value("seed")));
    if (const QString problem = landscapeOptionsProblem(options); !problem.isEmpty())
        return usageError(p, command, problem);

    if (!QFileInfo(runDir).isDir()) {
        err() << CliLandscape::noRun(runDir) << Qt::endl;
        return kExitFailure;
    }
    options.dataDir = findCifar10(p.value("data"));
    if (options.dataDir.isEmpty()) {
        err() << noDataMessage() << Qt::endl;
        return kExitFailure;
    }

    // The computation runs in a thread; the main thread waits in its event loop for Ctrl+C.
    std::atomic<bool> stop{false};
    options.cancel = &stop;
    const bool tty = isatty(fileno(stderr));
    options.onPoint = [tty](const LandscapePoint&, int done, int total) {
        if (tty)
            err() << QStringLiteral("\r%1 / %2 grid points\x1b[K").arg(done).arg(total);
        else if (done % 50 == 0 || done == total)
            err() << QStringLiteral("%1 / %2 grid points\n").arg(done).arg(total);
        err().flush();
    };
    Landscape landscape;
    QString error;
    bool computed = false;
    QThread* thread =
        QThread::create([&] { computed = computeLandscape(runDir, options, &landscape, &error); });
    QObject::connect(thread, &QThread::finished, QCoreApplication::instance(),
                     &QCoreApplication::quit);
    const auto interrupt = onInterrupt(thread, [&stop] { stop = true; });
    thread->start();
    QCoreApplication::exec();
    thread->wait();
    delete thread;
    if (tty)
        err() << '\n';
    if (!computed || !writeLandscape(runDir, landscape, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << QStringLiteral(
                 "loss %1 at the trained weights, %2 to %3 over the %4×%4 grid on %5 "
                 "training images (%6); wrote %7\n")
                 .arg(landscape.centreLoss(), 0, 'f', 4)
                 .arg(*std::min_element(landscape.loss.cbegin(), landscape.loss.cend()), 0, 'f', 4)
                 .arg(*std::max_element(landscape.loss.cbegin(), landscape.loss.cend()), 0, 'g', 4)
                 .arg(landscape.grid)
                 .arg(landscape.images)
                 .arg(durationText(landscape.seconds))
                 .arg(QDir(runDir).filePath(QLatin1String(kRunLandscapeFile)));
    out().flush();
    return kExitOk;
}

}  // namespace rx::cli
