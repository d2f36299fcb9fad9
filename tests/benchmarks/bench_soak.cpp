// Soak: a long real training run with every metric on and the dashboard open (offscreen), as a
// student's two-hour run would have it. It measures what must stay flat: the process's resident
// memory after the warm-up (target: grows < 50 MB) and the UI thread's longest stall while the
// trainer streams its records into the plots (target: < 50 ms).
//
// Resident memory goes up and down within a test interval (the probe's and the test's passes
// need more than a training step), so the run after the warm-up is cut into windows of one test
// interval each, and the growth compares like with like: the trend of each window's least and
// of its largest resident memory over the run. A leak shows in both.
//
// Run by hand: QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_soak [--iterations N]
//   [--batch N] [--subset N] [--warmup N] [--test-every N] [--trace FILE]   (defaults: 10000
//   iterations of resnet-20, batch 32, 2048 training images, warm-up 500 iterations, a test every
//   1000; --trace writes "seconds iteration resident_MB peak_MB" lines)
#include "../proc_status.h"
#include "background.h"
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
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace rx;

struct Sample {
    double seconds;
    int iteration;
    double residentMb;  // at the sample
    double peakMb;      // the largest since the sample before
};

// The least and the largest resident memory of one test interval.
struct Window {
    double floor = 1e300, peak = 0;
    void add(const Sample& s) {
        floor = std::min(floor, s.residentMb), peak = std::max(peak, s.peakMb);
    }
};

struct Stall {
    qint64 ms;
    int iteration;
};

int main(int argc, char** argv) {
    keepTensorMemoryInHeap();  // as the app's main() does
    keepInterfaceResponsive();
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{"iterations", "Training iterations.", "N", "10000"},
                  {"batch", "Mini-batch size.", "N", "32"},
                  {"subset", "Training images.", "N", "2048"},
                  {"warmup", "Iterations before memory is measured.", "N", "500"},
                  {"test-every", "Iterations between tests: the measuring window.", "N", "1000"},
                  {"trace", "Write the resident memory samples to FILE.", "FILE"}});
    p.process(app);
    const int iterations = p.value("iterations").toInt();
    const int warmup = std::min(p.value("warmup").toInt(), iterations / 2);
    const int window = std::max(1, p.value("test-every").toInt());

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
    // responses and block dynamics every 100 (and every epoch end), a test every 1000.
    TrainConfig c;
    c.iterations = iterations;
    c.batchSize = p.value("batch").toInt();
    c.trainSubset = p.value("subset").toInt();
    c.testSubset = 1000;
    c.logEvery = 1;
    c.probeEvery = 100;
    c.testEvery = window;
    c.warmupIterations = 0;
    dashboard.form()->setConfig(c);

    // The UI thread's stalls: a 5 ms timer and the gaps between its ticks beyond that.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.elapsed();
    std::vector<Stall> stalls;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        if (now - lastTick - 5 > 20)
            stalls.push_back({now - lastTick - 5, dashboard.lastIteration()});
        lastTick = now;
    });

    std::vector<Sample> samples;
    int lastIteration = 0;
    bool failed = false;
    QObject::connect(&dashboard, &TrainingDashboard::message, [&](const QString& text) {
        std::fprintf(stderr, "%s\n", qPrintable(text));
        failed = true;
    });
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        lastIteration = std::max(lastIteration, dashboard.lastIteration());
        samples.push_back({clock.elapsed() / 1000.0, lastIteration, test::procStatusMb("VmRSS"),
                           test::procStatusMb("VmHWM")});
        test::resetPeakResident();
        if (!dashboard.isTraining() && lastIteration > 0)
            app.quit();
    });
    QTimer::singleShot(0, [&] {
        dashboard.start();
        lastTick = clock.elapsed();
        ticker.start(5);
        test::resetPeakResident();
        sampler.start(250);
    });
    app.exec();

    if (p.isSet("trace")) {
        QFile trace(p.value("trace"));
        if (trace.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream out(&trace);
            for (const Sample& s : samples)
                out << s.seconds << ' ' << s.iteration << ' ' << s.residentMb << ' ' << s.peakMb
                    << '\n';
        }
    }
    // Window k holds iterations (k·window, (k+1)·window]: its probes, and its test at the end.
    const int firstWindow = (warmup + window - 1) / window;
    std::map<int, Window> windows;
    double warmRss = 0;
    for (const Sample& s : samples) {
        if (s.iteration < warmup || s.iteration == 0)
            continue;
        if (warmRss == 0)
            warmRss = s.residentMb;
        const int k = (s.iteration - 1) / window;
        if (k >= firstWindow)
            windows[k].add(s);
    }
    std::sort(stalls.begin(), stalls.end(),
              [](const Stall& a, const Stall& b) { return a.ms > b.ms; });

    std::printf(
        "resnet-20, %d iterations (batch %d, %d images), train metrics and gradient norms "
        "every iteration, responses every 100, tests every %d, dashboard open\n",
        lastIteration, c.batchSize, c.trainSubset, window);
    std::printf("run time:                       %.0f s\n",
                samples.empty() ? 0.0 : samples.back().seconds);
    std::printf("resident memory after warm-up:  %.0f MB (iteration %d)\n", warmRss, warmup);
    std::printf("windows of %d iterations:       least / largest resident memory (MB)\n", window);
    for (const auto& [k, w] : windows)
        std::printf("  iterations %5d-%5d:        %.0f / %.0f\n", k * window + 1, (k + 1) * window,
                    w.floor, w.peak);
    // The trend of the windows' least and largest resident memory (least squares) over the span
    // from the first window to the last: a single window's peak varies by ±25 MB with what the
    // test at its end happens to reuse, a leak adds up window after window.
    const auto trend = [&](double Window::*field) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (const auto& [k, w] : windows)
            n += 1, sx += k, sy += w.*field, sxx += double(k) * k, sxy += k * (w.*field);
        const double slope = (n * sxy - sx * sy) / std::max(1e-9, n * sxx - sx * sx);
        return slope * (windows.rbegin()->first - windows.begin()->first);
    };
    double growth = 0;
    if (windows.size() >= 2) {
        const Window& first = windows.begin()->second;
        const Window& last = windows.rbegin()->second;
        std::printf("last window vs first:           least %+.1f MB, largest %+.1f MB\n",
                    last.floor - first.floor, last.peak - first.peak);
        const double least = trend(&Window::floor), largest = trend(&Window::peak);
        std::printf("trend over the windows:         least %+.1f MB, largest %+.1f MB\n", least,
                    largest);
        growth = std::max(least, largest);
    } else {
        std::printf("growth: fewer than two windows after the warm-up, nothing to compare\n");
    }
    std::printf("growth after the warm-up:       %.1f MB   (the larger trend; target < 50 MB)\n",
                growth);
    std::printf("longest UI stall:               %lld ms   (target < 50 ms)\n",
                static_cast<long long>(stalls.empty() ? 0 : stalls.front().ms));
    std::printf("stalls over 20 ms:              %zu; the longest at iterations", stalls.size());
    for (size_t i = 0; i < std::min<size_t>(5, stalls.size()); ++i)
        std::printf(" %d (%lld ms)", stalls[i].iteration, static_cast<long long>(stalls[i].ms));
    std::printf("\n");
    return failed || lastIteration < iterations || windows.size() < 2 ? 1 : 0;
}
