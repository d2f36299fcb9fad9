// `experiment`: the paper's experiments (training/experiments.h) as one queued, resumable unit:
// `list` shows them with their runs and estimated times, `run` trains them into one folder,
// writes summary.json and draws figure.png / figure.pdf with the dashboard's plot classes.
#include "cifar10.h"
#include "cli_common.h"
#include "cli_progress.h"
#include "experiment_figure.h"
#include "experiments.h"
#include "metrics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cmath>

namespace rx::cli {

namespace {

class CliExperiment {
    Q_DECLARE_TR_FUNCTIONS(rx::CliExperiment)
public:
    static QString unknown(const QString& name) {
        return tr("unknown experiment '%1' (see 'experiment list')").arg(name);
    }
};

QString percent(const std::optional<double>& fraction) {
    return fraction ? QString::number(*fraction * 100.0, 'f', 2) + QLatin1Char('%')
                    : QStringLiteral("—");
}

// --threads, --device: the machine the estimate or the runs are for.
bool machineOptions(const QCommandLineParser& p, ExperimentOptions* o) {
    if (p.isSet("threads")) {
        bool ok = false;
        o->threads = p.value("threads").toInt(&ok);
        if (!ok || o->threads < 0) {
            err() << badValueMessage(QStringLiteral("threads"), p.value("threads")) << Qt::endl;
            return false;
        }
    }
    if (p.isSet("device")) {
        const auto device = fromId(kDevices, p.value("device"));
        if (!device) {
            err() << badValueMessage(QStringLiteral("device"), p.value("device")) << Qt::endl;
            return false;
        }
        o->device = *device;
    }
    return true;
}

void addMachineOptions(QCommandLineParser& p) {
    p.addOptions({
        {"threads", CliExperiment::tr("CPU threads (default: every core)."), "N"},
        {"device", CliExperiment::tr("Device: %1 (default auto).").arg(idList(kDevices)), "DEVICE"},
    });
}

int listCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(CliExperiment::tr(
        "List the experiments with their networks and the time each variant takes here, "
        "estimated from a measured training step."));
    addMachineOptions(p);
    p.addOption({"no-estimate", CliExperiment::tr("Do not measure a step; print no times.")});
    if (const auto code = parseOptions(p, QStringLiteral("experiment list"), args))
        return *code;
    ExperimentOptions options;
    if (!machineOptions(p, &options))
        return kExitUsage;
    double secondsPerMac = -1;
    if (!p.isSet("no-estimate")) {
        TrainConfig config;
        config.threads = options.threads;
        config.device = options.device;
        QString device, error;
        secondsPerMac = measureSecondsPerMac(config, &device, &error);
        if (secondsPerMac < 0) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
        out()
            << CliExperiment::tr("times estimated from a measured training step on %1").arg(device)
            << "\n\n";
    }
    out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("NAME"), -12)
                 .arg(QStringLiteral("RUNS quick/full"), -16)
                 .arg(QStringLiteral("QUICK"), -8)
                 .arg(QStringLiteral("FULL"), -9)
                 .arg(QStringLiteral("TITLE"));
    for (const ExperimentInfo& info : experiments()) {
        options.quick = true;
        const ExperimentPlan quick = planExperiment(info, options);
        options.quick = false;
        const ExperimentPlan full = planExperiment(info, options);
        const auto time = [&](const ExperimentPlan& plan) {
            return secondsPerMac < 0 ? QStringLiteral("—")
                                     : durationText(estimateExperimentSeconds(plan, secondsPerMac));
        };
        out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(QLatin1String(info.id), -12)
                     .arg(QStringLiteral("%1/%2").arg(quick.runs.size()).arg(full.runs.size()), -16)
                     .arg(time(quick), -8)
                     .arg(time(full), -9)
                     .arg(experimentTitle(info));
        QStringList names;
        for (const PlannedRun& run : full.runs)
            names << run.name;
        out() << QStringLiteral("%1%2\n").arg(QString(), 14).arg(names.join(QStringLiteral(", ")));
        out() << QStringLiteral("%1%2\n")
                     .arg(QString(), 14)
                     .arg(CliExperiment::tr("quick: %1").arg(quickRecipeText(info)));
    }
    return kExitOk;
}

void printSummary(const ExperimentSummary& s) {
    out() << QStringLiteral("\n%1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("NETWORK"), -12)
                 .arg(QStringLiteral("STATE"), -9)
                 .arg(QStringLiteral("TRAIN ERR"), 9)
                 .arg(QStringLiteral("TEST ERR"), 9)
                 .arg(QStringLiteral("PAPER"), 7);
    for (const ExperimentRunResult& r : s.runs)
        out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(r.name, -12)
                     .arg(r.state ? runStateId(*r.state) : QStringLiteral("—"), -9)
                     .arg(percent(r.finalTrainError), 9)
                     .arg(percent(r.finalTestError), 9)
                     .arg(percent(r.paperTestError), 7);
    out().flush();
}

int runCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(CliExperiment::tr(
        "Train an experiment's networks one after another into DIR (one run folder each), then "
        "write DIR/summary.json and the figure DIR/figure.png and DIR/figure.pdf."));
    p.addPositionalArgument(QStringLiteral("NAME"),
                            CliExperiment::tr("The experiment (see 'experiment list')."));
    p.addOptions({
        {"quick",
         CliExperiment::tr("The quick variant for a CPU: fewer networks, a training subset, "
                           "fewer iterations.")},
        {"out", CliExperiment::tr("The experiment's folder."), "DIR"},
        {"data", CliExperiment::tr("Folder with the CIFAR-10 .bin files."), "DIR"},
        {"seed", CliExperiment::tr("Random seed of every run (default 1)."), "S"},
        {"iterations",
         CliExperiment::tr("Train each network for N iterations instead of the variant's."), "N"},
        {"resume", CliExperiment::tr("Continue the experiment in DIR where it stopped.")},
    });
    addMachineOptions(p);
    if (const auto code = parseOptions(p, QStringLiteral("experiment run"), args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, QStringLiteral("experiment run"),
                          CliExperiment::tr("give one experiment NAME"));
    const ExperimentInfo* info = findExperiment(p.positionalArguments().first());
    if (!info) {
        err() << CliExperiment::unknown(p.positionalArguments().first()) << Qt::endl;
        return kExitUsage;
    }
    if (!p.isSet("out"))
        return usageError(p, QStringLiteral("experiment run"),
                          CliExperiment::tr("--out DIR is required"));
    ExperimentOptions options;
    options.quick = p.isSet("quick");
    options.dir = p.value("out");
    if (!machineOptions(p, &options))
        return kExitUsage;
    if (!number(p, QStringLiteral("seed"), &options.seed))
        return kExitUsage;
    if (p.isSet("iterations")) {
        bool ok = false;
        options.iterations = p.value("iterations").toInt(&ok);
        if (!ok || options.iterations < 1) {
            err() << badValueMessage(QStringLiteral("iterations"), p.value("iterations"))
                  << Qt::endl;
            return kExitUsage;
        }
    }
    options.dataDir = findCifar10(p.value("data"));
    if (options.dataDir.isEmpty()) {
        err() << noDataMessage() << Qt::endl;
        return kExitFailure;
    }

    ExperimentRunner runner(planExperiment(*info, options));
    std::unique_ptr<ProgressPrinter> printer;
    QObject::connect(&runner, &ExperimentRunner::runSkipped, &runner, [&](int index) {
        err() << QStringLiteral("[%1/%2] %3: ")
                     .arg(index + 1)
                     .arg(runner.plan().runs.size())
                     .arg(runner.plan().runs[index].name)
              << CliExperiment::tr("finished earlier, kept") << Qt::endl;
    });
    QObject::connect(
        &runner, &ExperimentRunner::runStarted, &runner, [&](int index, Trainer* trainer) {
            const PlannedRun& run = runner.plan().runs[index];
            err() << QStringLiteral("[%1/%2] %3 → %4")
                         .arg(index + 1)
                         .arg(runner.plan().runs.size())
                         .arg(run.name, run.config.runDir)
                  << Qt::endl;
            printer = std::make_unique<ProgressPrinter>(trainer, &runner, run.config.runDir);
        });
    bool completed = false;
    QObject::connect(&runner, &ExperimentRunner::finished, &runner, [&](bool done) {
        completed = done;
        QCoreApplication::exit(0);
    });
    bool failed = false;
    QObject::connect(
        &runner, &ExperimentRunner::runEnded, &runner,
        [&](int, RunState state, const QString&) { failed = failed || state == RunState::Failed; });
    const auto interrupt = onInterrupt(&runner, [&runner] {
        err() << '\n'
              << CliExperiment::tr(
                     "stopping: the current run keeps its checkpoint; continue "
                     "with --resume")
              << Qt::endl;
        runner.stop();
    });
    err() << experimentTitle(*info) << " — " << experimentVariantText(options.quick) << " · "
          << (options.quick ? quickRecipeText(*info) : QString()) << Qt::endl;
    QString error;
    if (!runner.start(p.isSet("resume"), &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    if (runner.isRunning() || !completed)
        QCoreApplication::exec();

    const ExperimentSummary summary = summarizeExperiment(runner.plan());
    printSummary(summary);
    for (const ExperimentRunResult& r : summary.runs)
        if (r.skippedMetricLines > 0)
            err() << r.dir << ": " << skippedLinesText(r.skippedMetricLines) << Qt::endl;
    const QDir dir(options.dir);
    if (!writeExperimentFigure(options.dir,
                               {dir.filePath(QStringLiteral("figure.png")),
                                dir.filePath(QStringLiteral("figure.pdf"))},
                               &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << CliExperiment::tr("summary: %1; figure: %2")
                 .arg(dir.filePath(QLatin1String(kExperimentSummaryFile)),
                      dir.filePath(QStringLiteral("figure.png")))
          << Qt::endl;
    if (!completed && !failed)
        err() << CliExperiment::tr(
                     "stopped; continue with: resnet-explorer-cli experiment run %1%2 "
                     "--out %3 --resume")
                     .arg(QLatin1String(info->id),
                          options.quick ? QStringLiteral(" --quick") : QString(), options.dir)
              << Qt::endl;
    return failed ? kExitFailure : kExitOk;
}

}  // namespace

int experimentCommand(const QStringList& args) {
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return listCommand(args.mid(1));
    if (sub == QLatin1String("run"))
        return runCommand(args.mid(1));
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? out() : err())
        << "usage: resnet-explorer-cli experiment list [--threads N] [--no-estimate]\n"
           "       resnet-explorer-cli experiment run NAME [--quick] --out DIR [--data DIR] "
           "[--threads N] [--seed S] [--resume]\n";
    (help ? out() : err()).flush();
    return help ? kExitOk : kExitUsage;
}

}  // namespace rx::cli
