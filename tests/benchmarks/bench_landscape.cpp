// The loss landscape's speed (issue 11): a 21×21 grid on 1,000 training images for resnet-20
// (target: within 5 minutes on 2 cores, i.e. ≥ 120 GFLOP/s of inference), reported beside this
// machine's sgemm rate (torch::mm on large float matrices) measured in the same run, before and
// after, so that the landscape's GFLOP/s reads as a fraction of what the cores can do right now.
// Run by hand: build/tests/benchmarks/bench_landscape [--grid N] [--images N] [--arch NAME]
// [--batch N] [--threads N]. A smaller --grid is extrapolated to 21×21 (time per point × 441).
// Uses $CIFAR10_DIR when present, else synthetic images.
#include "../cifar_fixture.h"
#include "bench_common.h"
#include "landscape.h"
#include "memory.h"
#include "pipeline.h"
#include "presets.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace rx;

namespace {

constexpr int kTargetGrid = 21;
constexpr double kTargetSeconds = 300;

}  // namespace

int main(int argc, char** argv) {
    keepTensorMemoryInHeap();  // as the CLI and the app do
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    LandscapeOptions options;
    options.grid = kTargetGrid;
    QString arch = QStringLiteral("resnet-20");
    for (int i = 0; i + 1 < args.size(); ++i) {
        const QString& key = args[i];
        const QString& value = args[i + 1];
        if (key == "--grid")
            options.grid = value.toInt();
        else if (key == "--images")
            options.images = value.toInt();
        else if (key == "--arch")
            arch = value;
        else if (key == "--batch")
            options.batchSize = value.toInt();
        else if (key == "--threads")
            options.threads = value.toInt();
    }
    QTextStream out(stdout);
    const auto spec = preset(arch);
    if (!spec) {
        out << "unknown architecture " << arch << '\n';
        return 1;
    }
    const int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    torch::set_num_threads(threads);

    // A run folder with the architecture's initial weights (the speed does not depend on them).
    QTemporaryDir tmp;
    const QString run = tmp.filePath(QStringLiteral("run"));
    QDir().mkpath(run);
    torch::manual_seed(1);
    Network net(*spec);
    QString error;
    if (!saveSpecFile(QDir(run).filePath(kRunArchitectureFile), *spec, &error) ||
        !saveCheckpoint(QDir(run).filePath(kRunCheckpointFile), net, nullptr, {}, &error)) {
        out << error << '\n';
        return 1;
    }
    options.dataDir = findCifar10();
    if (options.dataDir.isEmpty()) {
        options.dataDir = tmp.filePath(QStringLiteral("cifar"));
        test::writeSyntheticCifar(options.dataDir, std::max(1, options.images / 5 + 1), 10);
    }
    const double macs = double(net->analysis().macs);
    const int points = options.grid * options.grid;
    out << arch << " (" << QString::number(macs / 1e6, 'f', 1) << "M multiply-adds an image), "
        << options.grid << "×" << options.grid << " grid, " << options.images
        << " training images (" << options.dataDir << "), batch " << options.batchSize << ", "
        << threads << " threads\n";
    out.flush();

    const double sgemmBefore = bench::sgemmRate();
    Landscape landscape;
    QElapsedTimer timer;
    timer.start();
    if (!computeLandscape(run, options, &landscape, &error)) {
        out << error << '\n';
        return 1;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double sgemmAfter = bench::sgemmRate();
    const double sgemm = 0.5 * (sgemmBefore + sgemmAfter);
    const double gflops = 2.0 * macs * landscape.images * points / seconds / 1e9;
    const double extrapolated = seconds / points * kTargetGrid * kTargetGrid;
    out << QStringLiteral("landscape: %1 s for %2 points (%3 s a point), %4 GFLOP/s\n")
               .arg(seconds, 0, 'f', 1)
               .arg(points)
               .arg(seconds / points, 0, 'f', 3)
               .arg(gflops, 0, 'f', 1);
    out << QStringLiteral("sgemm (torch::mm of %1 × %1 floats): %2 GFLOP/s before, %3 after\n")
               .arg(bench::kSgemmSize)
               .arg(sgemmBefore, 0, 'f', 1)
               .arg(sgemmAfter, 0, 'f', 1);
    out << QStringLiteral(
               "landscape / sgemm: %1 (the landscape runs at this fraction of the machine's "
               "sgemm rate)\n")
               .arg(gflops / sgemm, 0, 'f', 3);
    out << QStringLiteral("21×21 on %1 images: %2 s%3 (target ≤ %4 s)\n")
               .arg(landscape.images)
               .arg(extrapolated, 0, 'f', 0)
               .arg(options.grid == kTargetGrid ? QString() : QStringLiteral(" extrapolated"))
               .arg(kTargetSeconds, 0, 'f', 0);
    return 0;
}
