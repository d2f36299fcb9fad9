// Throughput of the training step (resnet-20 and plain-20, batch 128) and of the data pipeline
// alone (index, normalise, pad-crop-flip). Run by hand: build/tests/benchmarks/bench_training
// [--iterations N] [--threads N]. Uses $CIFAR10_DIR when present, else random images.
#include "cifar10.h"
#include "pipeline.h"
#include "presets.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace rx;

namespace {

constexpr int kBatch = 128;

double trainStep(const QString& name, const DeviceSplit& data, const Normalizer& norm,
                 int iterations) {
    torch::manual_seed(1);
    Network net(*preset(name));
    torch::optim::SGD sgd(net->parameters(),
                          torch::optim::SGDOptions(0.1).momentum(0.9).weight_decay(1e-4));
    net->train();
    QElapsedTimer timer;
    for (int it = -2; it < iterations; ++it) {  // two warm-up iterations are not timed
        if (it == 0)
            timer.start();
        at::Generator g = makeGenerator(1, 2, quint64(it + 2));
        const torch::Tensor index = torch::randint(0, data.size(), {kBatch}, g, torch::kLong);
        const torch::Tensor x = augment(norm(data.images.index_select(0, index)), g);
        sgd.zero_grad();
        const torch::Tensor loss = torch::nn::functional::cross_entropy(
            net->forward(x), data.labels.index_select(0, index));
        loss.backward();
        sgd.step();
    }
    return double(iterations) * kBatch / (timer.nsecsElapsed() / 1e9);
}

double pipelineOnly(const DeviceSplit& data, const Normalizer& norm, int iterations) {
    QElapsedTimer timer;
    timer.start();
    double checksum = 0;
    for (int it = 0; it < iterations; ++it) {
        at::Generator g = makeGenerator(1, 2, quint64(it));
        const torch::Tensor index = torch::randint(0, data.size(), {kBatch}, g, torch::kLong);
        checksum += augment(norm(data.images.index_select(0, index)), g).sum().item<double>();
    }
    (void)checksum;
    return double(iterations) * kBatch / (timer.nsecsElapsed() / 1e9);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int iterations = 20, threads = 0;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--iterations")
            iterations = args[i + 1].toInt();
        if (args[i] == "--threads")
            threads = args[i + 1].toInt();
    }
    // As the trainer does: every core unless told otherwise (LibTorch may start with one).
    torch::set_num_threads(threads > 0 ? threads : QThread::idealThreadCount());
    QTextStream out(stdout);

    DeviceSplit data;
    QString source;
    CifarData cifar;
    QString error;
    const QString dir = findCifar10();
    if (!dir.isEmpty() && loadCifar10(dir, &cifar, &error)) {
        data = toDevice(cifar.train, 0, cifar.train.size(), torch::kCPU);
        source = QStringLiteral("CIFAR-10 from ") + dir;
    } else {
        data.images = torch::randint(0, 256, {10000, 3, 32, 32}, torch::kUInt8);
        data.labels = torch::randint(0, 10, {10000}, torch::kLong);
        source = QStringLiteral("random images (no CIFAR-10 found)");
    }
    const Normalizer norm = Normalizer::fit(data.images, Normalization::PerChannel);
    out << "device CPU, " << torch::get_num_threads() << " threads, batch " << kBatch << ", "
        << source << '\n';
    out << QStringLiteral("%1 %2 img/s\n")
               .arg("data pipeline alone", -28)
               .arg(pipelineOnly(data, norm, iterations * 10), 9, 'f', 0);
    out.flush();
    for (const char* name : {"resnet-20", "plain-20"}) {
        out << QStringLiteral("%1 %2 img/s\n")
                   .arg(QStringLiteral("training step, %1").arg(name), -28)
                   .arg(trainStep(name, data, norm, iterations), 9, 'f', 0);
        out.flush();
    }
    return 0;
}
