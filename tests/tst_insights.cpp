// Issue 11's measurements of what each block does (training/pipeline.h blockDynamics): the
// residual ratio ‖F(x)‖ / ‖s(x)‖ and the activation gradient ‖∂L/∂y‖ of each block's output.
#include "pipeline.h"
#include "presets.h"

#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

// The mean cross-entropy of logits over all rows, as blockDynamics defines L.
torch::Tensor meanLoss(const torch::Tensor& logits, const torch::Tensor& labels) {
    return torch::nn::functional::cross_entropy(logits, labels);
}

// The loss as a function of block b's output: the blocks after it, then the head.
torch::Tensor lossFrom(Network& net, size_t b, torch::Tensor y, const torch::Tensor& labels) {
    for (size_t i = b + 1; i < net->blocks().size(); ++i) {
        Block block = net->blocks()[i];  // a holder: shares the module
        y = block->forward(y);
    }
    return meanLoss(net->head(y), labels);
}

}  // namespace

class TestInsights : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        torch::set_num_threads(2);
    }

    // A residual block whose branch is zero adds nothing: ratio exactly 0. Plain blocks have
    // no ratio (NaN), and the probe leaves the weights' gradients alone.
    void zeroBranchHasZeroRatio() {
        Network net(cifarNet(QStringLiteral("t"), BlockKind::Basic, 2, ShortcutOption::ZeroPad));
        {
            torch::NoGradGuard noGrad;
            net->blocks()[1]
                ->named_children()[QStringLiteral("bn2").toStdString()]
                ->parameters()[0]
                .zero_();  // bn2.weight: F(x) = bn2.bias = 0
        }
        const torch::Tensor x = torch::randn({6, 3, 32, 32});
        const torch::Tensor y = torch::randint(0, 10, {6}, torch::kLong);
        const BlockDynamicsValues v = blockDynamics(net, x, y, 4);
        QCOMPARE(v.residualRatio.size(), size_t(6));
        QCOMPARE(v.residualRatio[1], 0.0);
        for (size_t b : {0, 2, 3})
            QVERIFY(v.residualRatio[b] > 0.05);
        for (double g : v.activationGradient)
            QVERIFY(g > 0 && std::isfinite(g));
        // The same forward passes give the Fig. 7 responses, as layerResponseStd does.
        const std::vector<double> responses = layerResponseStd(net, x, 4);
        QCOMPARE(v.responseStd.size(), responses.size());
        for (size_t l = 0; l < responses.size(); ++l)
            QVERIFY(std::abs(v.responseStd[l] - responses[l]) <= 1e-9 * responses[l]);
        for (const auto& p : net->parameters())
            QVERIFY(!p.grad().defined());
        QVERIFY(net->is_training());  // the mode it was in

        Network plain(
            cifarNet(QStringLiteral("p"), BlockKind::PlainBasic, 1, ShortcutOption::ZeroPad));
        const BlockDynamicsValues pv = blockDynamics(plain, x, y);
        for (double r : pv.residualRatio)
            QVERIFY(std::isnan(r));
        QCOMPARE(pv.activationGradient.size(), size_t(3));
    }

    // The activation-gradient norms are those of the true gradient of the mean loss: checked
    // against central finite differences of the loss as a function of each block's output, in
    // double precision, with the probe split into uneven batches.
    void activationGradientsMatchFiniteDifferences() {
        Network net(cifarNet(QStringLiteral("t"), BlockKind::Basic, 1, ShortcutOption::ZeroPad));
        net->to(torch::kDouble);
        net->eval();
        const torch::Tensor x = torch::randn({5, 3, 32, 32}, torch::kDouble);
        const torch::Tensor labels = torch::randint(0, 10, {5}, torch::kLong);
        const BlockDynamicsValues v = blockDynamics(net, x, labels, /*batchSize=*/2);
        std::vector<BlockTap> taps;
        ForwardProbe probe;
        probe.blocks = &taps;
        {
            torch::NoGradGuard noGrad;
            net->forward(x, probe);
        }
        for (size_t b = 0; b < taps.size(); ++b) {
            const torch::Tensor y = taps[b].output.detach().requires_grad_(true);
            const torch::Tensor g = torch::autograd::grad({lossFrom(net, b, y, labels)}, {y})[0];
            torch::NoGradGuard noGrad;
            // The test's own gradient is right: directional derivatives agree with it …
            for (int trial = 0; trial < 2; ++trial) {
                const torch::Tensor d = torch::randn_like(y);
                const torch::Tensor u = trial == 0 ? d / d.norm() : g / g.norm();
                const double eps = 1e-4;
                const double fd = (lossFrom(net, b, y + eps * u, labels).item<double>() -
                                   lossFrom(net, b, y - eps * u, labels).item<double>()) /
                                  (2 * eps);
                const double exact = (g * u).sum().item<double>();
                QVERIFY2(
                    std::abs(fd - exact) <= 1e-6 + 1e-4 * std::abs(exact),
                    qPrintable(QStringLiteral("block %1: %2 vs %3").arg(b).arg(fd).arg(exact)));
            }
            // … and blockDynamics reports its norm.
            const double norm = g.norm().item<double>();
            QVERIFY2(std::abs(v.activationGradient[b] - norm) <= 1e-9 * norm,
                     qPrintable(QStringLiteral("block %1: %2 vs %3")
                                    .arg(b)
                                    .arg(v.activationGradient[b])
                                    .arg(norm)));
        }
    }

    void cancelledProbeReportsNothing() {
        Network net(cifarNet(QStringLiteral("t"), BlockKind::Basic, 1, ShortcutOption::ZeroPad));
        const std::atomic<bool> stop{true};
        const BlockDynamicsValues v = blockDynamics(
            net, torch::randn({2, 3, 32, 32}), torch::zeros({2}, torch::kLong), 1, {&stop, {}});
        QVERIFY(v.activationGradient.empty() && v.residualRatio.empty());
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"
