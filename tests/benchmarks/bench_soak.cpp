// Soak: a long real training run with every metric on and the dashboard open (offscreen), as a
// student's two-hour run would have it. It measures what must stay flat: the process's resident
// memory after the warm-up (target: grows < 50 MB) and the UI thread's longest stall while the
// trainer streams its records into the plots (target: < 50 ms).
// Run by hand: QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_soak [--iterations N]
//   [--batch N] [--subset N] [--warmup N]   (defaults: 10000 iterations of resnet-20, batch 32,
//   2048 training images, warm-up 500 iterations)
#include "memory.h"
#include "presets.h"
#include "train_form.h"
#include "trainer.h"
#include "training_dashboard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>
#include <algorithm>
#include <cstdio>

using namespace rx;

namespace {

double residentMb() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(::sysconf(_SC_PAGESIZE)) / 1048576.0
                             : 0;
}

}  // namespace

int main(int argc, char** argv) {
    keepTensorMemoryInHeap();  // as the app's main() does
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{"iterations", "Training iterations.", "N", "10000"},
                  {"batch", "Mini-batch size.", "N", "32"},
                  {"subset", "Training images.", "N", "2048"},
                  {"warmup", "Iterations before memory is measured.", "N", "500"}});
    p.process(app);
    const int iterations = p.value("iterations").toInt();
    const int warmup = std::min(p.value("warmup").toInt(), iterations / 2);

    const QString data = qEnvironmentVariable("CIFAR10_DIR");
    if (data.isEmpty()) {
        std::fprintf(stderr, "set CIFAR10_DIR to the CIFAR-10 binary batches\n");
        return 2;
    }
    QTemporaryDir runs;
    TrainingDashboard dashboard;
    dashboard.resize(1280, 800);
    dashboard.show();
    dashboard.setRunsDirectory(runs.path());
    dashboard.setDataDirectory(data);
    dashboard.setNetwork(*preset(QStringLiteral("resnet-20")), true);

    // Every metric on, often: train metrics and gradient norms every iteration, the Fig. 7
    // responses and block dynamics every 100, a test every 1000.
    TrainConfig c;
    c.iterations = iterations;
    c.batchSize = p.value("batch").toInt();
    c.trainSubset = p.value("subset").toInt();
    c.testSubset = 1000;
    c.logEvery = 1;
    c.probeEvery = 100;
    c.testEvery = 1000;
    c.warmupIterations = 0;
    dashboard.form()->setConfig(c);

    // The UI thread's stalls: a 5 ms timer and the longest gap between its ticks beyond that.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.elapsed();
    qint64 longestStall = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestStall = std::max(longestStall, now - lastTick - 5);
        lastTick = now;
    });

    double warmRss = 0, peakRss = 0;
    int lastIteration = 0;
    bool failed = false;
    QObject::connect(&dashboard, &TrainingDashboard::message, [&](const QString& text) {
        std::fprintf(stderr, "%s\n", qPrintable(text));
        failed = true;
    });
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        lastIteration = std::max(lastIteration, dashboard.lastIteration());
        if (lastIteration >= warmup) {
            const double rss = residentMb();
            if (warmRss == 0)
                warmRss = rss;
            peakRss = std::max(peakRss, rss);
        }
        if (!dashboard.isTraining() && lastIteration > 0)
            app.quit();
    });
    QTimer::singleShot(0, [&] {
        dashboard.start();
        lastTick = clock.elapsed();
        ticker.start(5);
        sampler.start(250);
    });
    QElapsedTimer total;
    total.start();
    app.exec();

    std::printf(
        "resnet-20, %d iterations (batch %d, %d images), train metrics and gradient norms "
        "every iteration, responses every 100, tests every 1000, dashboard open\n",
        lastIteration, c.batchSize, c.trainSubset);
    std::printf("run time:                       %.0f s\n", total.nsecsElapsed() / 1e9);
    std::printf("resident memory after warm-up:  %.0f MB (iteration %d)\n", warmRss, warmup);
    std::printf("largest resident memory after:  %.0f MB\n", peakRss);
    std::printf("growth after the warm-up:       %.1f MB   (target < 50 MB)\n", peakRss - warmRss);
    std::printf("longest UI stall:               %lld ms   (target < 50 ms)\n",
                static_cast<long long>(longestStall));
    return failed || lastIteration < iterations ? 1 : 0;
}
