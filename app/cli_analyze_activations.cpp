// `analyze activations RUN_DIR --image N`: what each block of a trained run does to one test
// image (training/activations.h): its top classes, then per block the size of its input and, for
// a residual block, of what its branch adds; the feature maps go to RUN_DIR/activations.json.
#include "activations.h"
#include "cifar10.h"
#include "cli_common.h"
#include "run_folder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <cmath>

namespace rx::cli {

namespace {

class CliActivations {
    Q_DECLARE_TR_FUNCTIONS(rx::CliActivations)
public:
    static QString help() {
        return tr(
            "Activation viewer: for one test image, each block's input x, what its residual "
            "branch adds F(x), and its output, as feature maps, with the network's top-3 "
            "classes. Writes RUN_DIR/activations.json.");
    }
    static QString runArg() { return tr("The run folder (with its checkpoint.pt)."); }
    static QString imageOption() {
        return tr("The test image: its index in test_batch.bin, 0 to 9999 (default 0).");
    }
    static QString dataOption() { return tr("Folder with the CIFAR-10 .bin files."); }
    static QString threadsOption(int cores) {
        return tr("CPU threads (default: every core, %1 here).").arg(cores);
    }
    static QString needRun() { return tr("give one RUN_DIR"); }
    static QString notFolder(const QString& dir) {
        return tr("%1 is not a run folder (a folder that training wrote)").arg(dir);
    }
    static QString image(int index, const QString& label) {
        return tr("test image %1 · true class: %2").arg(index).arg(label);
    }
    static QString topHeader() { return tr("top classes:"); }
    static QString blockHeader() { return tr("block"); }
    static QString kindHeader() { return tr("kind"); }
    static QString shapeHeader() { return tr("output shape"); }
    static QString inputNormHeader() { return tr("‖x‖"); }
    static QString ratioHeader() { return tr("‖F(x)‖ / ‖x‖"); }
    static QString residual() { return tr("residual"); }
    static QString plain() { return tr("plain"); }
    static QString downsampling() { return tr("downsampling"); }
    static QString wrote(const QString& path, double seconds) {
        return tr("wrote %1 (%2 s)").arg(path).arg(seconds, 0, 'f', 1);
    }
};

QString cell(const QString& text, int width) {
    return text.leftJustified(width);
}

void printSnapshot(const ActivationSnapshot& s) {
    out() << s.architecture << " · "
          << CliActivations::image(s.image,
                                   cifarClassText(QLatin1String(kCifarClassNames[s.label])))
          << '\n'
          << CliActivations::topHeader();
    for (const ClassProbability& p : s.top)
        out() << "  " << cifarClassText(QLatin1String(kCifarClassNames[p.label]))
              << QStringLiteral(" %1 %").arg(100.0 * p.probability, 0, 'f', 1);
    out() << "\n\n"
          << cell(CliActivations::blockHeader(), 12) << cell(CliActivations::kindHeader(), 26)
          << cell(CliActivations::shapeHeader(), 16) << cell(CliActivations::inputNormHeader(), 12)
          << CliActivations::ratioHeader() << '\n';
    for (const BlockActivations& b : s.blocks) {
        QString kind = b.residual ? CliActivations::residual() : CliActivations::plain();
        if (b.downsampling)
            kind += QStringLiteral(", ") + CliActivations::downsampling();
        out() << cell(b.name, 12) << cell(kind, 26)
              << cell(QStringLiteral("%1×%2×%3")
                          .arg(b.output.channels)
                          .arg(b.output.height)
                          .arg(b.output.width),
                      16)
              << cell(QString::number(b.input.norm(), 'f', 1), 12)
              << (std::isfinite(b.residualRatio) ? QString::number(b.residualRatio, 'f', 3)
                                                 : QStringLiteral("–"))
              << '\n';
    }
    out().flush();
}

}  // namespace

int analyzeActivationsCommand(const QStringList& args) {
    const QString command = QStringLiteral("analyze activations");
    QCommandLineParser p;
    p.setApplicationDescription(CliActivations::help());
    p.addPositionalArgument("RUN_DIR", CliActivations::runArg());
    p.addOptions({{"image", CliActivations::imageOption(), "N"},
                  {"data", CliActivations::dataOption(), "DIR"},
                  {"threads", CliActivations::threadsOption(QThread::idealThreadCount()), "N"}});
    if (const auto code = parseOptions(p, command, args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, command, CliActivations::needRun());
    int image = 0, threads = 0;
    if (!number(p, QStringLiteral("image"), &image) ||
        !number(p, QStringLiteral("threads"), &threads))
        return kExitUsage;
    if (threads < 0)
        return usageError(p, command,
                          badValueMessage(QStringLiteral("threads"), p.value("threads")));
    const QString runDir = p.positionalArguments().first();
    if (!QFileInfo(runDir).isDir()) {
        err() << CliActivations::notFolder(runDir) << Qt::endl;
        return kExitFailure;
    }
    const QString dataDir = findCifar10(p.value("data"));
    if (!looksLikeCifar10(dataDir)) {
        err() << noDataMessage() << Qt::endl;
        return kExitFailure;
    }
    QElapsedTimer clock;
    clock.start();
    ActivationProbe probe;
    ActivationSnapshot snapshot;
    QString error;
    if (!probe.open(runDir, dataDir, &error, threads) || !probe.compute(image, &snapshot, &error) ||
        !writeActivations(runDir, snapshot, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    printSnapshot(snapshot);
    out() << '\n'
          << CliActivations::wrote(QDir(runDir).filePath(QLatin1String(kRunActivationsFile)),
                                   double(clock.elapsed()) / 1000.0)
          << Qt::endl;
    return kExitOk;
}

}  // namespace rx::cli
