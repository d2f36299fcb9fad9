// `analyze lesion RUN_DIR`: the lesion study of a trained run (training/lesion.h), computed in a
// worker thread (Ctrl+C cancels it), printed as a table and written to RUN_DIR/lesion.json.
#include "cifar10.h"
#include "cli_common.h"
#include "cli_progress.h"
#include "lesion.h"
#include "run_folder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <unistd.h>
#include <cstdio>

namespace rx::cli {

namespace {

class CliLesion {
    Q_DECLARE_TR_FUNCTIONS(rx::CliLesion)
public:
    static QString help() {
        return tr(
            "Lesion study (Veit et al. 2016): the test error with each block left out, and with "
            "k random blocks left out at once. Writes RUN_DIR/lesion.json.");
    }
    static QString runArg() { return tr("The run folder (with its checkpoint.pt)."); }
    static QString imagesOption(int n) {
        return tr("Test images, spread evenly over the set (default %1).").arg(n);
    }
    static QString dataOption() { return tr("Folder with the CIFAR-10 .bin files."); }
    static QString threadsOption(int cores) {
        return tr("CPU threads (default: every core, %1 here).").arg(cores);
    }
    static QString trialsOption(int n) {
        return tr("Random subsets of blocks per k (default %1).").arg(n);
    }
    static QString seedOption() { return tr("Seed of the random subsets (default 1)."); }
    static QString needRun() { return tr("give one RUN_DIR"); }
    static QString noFolder(const QString& dir) {
        return tr("the run folder %1 does not exist").arg(dir);
    }
    static QString notFolder(const QString& dir) {
        return tr("%1 is not a run folder (a folder that training wrote)").arg(dir);
    }
    static QString stopping() { return tr("stopping the lesion study…"); }
    static QString progress(qint64 done, qint64 total) {
        return tr("lesion study: %1 % of %2 image evaluations")
            .arg(total ? 100 * done / total : 0)
            .arg(total);
    }
    static QString summary(const QString& arch, int images, double error) {
        return tr("%1 · %2 test images · error with every block: %3 %")
            .arg(arch)
            .arg(images)
            .arg(error, 0, 'f', 2);
    }
    static QString blockHeader() { return tr("removed block"); }
    static QString kindHeader() { return tr("kind"); }
    static QString errorHeader() { return tr("test error %"); }
    static QString changeHeader() { return tr("change"); }
    static QString residual() { return tr("residual"); }
    static QString plain() { return tr("plain"); }
    static QString downsampling() { return tr("downsampling"); }
    static QString notRemovable() { return tr("cannot be removed (changes the shape)"); }
    static QString kHeader() { return tr("k removed"); }
    static QString meanHeader() { return tr("mean %"); }
    static QString minHeader() { return tr("min %"); }
    static QString maxHeader() { return tr("max %"); }
    static QString trialsHeader() { return tr("subsets"); }
    static QString wrote(const QString& path, double seconds) {
        return tr("wrote %1 (%2 s)").arg(path).arg(seconds, 0, 'f', 1);
    }
};

QString cell(const QString& text, int width) {
    return text.leftJustified(width);
}

void printStudy(const LesionStudy& s) {
    out() << CliLesion::summary(s.architecture, s.images, s.baselineError) << "\n\n";
    out() << cell(CliLesion::blockHeader(), 14) << cell(CliLesion::kindHeader(), 26)
          << cell(CliLesion::errorHeader(), 14) << CliLesion::changeHeader() << '\n';
    for (const LesionBlock& b : s.blocks) {
        QString kind = b.residual ? CliLesion::residual() : CliLesion::plain();
        if (b.downsampling)
            kind += QStringLiteral(", ") + CliLesion::downsampling();
        out() << cell(b.name, 14) << cell(kind, 26);
        if (b.removable)
            out() << cell(QString::number(b.error, 'f', 2), 14)
                  << QString::asprintf("%+.2f", b.error - s.baselineError);
        else
            out() << CliLesion::notRemovable();
        out() << '\n';
    }
    out() << '\n'
          << cell(CliLesion::kHeader(), 12) << cell(CliLesion::meanHeader(), 10)
          << cell(CliLesion::minHeader(), 10) << cell(CliLesion::maxHeader(), 10)
          << CliLesion::trialsHeader() << '\n';
    for (const LesionRandom& r : s.random)
        out() << cell(QString::number(r.k), 12) << cell(QString::number(r.mean(), 'f', 2), 10)
              << cell(QString::number(r.min(), 'f', 2), 10)
              << cell(QString::number(r.max(), 'f', 2), 10) << r.trials.size() << '\n';
    out().flush();
}

// Reads a positive (or, with `allowZero`, non-negative) integer option into `value` when set.
bool intOption(const QCommandLineParser& p, const char* name, int* value, bool allowZero) {
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < (allowZero ? 0 : 1)) {
        err() << badValueMessage(QLatin1String(name), p.value(name)) << Qt::endl;
        return false;
    }
    *value = v;
    return true;
}

}  // namespace

int analyzeLesionCommand(const QStringList& args) {
    const QString command = QStringLiteral("analyze lesion");
    QCommandLineParser p;
    p.setApplicationDescription(CliLesion::help());
    p.addPositionalArgument("RUN_DIR", CliLesion::runArg());
    p.addOptions({{"images", CliLesion::imagesOption(kLesionDefaultImages), "N"},
                  {"data", CliLesion::dataOption(), "DIR"},
                  {"threads", CliLesion::threadsOption(QThread::idealThreadCount()), "N"},
                  {"trials", CliLesion::trialsOption(kLesionDefaultTrials), "T"},
                  {"seed", CliLesion::seedOption(), "S"}});
    if (const auto code = parseOptions(p, command, args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, command, CliLesion::needRun());
    LesionOptions options;
    if (!intOption(p, "images", &options.images, false) ||
        !intOption(p, "trials", &options.trials, false) ||
        !intOption(p, "threads", &options.threads, true))
        return kExitUsage;
    if (!number(p, QStringLiteral("seed"), &options.seed))
        return kExitUsage;
    const QString runDir = p.positionalArguments().first();
    const QFileInfo runInfo(runDir);
    if (!runInfo.exists()) {
        err() << CliLesion::noFolder(runDir) << Qt::endl;
        return kExitFailure;
    }
    if (!runInfo.isDir()) {
        err() << CliLesion::notFolder(runDir) << Qt::endl;
        return kExitFailure;
    }
    options.dataDir = findCifar10(p.value("data"));
    if (!looksLikeCifar10(options.dataDir)) {
        err() << noDataMessage() << Qt::endl;
        return kExitFailure;
    }

    // The study runs in a worker thread; the main thread prints its progress and turns Ctrl+C
    // into a cancel.
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0}, total{0};
    options.cancel = &cancel;
    options.onProgress = [&done, &total](qint64 d, qint64 t) {
        done = d;
        total = t;
    };
    LesionStudy study;
    QString error;
    bool ok = false;
    QThread* worker =
        QThread::create([&] { ok = runLesionStudy(runDir, options, &study, &error); });
    const bool tty = isatty(fileno(stderr));
    int lastTenth = -1;
    QTimer ticker;
    ticker.setInterval(tty ? 250 : 1000);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 t = total, d = done;
        if (t == 0)
            return;
        if (tty) {
            err() << '\r' << CliLesion::progress(d, t) << "\x1b[K";
        } else if (int(10 * d / t) != lastTenth) {
            lastTenth = int(10 * d / t);
            err() << CliLesion::progress(d, t) << '\n';
        }
        err().flush();
    });
    // Queued (the thread object lives here): exit() reaches the loop even when the study ends
    // before exec() starts.
    QObject::connect(worker, &QThread::finished, worker, [] { QCoreApplication::exit(0); });
    const auto interrupt = onInterrupt(worker, [&cancel] {
        err() << '\n' << CliLesion::stopping() << Qt::endl;
        cancel = true;
    });
    worker->start();
    ticker.start();
    QCoreApplication::exec();
    worker->wait();
    delete worker;
    ticker.stop();
    if (tty)
        err() << '\n';
    if (!ok) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    printStudy(study);
    if (!writeLesionStudy(runDir, study, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << CliLesion::wrote(QDir(runDir).filePath(QLatin1String(kRunLesionFile)), study.seconds)
          << Qt::endl;
    return kExitOk;
}

}  // namespace rx::cli
