// Every row of the block kind table (model/block_kinds.h) builds, counts and draws: a new kind
// added to the table is checked here without touching this file.
#include "block_palette.h"
#include "network.h"
#include "network_canvas.h"
#include "palette_icons.h"
#include "presets.h"

#include <QApplication>
#include <QtTest>

using namespace rx;

namespace {

// A three-stage CIFAR net of one kind: 16, 32, 64 wide, one block per stage.
NetworkSpec netOf(BlockKind kind, ShortcutOption shortcut) {
    return cifarNet(QStringLiteral("test"), kind, 1, shortcut);
}

// The module names of a module's parameters and buffers, in registration order, without the
// tensor's own name ("layer1.0.conv1.weight" → "layer1.0.conv1"), each once.
QStringList moduleNames(const torch::nn::Module& module) {
    QStringList names;
    auto add = [&](const std::string& key) {
        const QString name = QString::fromStdString(key.substr(0, key.rfind('.')));
        if (names.isEmpty() || names.last() != name)
            names << name;
    };
    for (const auto& item : module.named_parameters())
        add(item.key());
    return names;
}

// The analysis' layers that hold parameters, in order.
QStringList weightedLayerNames(const Analysis& a) {
    QStringList names;
    for (const BlockInfo& block : a.blocks)
        for (const LayerInfo& layer : block.layers)
            if (layer.params > 0)
                names << layer.name;
    return names;
}

// The lines a block box should list, read straight from the plan.
QStringList planLines(const BlockKindInfo& kind, int width, int stride) {
    QStringList lines;
    if (kind.preActivation)
        lines << QStringLiteral("BN, ReLU first");
    for (const LayerStep& step : kind.plan) {
        if (step.op != StepOp::Conv)
            continue;
        QString line = QStringLiteral("%1×%1 conv, %2")
                           .arg(step.kernel)
                           .arg(step.to == StepWidth::Output ? width * kind.expansion : width);
        if (step.strided() && stride > 1)
            line += QStringLiteral(", /%1").arg(stride);
        lines << line;
    }
    return lines;
}

// Whether a kind's plan applies a ReLU after the addition (post-activation kinds).
bool reluAfterAdd(const BlockKindInfo& kind) {
    for (size_t i = 0; i + 1 < kind.plan.size(); ++i)
        if (kind.plan[i].op == StepOp::Add)
            return kind.plan[i + 1].op == StepOp::Relu;
    return false;
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

// Trained-looking BN statistics, so that eval mode and folding have something to do.
void randomiseBatchNorm(torch::nn::Module& net) {
    torch::NoGradGuard noGrad;
    for (auto& module : net.modules(false))
        if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
            bn->running_mean.uniform_(-0.5, 0.5);
            bn->running_var.uniform_(0.5, 2.0);
            bn->weight.uniform_(0.5, 1.5);
            bn->bias.uniform_(-0.2, 0.2);
        }
}

}  // namespace

class TestBlockKinds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        torch::set_num_threads(2);
    }

    void everyKindBuildsAndCounts_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("shortcut");
        for (const BlockKindInfo& info : blockKinds())
            for (const ShortcutOptionInfo& option : kShortcutOptions)
                QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(info.id, option.id)))
                    << int(info.value) << int(option.value);
    }
    void everyKindBuildsAndCounts() {
        QFETCH(int, kind);
        QFETCH(int, shortcut);
        const NetworkSpec spec = netOf(BlockKind(kind), ShortcutOption(shortcut));
        const Analysis a = analyze(spec);
        QVERIFY2(a.ok(), qPrintable(a.errorMessages().join('\n')));
        QCOMPARE(a.depth, depthRule(BlockKind(kind), 3, 1).depth());
        QCOMPARE(a.depth, 3 * weightedLayers(BlockKind(kind)) + 2);

        Network net(spec);
        QCOMPARE(countParameters(*net), a.params);
        QCOMPARE(moduleNames(*net), weightedLayerNames(a));
        net->train();
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> responses;
        const torch::Tensor out = net->forward(torch::randn({2, 3, 32, 32}), &responses);
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 10}));
        QVERIFY(torch::isfinite(out).all().item<bool>());
        QCOMPARE(int(responses.size()), int(a.responseLayers().size()));
        // One response per marked conv of each block, plus the CIFAR stem's 3×3 conv.
        int marked = 0;
        for (const LayerStep& step : blockKindInfo(BlockKind(kind)).plan)
            marked += step.response();
        QCOMPARE(int(responses.size()), 3 * marked + 1);
    }

    // The inference form (BN folded into the convs, channels-last, ReLU and addition in place)
    // computes what the eval-mode module computes, responses included, and train() drops it.
    void everyKindFoldsForInference_data() { everyKindBuildsAndCounts_data(); }
    void everyKindFoldsForInference() {
        QFETCH(int, kind);
        QFETCH(int, shortcut);
        Network net(netOf(BlockKind(kind), ShortcutOption(shortcut)));
        torch::NoGradGuard noGrad;
        // Trained-looking BN statistics, so that folding has something to fold.
        for (auto& module : net->modules(false))
            if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
                bn->running_mean.uniform_(-0.5, 0.5);
                bn->running_var.uniform_(0.5, 2.0);
                bn->weight.uniform_(0.5, 1.5);
                bn->bias.uniform_(-0.2, 0.2);
            }
        const torch::Tensor x = torch::randn({4, 3, 32, 32});
        const torch::Tensor input = x.clone();
        net->eval();
        std::vector<torch::Tensor> plainResponses, foldedResponses;
        const torch::Tensor expected = net->forward(x, &plainResponses);
        net->foldForInference();
        QVERIFY(net->isFolded());
        const torch::Tensor folded = net->forward(x);
        const torch::Tensor foldedWithResponses = net->forward(x, &foldedResponses);
        QVERIFY(torch::equal(x, input));  // in-place steps never touch the caller's tensor
        const double scale = expected.abs().max().item<double>();
        QVERIFY2((folded - expected).abs().max().item<double>() < 1e-4 * scale,
                 qPrintable(QString::number((folded - expected).abs().max().item<double>())));
        QVERIFY((foldedWithResponses - expected).abs().max().item<double>() < 1e-4 * scale);
        QCOMPARE(foldedResponses.size(), plainResponses.size());
        for (size_t i = 0; i < plainResponses.size(); ++i) {
            const double s = plainResponses[i].abs().max().item<double>();
            QVERIFY((foldedResponses[i] - plainResponses[i]).abs().max().item<double>() < 1e-4 * s);
        }
        net->train();
        QVERIFY(!net->isFolded());
    }

    // Issue 11's insight views read each block's x, F(x), shortcut and output, and leave blocks
    // out (Veit et al.'s lesion): in the module's own forward and in its inference form.
    void everyKindTapsAndLesions_data() { everyKindBuildsAndCounts_data(); }
    void everyKindTapsAndLesions() {
        QFETCH(int, kind);
        QFETCH(int, shortcut);
        const BlockKindInfo& info = blockKindInfo(BlockKind(kind));
        // Two blocks a stage: every second block keeps its shape, so even plain ones can go.
        Network net(cifarNet(QStringLiteral("test"), BlockKind(kind), 2, ShortcutOption(shortcut)));
        randomiseBatchNorm(*net);
        torch::NoGradGuard noGrad;
        const torch::Tensor x = torch::randn({4, 3, 32, 32});
        net->eval();
        const torch::Tensor expected = net->forward(x);
        const size_t n = net->blocks().size();
        QCOMPARE(n, size_t(6));
        QCOMPARE(net->blockNames().first(), QStringLiteral("layer1.0"));
        QCOMPARE(net->blockNames().last(), QStringLiteral("layer3.1"));
        for (const bool folded : {false, true}) {
            if (folded)
                net->foldForInference();
            std::vector<BlockTap> taps;
            ForwardProbe probe;
            probe.blocks = &taps;
            QVERIFY(maxDifference(net->forward(x, probe), expected) < 1e-4);
            QCOMPARE(taps.size(), n);
            for (size_t i = 0; i < n; ++i) {
                const BlockTap& t = taps[i];
                if (i > 0)
                    QVERIFY(torch::equal(t.input, taps[i - 1].output));
                QCOMPARE(t.residual.defined(), info.residual);
                if (!info.residual)
                    continue;
                const torch::Tensor sum = t.residual + t.shortcut;
                QVERIFY(maxDifference(reluAfterAdd(info) ? torch::relu(sum) : sum, t.output) <
                        1e-5);
            }
            for (size_t i = 0; i < n; ++i) {
                ForwardProbe lesion;
                lesion.lesioned.assign(n, false);
                lesion.lesioned[i] = true;
                std::vector<BlockTap> cut;
                lesion.blocks = &cut;
                if (!net->blocks()[i]->canLesion()) {
                    QVERIFY(!info.residual &&
                            i % 2 == 0);  // the first of a stage changes the shape
                    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net->forward(x, lesion));
                    continue;
                }
                const torch::Tensor logits = net->forward(x, lesion);
                QVERIFY(maxDifference(logits, expected) > 1e-4);     // the block mattered
                QVERIFY(torch::equal(cut[i].input, taps[i].input));  // the blocks before did not
                if (info.residual) {
                    // The shortcut alone: the same shortcut as in the whole net, F(x) = 0.
                    QVERIFY(maxDifference(cut[i].shortcut, taps[i].shortcut) < 1e-6);
                    QCOMPARE(cut[i].residual.abs().max().item<double>(), 0.0);
                    const torch::Tensor s = cut[i].shortcut;
                    QVERIFY(torch::equal(cut[i].output, reluAfterAdd(info) ? torch::relu(s) : s));
                } else {
                    QVERIFY(torch::equal(cut[i].output, cut[i].input));
                }
            }
        }
    }

    // A residual block whose branch is zero adds nothing: leaving it out changes no logit (the
    // property behind the lesion study's zero-initialised check).
    void zeroBranchesMakeLesionsExact() {
        for (const BlockKindInfo& info : blockKinds()) {
            if (!info.residual)
                continue;
            Network net(
                cifarNet(QStringLiteral("test"), info.value, 2, ShortcutOption::ProjectOnChange));
            randomiseBatchNorm(*net);
            torch::NoGradGuard noGrad;
            // The branch's last layer: its BN (post-activation) or its conv (pre-activation).
            for (const Block& block : net->blocks()) {
                std::shared_ptr<torch::nn::Module> last;
                for (const auto& m : block->named_children())
                    if (m.key().starts_with(info.preActivation ? "conv" : "bn"))
                        last = m.value();  // registered in plan order
                QVERIFY(last);
                for (auto& p : last->parameters())
                    p.zero_();  // a BN's weight and bias, or a conv's weight
            }
            net->eval();
            const torch::Tensor x = torch::randn({4, 3, 32, 32});
            const torch::Tensor whole = net->forward(x);
            for (size_t i = 0; i < net->blocks().size(); ++i) {
                ForwardProbe lesion;
                lesion.lesioned.assign(net->blocks().size(), false);
                lesion.lesioned[i] = true;
                QVERIFY2(torch::equal(net->forward(x, lesion), whole),
                         qPrintable(QStringLiteral("%1, block %2").arg(info.id).arg(i)));
            }
        }
    }

    void everyKindDraws() {
        NetworkCanvas canvas;
        BlockPalette palette;
        for (const BlockKindInfo& info : blockKinds()) {
            const NetworkSpec spec = netOf(info.value, ShortcutOption::ProjectOnChange);
            canvas.setSpec(spec, analyze(spec), true);
            QCOMPARE(canvas.blockBoxCount(), 3);
            QCOMPARE(canvas.linesOf({CanvasRef::Kind::Block, 0, 0}), planLines(info, 16, 1));
            QCOMPARE(canvas.linesOf({CanvasRef::Kind::Block, 1, 0}), planLines(info, 32, 2));
            // Pre-activation nets end with BN and ReLU before the pooling (final_bn).
            QCOMPARE(canvas.linesOf({CanvasRef::Kind::Head}).first() == "BN, ReLU",
                     info.preActivation);
            QVERIFY(!canvas.isMarkedInvalid({CanvasRef::Kind::Block, 1, 0}));
            // Every title fits its box, the long collapsed ones too ("layer1 · ×18 plain
            // pre-activation bottleneck blocks" ran out of its box, cut in the middle).
            QCOMPARE(canvas.titleOverflowOf({CanvasRef::Kind::Block, 1, 0}), 0.0);
            NetworkSpec deep = spec;
            deep.stages[0].blocks = 18;
            canvas.setSpec(deep, analyze(deep), true);
            QVERIFY(canvas.isCollapsed(0));
            QCOMPARE(canvas.titleOverflowOf({CanvasRef::Kind::Stage, 0, -1}), 0.0);
            canvas.setSpec(spec, analyze(spec), true);

            QListWidgetItem* item = palette.itemFor(blockPayload(info.value));
            QVERIFY2(item, info.id);
            QCOMPARE(item->text(), QString::fromUtf8(info.text));
            QVERIFY2(!item->toolTip().isEmpty(), info.id);
            QVERIFY(!item->icon().isNull());
            QVERIFY(!item->icon().pixmap(32, 32).isNull());
            QCOMPARE(blockFromPayload(blockPayload(info.value)), std::optional(info.value));
            const Rgb c = info.color;
            QCOMPARE(blockColor(info.value), QColor(c.r, c.g, c.b));
        }
    }

    void plainAndResidualCounterpartsPair() {
        for (const BlockKindInfo& info : blockKinds()) {
            const BlockKind other = withResidual(info.value, !info.residual);
            if (other == info.value)
                continue;  // a kind without a counterpart stays what it is
            QCOMPARE(blockKindInfo(other).residual, !info.residual);
            QCOMPARE(withResidual(other, info.residual), info.value);
            QCOMPARE(weightedLayers(other), weightedLayers(info.value));
        }
    }
};

QTEST_MAIN(TestBlockKinds)
#include "tst_block_kinds.moc"
