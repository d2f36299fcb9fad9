// A run folder for tests of what reads trained weights (Predictions, the loss landscape): a small
// residual network (resnet-8 shape) with random weights and non-trivial BN statistics, so that its
// predictions spread over several classes, saved as a run's architecture and checkpoint. Torch
// tests only.
#pragma once

#include "network.h"
#include "pipeline.h"
#include "presets.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QDir>
#include <QtTest>

namespace rx::test {

inline void writeTinyRun(const QString& dir, quint64 seed = 5) {
    const NetworkSpec spec =
        cifarNet(QStringLiteral("tiny"), BlockKind::Basic, 1, ShortcutOption::ZeroPad);
    torch::manual_seed(seed);
    Network net(spec);
    {
        torch::NoGradGuard noGrad;
        for (auto& item : net->named_parameters())
            if (item.key().find("bn") != std::string::npos)
                item.value().uniform_(0.5, 1.5);
        net->train();
        for (int i = 0; i < 3; ++i)
            net->forward(torch::randn({16, 3, 32, 32}));
    }
    net->eval();
    QDir().mkpath(dir);
    QVERIFY(saveSpecFile(QDir(dir).filePath(kRunArchitectureFile), spec, nullptr));
    Checkpoint info{10, torch::full({3, 1, 1}, 0.45), torch::full({3, 1, 1}, 0.25), {}};
    QString error;
    QVERIFY2(saveCheckpoint(QDir(dir).filePath(kRunCheckpointFile), net, nullptr, info, &error),
             qPrintable(error));
}

}  // namespace rx::test
