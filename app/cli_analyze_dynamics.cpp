// `analyze dynamics RUN_DIR`: the block dynamics a run recorded while training
// (training/dynamics.h): per block, the residual ratio and the gradient at its output at the
// first and the last measurement, printed as a table and written to RUN_DIR/dynamics.json.
#include "cli_common.h"
#include "dynamics.h"
#include "metrics.h"
#include "run_folder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace rx::cli {

namespace {

class CliDynamics {
    Q_DECLARE_TR_FUNCTIONS(rx::CliDynamics)
public:
    static QString help() {
        return tr(
            "Block dynamics over training: each block's residual ratio ‖F(x)‖ / ‖x‖ and "
            "the norm of the loss gradient at its output, as the run measured them. "
            "Writes RUN_DIR/dynamics.json.");
    }
    static QString runArg() { return tr("The run folder (with its metrics.jsonl)."); }
    static QString needRun() { return tr("give one RUN_DIR"); }
    static QString notFolder(const QString& dir) {
        return tr("%1 is not a run folder (a folder that training wrote)").arg(dir);
    }
    static QString summary(const QString& arch, int measurements, int first, int last) {
        return tr("%1 · %2 measurements, iterations %3 to %4")
            .arg(arch)
            .arg(measurements)
            .arg(first)
            .arg(last);
    }
    static QString blockHeader() { return tr("block"); }
    static QString ratioHeader(int iteration) { return tr("ratio @%1").arg(iteration); }
    static QString gradientHeader(int iteration) { return tr("gradient @%1").arg(iteration); }
    static QString wrote(const QString& path) { return tr("wrote %1").arg(path); }
};

QString cell(const QString& text, int width) {
    return text.leftJustified(width);
}

QString number(double v, char format, int precision) {
    return std::isfinite(v) ? QString::number(v, format, precision) : QStringLiteral("–");
}

void printHistory(const BlockHistory& h) {
    const int first = h.iterations.first(), last = h.iterations.last();
    out() << CliDynamics::summary(h.architecture, h.measurements(), first, last) << "\n\n"
          << cell(CliDynamics::blockHeader(), 12) << cell(CliDynamics::ratioHeader(first), 14)
          << cell(CliDynamics::ratioHeader(last), 14)
          << cell(CliDynamics::gradientHeader(first), 16) << CliDynamics::gradientHeader(last)
          << '\n';
    for (qsizetype b = 0; b < h.blocks.size(); ++b)
        out() << cell(h.blocks[b], 12) << cell(number(h.residualRatio[b].first(), 'f', 3), 14)
              << cell(number(h.residualRatio[b].last(), 'f', 3), 14)
              << cell(number(h.activationGradient[b].first(), 'e', 2), 16)
              << number(h.activationGradient[b].last(), 'e', 2) << '\n';
    out().flush();
}

}  // namespace

int analyzeDynamicsCommand(const QStringList& args) {
    const QString command = QStringLiteral("analyze dynamics");
    QCommandLineParser p;
    p.setApplicationDescription(CliDynamics::help());
    p.addPositionalArgument("RUN_DIR", CliDynamics::runArg());
    if (const auto code = parseOptions(p, command, args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, command, CliDynamics::needRun());
    const QString runDir = p.positionalArguments().first();
    if (!QFileInfo(runDir).isDir()) {
        err() << CliDynamics::notFolder(runDir) << Qt::endl;
        return kExitFailure;
    }
    BlockHistory history;
    QString error;
    if (!readBlockHistory(runDir, &history, &error) ||
        !writeBlockHistory(runDir, history, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    if (history.skippedMetricLines > 0)
        err() << skippedLinesText(history.skippedMetricLines) << Qt::endl;
    printHistory(history);
    out() << '\n'
          << CliDynamics::wrote(QDir(runDir).filePath(QLatin1String(kRunDynamicsFile))) << Qt::endl;
    return kExitOk;
}

}  // namespace rx::cli
