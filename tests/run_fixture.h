// Run folders for tests of what reads trained weights (Predictions, the loss landscape, the lesion
// study, the activation viewer): small CIFAR nets with random or fitted weights and non-trivial BN
// statistics, saved as a run's architecture and checkpoint. Torch tests only.
#pragma once

#include "network.h"
#include "pipeline.h"
#include "presets.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QDir>
#include <QtTest>

namespace rx::test {

// A run folder with a small CIFAR net of `kind` (n blocks per stage, option A shortcuts), random
// weights (torch seed `seed`) and non-trivial BN statistics so that its predictions spread over
// the classes. `zeroBranches` zeroes the last BN (weight and bias) of every block: residual
// branches then add nothing. `fitTo`, when given, is a CIFAR-10 folder whose test images the net
// is first fitted to (Adam, a few epochs), so that its error is well below chance and a broken
// net shows.
inline void writeRun(const QString& dir, BlockKind kind, int n, bool zeroBranches = false,
                     const QString& fitTo = {}, quint64 seed = 7) {
    const NetworkSpec spec = cifarNet(QStringLiteral("tiny"), kind, n, ShortcutOption::ZeroPad);
    torch::manual_seed(seed);
    Network net(spec);
    const Normalizer norm{torch::full({3, 1, 1}, 0.45), torch::full({3, 1, 1}, 0.25)};
    if (!fitTo.isEmpty()) {
        CifarSplit test;
        QString error;
        QVERIFY2(
            readCifarBatch(QDir(fitTo).filePath(QStringLiteral("test_batch.bin")), &test, &error),
            qPrintable(error));
        const DeviceSplit split = toDevice(test, 0, test.size(), torch::kCPU);
        torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(0.01));
        net->train();
        for (int epoch = 0; epoch < 20; ++epoch)
            for (int64_t i = 0; i < split.size(); i += 100) {
                const torch::Tensor x = norm(split.images.slice(0, i, i + 100));
                const torch::Tensor loss = torch::nn::functional::cross_entropy(
                    net->forward(x), split.labels.slice(0, i, i + 100));
                adam.zero_grad();
                loss.backward();
                adam.step();
            }
    }
    {
        torch::NoGradGuard noGrad;
        if (fitTo.isEmpty()) {
            for (auto& item : net->named_parameters())
                if (item.key().find("bn") != std::string::npos)
                    item.value().uniform_(0.5, 1.5);
            net->train();
            for (int i = 0; i < 3; ++i)
                net->forward(torch::randn({16, 3, 32, 32}));
        }
        if (zeroBranches)
            for (const Block& block : net->blocks()) {
                std::shared_ptr<torch::nn::Module> last;
                for (const auto& m : block->named_children())
                    if (m.key().starts_with("bn"))
                        last = m.value();  // registered in plan order
                QVERIFY(last);
                for (auto& p : last->parameters())
                    p.zero_();
            }
    }
    net->eval();
    QDir().mkpath(dir);
    QVERIFY(saveSpecFile(QDir(dir).filePath(kRunArchitectureFile), spec, nullptr));
    Checkpoint info{10, norm.mean, norm.std, {}};
    QString error;
    QVERIFY2(saveCheckpoint(QDir(dir).filePath(kRunCheckpointFile), net, nullptr, info, &error),
             qPrintable(error));
}

// The resnet-8 shape (one basic block per stage).
inline void writeTinyRun(const QString& dir, quint64 seed = 5) {
    writeRun(dir, BlockKind::Basic, 1, false, {}, seed);
}

}  // namespace rx::test
