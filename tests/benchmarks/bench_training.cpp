// Issue #12's table: the C++ training step (also with LibTorch's convolutions in place of the own
// kernels of fast_conv.h, for comparison) against the same step in PyTorch (reference_step.py,
// NCHW and channels-last, run as child processes on Debian's python3-torch), alternated, several
// rounds, medians of ratios measured within a round; GFLOP/s of the step as a fraction of the
// sgemm rate measured in the same round; the shortcut cost (resnet-20 / plain-20 step time); the
// metrics overhead (the real trainer with its default metrics on and off); the data pipeline
// alone on one core; the start-up (from Trainer::run() to the end of the first iteration).
//
// Run by hand (make bench):  build/tests/benchmarks/bench_training [--rounds 3]
//   [--iterations 20] [--threads N] [--nets resnet-20,resnet-56,plain-20] [--no-python]
//   [--metrics-iterations 200] [--no-metrics] [--device cpu|cuda]
// Uses $CIFAR10_DIR when present, else random images; $RX_PYTHON (default /usr/bin/python3).
#include "bench_common.h"
#include "cifar10.h"
#include "cpu_features.h"
#include "fast_conv.h"
#include "memory.h"
#include "pipeline.h"
#include "presets.h"
#include "train_step.h"
#include "trainer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <map>

using namespace rx;

namespace {

constexpr int kBatch = 128;

struct Data {
    torch::Device device{torch::kCPU};
    DeviceSplit train;
    Normalizer norm;
    QString source;
};

// images/s of `iterations` steps of the trainer's own TrainStep (two untimed warm-up steps).
double cppImagesPerSecond(const QString& name, const Data& data, int iterations,
                          Precision precision = Precision::Fp32) {
    torch::manual_seed(1);
    Network net(*preset(name));
    net->to(data.device);
    const TrainConfig defaults;
    torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(defaults.learningRate)
                                                 .momentum(defaults.momentum)
                                                 .weight_decay(defaults.weightDecay));
    TrainStep step(net, sgd, precision);
    QElapsedTimer timer;
    for (int it = -2; it < iterations; ++it) {
        if (it == 0) {
            step.totals();
            timer.start();
        }
        at::Generator g = makeGenerator(1, 2, quint64(it + 2));
        const torch::Tensor index =
            torch::randint(0, data.train.size(), {kBatch}, g, torch::kLong).to(data.device);
        const torch::Tensor x = trainingBatch(data.train, index, data.norm, &g);
        step.run(it + 3, x, data.train.labels.index_select(0, index), defaults.learningRate);
    }
    step.totals();  // waits for the device
    return double(iterations) * kBatch / (timer.nsecsElapsed() / 1e9);
}

QString python() {
    const QString p = qEnvironmentVariable("RX_PYTHON");
    return p.isEmpty() ? QStringLiteral("/usr/bin/python3") : p;
}

// images/s of reference_step.py in a child process; negative when it cannot run.
double pythonImagesPerSecond(const QString& name, bool channelsLast, int iterations, int threads,
                             const QString& device, QString* why,
                             Precision precision = Precision::Fp32) {
    QStringList args{QStringLiteral(RX_REFERENCE_STEP),
                     "--arch",
                     name,
                     "--iterations",
                     QString::number(iterations),
                     "--threads",
                     QString::number(threads)};
    if (channelsLast)
        args << "--channels-last";
    args << "--precision" << idOf(kPrecisions, precision) << "--device" << device;
    QProcess child;
    child.start(python(), args);
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        *why = QString::fromUtf8(child.readAllStandardError()).trimmed().section('\n', -1);
        if (why->isEmpty())
            *why = child.errorString();
        return -1;
    }
    const QString line = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
    return line.section(' ', 1).toDouble();
}

double pipelineOnOneCore(const Data& data, int iterations) {
    const int threads = torch::get_num_threads();
    torch::set_num_threads(1);
    QElapsedTimer timer;
    timer.start();
    for (int it = 0; it < iterations; ++it) {
        at::Generator g = makeGenerator(1, 2, quint64(it));
        const torch::Tensor index = torch::randint(0, data.train.size(), {kBatch}, g, torch::kLong);
        trainingBatch(data.train, index, data.norm, &g);
        data.train.labels.index_select(0, index);
    }
    const double rate = double(iterations) * kBatch / (timer.nsecsElapsed() / 1e9);
    torch::set_num_threads(threads);
    return rate;
}

// The real trainer on resnet-20 for `iterations` iterations, seconds from `started` to
// `finished` (data loading excluded); `metrics` false turns off the Fig. 7 responses, the block
// dynamics (probe_images 0) and all but the last gradient-norm report. Also the seconds from
// run() to the end of the first iteration (the start-up); `finalLoss` gets the last report's
// training loss.
struct TrainerTimes {
    double training = -1;
    double startup = -1;
};
TrainerTimes timeTrainer(const QString& dataDir, int iterations, bool metrics, int threads,
                         DeviceChoice device, Precision precision = Precision::Fp32,
                         double* finalLoss = nullptr) {
    QTemporaryDir dir;
    TrainConfig c;
    c.spec = *preset(QStringLiteral("resnet-20"));
    c.dataDir = dataDir;
    c.runDir = dir.filePath(QStringLiteral("run"));
    c.iterations = iterations;
    c.testSubset = kBatch;  // the last iteration's test: small, and the same in both
    c.threads = threads;
    c.precision = precision;
    c.device = device;
    if (!metrics) {
        c.probeImages = 0;
        c.logEvery = iterations;
    }
    Trainer trainer(c);
    QElapsedTimer sinceRun, sinceStart;
    TrainerTimes t;
    QObject::connect(&trainer, &Trainer::started, [&] { sinceStart.start(); });
    QObject::connect(&trainer, &Trainer::trainMetrics, [&](const TrainMetrics& m) {
        if (finalLoss)
            *finalLoss = m.loss;
    });
    QObject::connect(&trainer, &Trainer::progress, [&](const TrainingProgress& p) {
        if (p.iteration == 1)
            t.startup = sinceRun.nsecsElapsed() / 1e9;
    });
    bool ok = false;
    QObject::connect(&trainer, &Trainer::finished, [&](int, bool completed) {
        t.training = sinceStart.nsecsElapsed() / 1e9;
        ok = completed;
    });
    sinceRun.start();
    trainer.run();
    return ok ? t : TrainerTimes{};
}

QString fixed(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    keepTensorMemoryInHeap();  // as the CLI and the app do
    const QStringList args = app.arguments();
    int rounds = 3, iterations = 20, threads = QThread::idealThreadCount(), metricsIterations = 200;
    QStringList nets{"resnet-20", "resnet-56", "plain-20"};
    bool withPython = true, withMetrics = true;
    QString deviceId = QStringLiteral("cpu");
    for (int i = 1; i < args.size(); ++i) {
        const QString value = i + 1 < args.size() ? args[i + 1] : QString();
        if (args[i] == "--rounds")
            rounds = value.toInt();
        else if (args[i] == "--iterations")
            iterations = value.toInt();
        else if (args[i] == "--threads")
            threads = value.toInt();
        else if (args[i] == "--nets")
            nets = value.split(',');
        else if (args[i] == "--metrics-iterations")
            metricsIterations = value.toInt();
        else if (args[i] == "--no-python")
            withPython = false;
        else if (args[i] == "--no-metrics")
            withMetrics = false;
        else if (args[i] == "--device")
            deviceId = value;
    }
    torch::set_num_threads(threads);
    QTextStream out(stdout);

    Data data;
    try {
        data.device = torch::Device(deviceId.toStdString());
    } catch (const std::exception&) {
        out << "--device: cpu or cuda, not " << deviceId << '\n';
        return 1;
    }
    CifarData cifar;
    QString error;
    const QString dir = findCifar10();
    if (!dir.isEmpty() && loadCifar10(dir, &cifar, &error)) {
        data.train = toDevice(cifar.train, 0, cifar.train.size(), data.device);
        data.source = QStringLiteral("CIFAR-10 from ") + dir;
    } else {
        data.train.images =
            torch::randint(0, 256, {10000, 3, 32, 32}, torch::kUInt8).to(data.device);
        data.train.labels = torch::randint(0, 10, {10000}, torch::kLong).to(data.device);
        data.source = QStringLiteral("random images (no CIFAR-10 found)");
    }
    data.norm = Normalizer::fit(data.train.images, Normalization::PerChannel);
    const DeviceChoice choice = data.device.is_cuda() ? DeviceChoice::Cuda : DeviceChoice::Cpu;
    out << (data.device.is_cuda() ? QStringLiteral("CUDA") : QStringLiteral("CPU")) << ", "
        << threads << " threads, batch " << kBatch << ", " << data.source << ", " << rounds
        << " rounds of " << iterations << " timed iterations, alternating\n";
    out.flush();

    // Per network: every round's C++ and Python rates, and the ratios within each round.
    std::map<QString, std::vector<double>> cpp, lib, nchw, cl, vsNchw, vsCl, fraction, shortcut;
    std::vector<double> sgemms;
    for (int r = 0; r < rounds; ++r) {
        const double sgemm = bench::sgemmRate(bench::kSgemmSize, data.device);
        sgemms.push_back(sgemm);
        std::map<QString, double> roundCpp;
        for (const QString& name : nets) {
            // The same step with LibTorch's convolutions instead of the own kernels (fast_conv.h).
            setOwnConvKernels(false);
            lib[name].push_back(cppImagesPerSecond(name, data, iterations));
            setOwnConvKernels(true);
            const double c = cppImagesPerSecond(name, data, iterations);
            roundCpp[name] = c;
            cpp[name].push_back(c);
            const double gflop = 6.0 * double(analyze(*preset(name)).macs) * kBatch / 1e9;
            fraction[name].push_back(c / kBatch * gflop / sgemm);
            QString line = QStringLiteral("round %1 %2: C++ %3 img/s (LibTorch convs %4)")
                               .arg(r + 1)
                               .arg(name)
                               .arg(fixed(c, 0), fixed(lib[name].back(), 0));
            if (withPython) {
                QString why;
                const double n =
                    pythonImagesPerSecond(name, false, iterations, threads, deviceId, &why);
                const double l =
                    pythonImagesPerSecond(name, true, iterations, threads, deviceId, &why);
                if (n <= 0 || l <= 0) {
                    out << "the Python reference could not run (" << why
                        << "); --no-python leaves it out\n";
                    return 1;
                }
                nchw[name].push_back(n);
                cl[name].push_back(l);
                vsNchw[name].push_back(c / n);
                vsCl[name].push_back(c / l);
                line += QStringLiteral(", PyTorch NCHW %1, channels-last %2")
                            .arg(fixed(n, 0), fixed(l, 0));
            }
            out << line << QStringLiteral(", sgemm %1 GFLOP/s\n").arg(fixed(sgemm, 0));
            out.flush();
        }
        if (roundCpp.count("resnet-20") && roundCpp.count("plain-20"))
            shortcut["resnet-20"].push_back(roundCpp["plain-20"] / roundCpp["resnet-20"]);
    }

    out << "\n"
        << QStringLiteral("%1 %2 %9 %3 %4 %5 %6 %7 %8\n")
               .arg("network", -10)
               .arg("C++ img/s", 10)
               .arg("Py NCHW", 9)
               .arg("Py CL", 7)
               .arg("C++/NCHW", 9)
               .arg("C++/CL", 7)
               .arg("GFLOP/s", 8)
               .arg("of sgemm", 9)
               .arg("(lib convs)", 12);
    for (const QString& name : nets) {
        const double gflop = 6.0 * double(analyze(*preset(name)).macs) * kBatch / 1e9;
        const double c = bench::median(cpp[name]);
        auto orDash = [&](const std::vector<double>& v, int decimals) {
            return v.empty() ? QStringLiteral("-") : fixed(bench::median(v), decimals);
        };
        out << QStringLiteral("%1 %2 %9 %3 %4 %5 %6 %7 %8\n")
                   .arg(name, -10)
                   .arg(fixed(c, 0), 10)
                   .arg(orDash(nchw[name], 0), 9)
                   .arg(orDash(cl[name], 0), 7)
                   .arg(orDash(vsNchw[name], 2), 9)
                   .arg(orDash(vsCl[name], 2), 7)
                   .arg(fixed(c / kBatch * gflop, 1), 8)
                   .arg(fixed(100 * bench::median(fraction[name]), 0) + " %", 9)
                   .arg(orDash(lib[name], 0), 12);
    }
    out << QStringLiteral(
               "targets: C++/NCHW >= 1.25, C++/CL >= 1.10, resnet-20 >= 65 % of sgemm "
               "(median sgemm %1 GFLOP/s, torch::mm %2 x %2)\n")
               .arg(fixed(bench::median(sgemms), 0))
               .arg(bench::kSgemmSize);
    if (!shortcut["resnet-20"].empty())
        out << QStringLiteral(
                   "shortcut cost: resnet-20 / plain-20 step time %1 (median of rounds; target "
                   "<= 1.05)\n")
                   .arg(fixed(bench::median(shortcut["resnet-20"]), 3));
    if (data.device.is_cpu())
        out << QStringLiteral("data pipeline alone, one core: %1 img/s (target >= 50,000)\n")
                   .arg(fixed(pipelineOnOneCore(data, 200), 0));
    out.flush();

    // bf16 autocast: only where the CPU computes bf16 natively (elsewhere it is emulated, about
    // 100 times slower, and the trainer refuses it).
    if (data.device.is_cpu() && !cpuHasNativeBf16()) {
        out << "bf16: not measured, this CPU has no native bf16 (AVX-512 BF16 or AMX)\n";
    } else if (nets.contains("resnet-20")) {
        std::vector<double> speedups, vsPython;
        for (int r = 0; r < rounds; ++r) {
            const double fp32 = cppImagesPerSecond("resnet-20", data, iterations);
            const double bf16 = cppImagesPerSecond("resnet-20", data, iterations, Precision::Bf16);
            speedups.push_back(bf16 / fp32);
            QString why;
            const double py = withPython
                                  ? pythonImagesPerSecond("resnet-20", true, iterations, threads,
                                                          deviceId, &why, Precision::Bf16)
                                  : -1;
            if (py > 0)
                vsPython.push_back(bf16 / py);
        }
        out << QStringLiteral(
                   "bf16 (%1), resnet-20: %2x fp32's images/s, %3x PyTorch's CPU bf16 "
                   "autocast (channels-last)\n")
                   .arg(cpuBf16Features(), fixed(bench::median(speedups), 2),
                        vsPython.empty() ? QStringLiteral("-") : fixed(bench::median(vsPython), 2));
        if (!dir.isEmpty()) {
            double fp32Loss = 0, bf16Loss = 0;
            timeTrainer(dir, metricsIterations, false, threads, choice, Precision::Fp32, &fp32Loss);
            timeTrainer(dir, metricsIterations, false, threads, choice, Precision::Bf16, &bf16Loss);
            out << QStringLiteral(
                       "bf16 accuracy cost, resnet-20, %1 iterations, seed 1: training "
                       "loss %2 (bf16) against %3 (fp32)\n")
                       .arg(metricsIterations)
                       .arg(fixed(bf16Loss, 4), fixed(fp32Loss, 4));
        }
    }
    out.flush();

    if (withMetrics && !dir.isEmpty()) {
        std::vector<double> overheads, startups;
        for (int r = 0; r < rounds; ++r) {
            const TrainerTimes on = timeTrainer(dir, metricsIterations, true, threads, choice);
            const TrainerTimes off = timeTrainer(dir, metricsIterations, false, threads, choice);
            if (on.training <= 0 || off.training <= 0) {
                out << "the trainer did not finish\n";
                return 1;
            }
            overheads.push_back(on.training / off.training - 1);
            startups.push_back(on.startup);
            startups.push_back(off.startup);
            out << QStringLiteral(
                       "round %1 trainer, %2 iterations: metrics on %3 s, off %4 s, "
                       "start-up %5 s and %6 s\n")
                       .arg(r + 1)
                       .arg(metricsIterations)
                       .arg(fixed(on.training, 1), fixed(off.training, 1), fixed(on.startup, 2),
                            fixed(off.startup, 2));
            out.flush();
        }
        out << QStringLiteral(
                   "metrics overhead (default responses, block dynamics, gradient norms): "
                   "%1 % (median; target <= 3 %)\n")
                   .arg(fixed(100 * bench::median(overheads), 1));
        out << QStringLiteral(
                   "start-up, run() to the end of the first iteration: %1 s (median; target "
                   "<= 2 s)\n")
                   .arg(fixed(bench::median(startups), 2));
    }
    return 0;
}
