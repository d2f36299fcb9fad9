// Export: the PyTorch file loads with strict=True into an independent PyTorch model and gives the
// same logits; the libtorch file reloads for `eval`; the ONNX model passes ONNX's checker and
// OpenCV runs it to the app's logits; the PyTorch code loads the pytorch export and gives the
// app's logits; a read-only target fails clearly.
#include "cifar_fixture.h"
#include "export.h"
#include "fast_conv.h"
#include "pipeline.h"
#include "presets.h"
#include "spec_json.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rx;

namespace {

// The largest logit of a test net, about a trained CIFAR-10 net's.
constexpr double kLogitSize = 10;

// A run folder holding `spec` with random weights and non-trivial BN statistics, and a
// per-channel input normalisation (or, with perPixelMean, a per-pixel mean).
void makeRun(const QString& dir, const NetworkSpec& spec, Network* out, bool perPixelMean = false) {
    torch::manual_seed(3);
    Network net(spec);
    {
        torch::NoGradGuard noGrad;
        for (auto& item : net->named_parameters())
            if (item.key().find("bn") != std::string::npos ||
                item.key().find("downsample.1") != std::string::npos)
                item.value().uniform_(0.5, 1.5);
        // Running statistics as training leaves them (set, not trained: a train-mode forward
        // pass of a deep net took seconds here).
        for (auto& item : net->named_buffers()) {
            const std::string& key = item.key();
            if (key.ends_with("running_mean"))
                item.value().normal_(0, 0.2);
            else if (key.ends_with("running_var"))
                item.value().uniform_(0.5, 1.5);
        }
        // Logits of a trained net's size: random BN scales make a deep net's logits hundreds
        // (preact-resnet-164: 300), where a few float32 ulps of the logit alone exceed the
        // 1e-4 the exports are held to. The fc scales them down to about kLogitSize.
        net->foldForInference();
        const double largest = net->forward(torch::randn({8, spec.input.channels, spec.input.height,
                                                          spec.input.width}))
                                   .abs()
                                   .max()
                                   .item<double>();
        net->train();  // drops the inference form
        if (largest > kLogitSize)
            for (auto& item : net->named_parameters())
                if (item.key().rfind("fc.", 0) == 0)
                    item.value().mul_(kLogitSize / largest);
    }
    net->eval();
    QVERIFY(saveSpecFile(QDir(dir).filePath(kRunArchitectureFile), spec, nullptr));
    Checkpoint info{7, torch::full({3, 1, 1}, 0.5), torch::full({3, 1, 1}, 0.25), {}};
    if (perPixelMean) {
        info.inputMean = torch::rand({3, 32, 32}) * 0.2 + 0.4;
        info.inputStd = torch::full({1, 1, 1}, 0.3);
    }
    QString error;
    QVERIFY2(saveCheckpoint(QDir(dir).filePath(kRunCheckpointFile), net, nullptr, info, &error),
             qPrintable(error));
    *out = net;
}

void writeLogitsCsv(const QString& path, const torch::Tensor& logits) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const torch::Tensor l = logits.to(torch::kDouble).contiguous();
    for (int64_t r = 0; r < l.size(0); ++r) {
        QStringList row;
        for (int64_t c = 0; c < l.size(1); ++c)
            row << QString::number(l[r][c].item<double>(), 'g', 12);
        f.write(row.join(',').toUtf8() + '\n');
    }
}

NetworkSpec mixedSpec() {
    // Every block kind and shortcut option the Python side must mirror.
    NetworkSpec spec;
    spec.name = "mixed";
    spec.stem = {StemKind::ImageNet, 16};
    spec.stages = {{BlockKind::PreActBottleneck, 1, 8, 1, ShortcutOption::ProjectAll},
                   {BlockKind::Bottleneck, 2, 8, 2, ShortcutOption::ProjectOnChange},
                   {BlockKind::PlainPreActBasic, 1, 48, 1, ShortcutOption::ZeroPad},
                   {BlockKind::PreActBasic, 2, 64, 2, ShortcutOption::ZeroPad}};
    return spec;
}

// The kinds mixedSpec leaves out, and the remaining combinations: a pre-activated kind with both
// option A and projections (stages 3 and 4), projections with and without their BN (stages 1
// and 4), every option, a BN after the stem and before the pooling.
NetworkSpec everyKindSpec() {
    NetworkSpec spec;
    spec.name = "every-kind";
    spec.stem = {StemKind::Cifar, 16};
    spec.stages = {{BlockKind::Basic, 1, 16, 1, ShortcutOption::ProjectAll},
                   {BlockKind::PlainBottleneck, 1, 8, 2, ShortcutOption::ZeroPad},
                   {BlockKind::PreActBasic, 1, 48, 2, ShortcutOption::ZeroPad},
                   {BlockKind::PreActBasic, 2, 64, 1, ShortcutOption::ProjectAll},
                   {BlockKind::PlainBasic, 1, 64, 1, ShortcutOption::ZeroPad},
                   {BlockKind::Bottleneck, 1, 32, 2, ShortcutOption::ProjectOnChange},
                   {BlockKind::PlainPreActBottleneck, 1, 32, 1, ShortcutOption::ZeroPad}};
    return spec;
}

NetworkSpec specNamed(const QString& name) {
    if (name == "preact-bottleneck-29")  // preact-resnet-164's family, 9n+2 with n = 3
        return cifarNet(name, BlockKind::PreActBottleneck, 3, ShortcutOption::ProjectOnChange);
    if (name == "mixed")
        return mixedSpec();
    if (name == "every-kind")
        return everyKindSpec();
    return *preset(name);
}

// Test images compared between the app and the Python side.
constexpr int kCheckImages = 100;
// The largest difference allowed between the app's logits and those of the exported code in
// PyTorch: the ONNX export's bound. PyTorch's convolutions and the app's (BN folded, Winograd)
// differ by float rounding only, which grows with depth and with the logits' size (measured
// with logits about 10: 1e-5 for 20 layers, 5e-5 for preact-resnet-110).
constexpr double kCodeTolerance = 1e-4;
// Test images for the code export: eleven nets, two of them 110 and 164 layers deep, in
// PyTorch's and the app's forward passes; 20 images keep the test to seconds.
constexpr int kCodeImages = 20;

// The state_dict's float tensors (what an ONNX export must hold as initializers), a name a line.
void writeStateNames(const QString& path, const Network& net) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (const auto& item : net->named_parameters())
        f.write(QByteArray::fromStdString(item.key()) + '\n');
    for (const auto& item : net->named_buffers())
        if (item.value().is_floating_point())
            f.write(QByteArray::fromStdString(item.key()) + '\n');
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT

    QString python_;
    QTemporaryDir synthetic_;
    QString dataDir_;  // a test_batch.bin of kCheckImages images (real ones when present)

    QString script(const char* name) const {
        return qEnvironmentVariable("RX_SOURCE_DIR") + "/tests/python/" + name;
    }

    // The app's logits for `count` of the kCheckImages test images, as `eval --dump-logits` writes
    // them (evaluateWeights: inference mode, BN folded into the convs, the app's own conv kernels),
    // and those images as float32 RGB pixels in [0, 1], N×3×32×32: the plain input.
    void writeAppLogits(const QString& weights, const QString& pixels, const QString& logits,
                        int count = kCheckImages) {
        EvalOptions options;
        options.dataDir = dataDir_;
        options.testSubset = count;
        options.threads = 2;
        options.keepLogits = true;
        options.logitsCsv = logits;
        EvalResult result;
        QString error;
        QVERIFY2(evaluateWeights(weights, options, &result, &error), qPrintable(error));
        QCOMPARE(result.images, count);
        CifarSplit test;
        QVERIFY2(readCifarBatch(dataDir_ + "/test_batch.bin", &test, &error), qPrintable(error));
        const CifarSplit sample = spreadSample(test, 0, test.size(), count);
        QCOMPARE(sample.labels, result.labels);  // the images eval saw, in its order
        std::vector<float> values(size_t(sample.images.size()));
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = float(uint8_t(sample.images[qsizetype(i)])) / 255.0f;
        QFile f(pixels);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(reinterpret_cast<const char*>(values.data()),
                qint64(values.size() * sizeof(float)));
    }

    // Runs a checker script; its output (the figures) is printed with the test's.
    void runPython(const QStringList& args, const QString& expect) {
        QProcess p;
        p.start(python_, args);
        QVERIFY(p.waitForFinished(300000));
        const QString output =
            QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
        QVERIFY2(p.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(expect), qPrintable(output));
        qInfo().noquote() << output;
    }

private Q_SLOTS:
    void initTestCase() {
        python_ = qEnvironmentVariable("RX_PYTHON", "/usr/bin/python3");
        QProcess p;
        p.start(python_, {"-c", "import torch, numpy, onnx, cv2"});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0,
                 "python3-torch, python3-onnx or python3-opencv is missing: run "
                 "scripts/install-deps.sh");
        torch::set_num_threads(2);
        // kCheckImages test images spread over the real test set (all classes) when it is
        // here, else synthetic ones, as a test_batch.bin of their own: eval reads only them.
        dataDir_ = synthetic_.path();
        const QString real = test::realCifarDir();
        if (real.isEmpty()) {
            QVERIFY(test::writeSyntheticCifar(dataDir_, 10, kCheckImages));
            return;
        }
        CifarSplit test;
        QString error;
        QVERIFY2(readCifarBatch(real + "/test_batch.bin", &test, &error), qPrintable(error));
        const CifarSplit sample = spreadSample(test, 0, test.size(), kCheckImages);
        QByteArray records;
        for (int i = 0; i < sample.size(); ++i)
            records += sample.labels.mid(i, 1) +
                       sample.images.mid(qsizetype(i) * kCifarImageBytes, kCifarImageBytes);
        QFile f(synthetic_.filePath("test_batch.bin"));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(records) == records.size());
    }

    void pytorchExportMatchesIndependentModel_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"resnet-20", "resnet-20-b", "plain-20", "preact-resnet-164", "mixed"})
            QTest::newRow(n) << QString(n);
    }
    void pytorchExportMatchesIndependentModel() {
        QFETCH(QString, name);
        const NetworkSpec spec = name == "mixed" ? mixedSpec() : *preset(name);
        QTemporaryDir run, out;
        Network net{nullptr};
        makeRun(run.path(), spec, &net);
        if (QTest::currentTestFailed())
            return;
        const QString weights = out.filePath("model.pth");
        QString error;
        QVERIFY2(exportWeights(run.path(), ExportFormat::PyTorch, weights, &error),
                 qPrintable(error));
        QVERIFY(QFile::exists(out.filePath("model.resnet.json")));
        QVERIFY(QFile::exists(out.filePath("model.preprocessing.json")));

        // 100 test images (the real ones when present), normalised as the network sees them.
        torch::Tensor inputs;
        const QString real = test::realCifarDir();
        if (!real.isEmpty()) {
            CifarSplit testSplit;
            QVERIFY(readCifarBatch(real + "/test_batch.bin", &testSplit, &error));
            inputs = Normalizer{torch::full({3, 1, 1}, 0.5), torch::full({3, 1, 1}, 0.25)}(
                toDevice(testSplit, 0, 100, torch::kCPU).images);
        } else {
            inputs = torch::randn({100, 3, 32, 32});
        }
        torch::Tensor logits;
        {
            // The export's format and names are under test, not the kernels' rounding (tst_network
            // checks that): the reference logits come from LibTorch's convolutions, as PyTorch's.
            torch::NoGradGuard noGrad;
            setOwnConvKernels(false);
            logits = net->forward(inputs);
            setOwnConvKernels(true);
        }
        QFile in(out.filePath("inputs.f32"));
        QVERIFY(in.open(QIODevice::WriteOnly));
        const torch::Tensor contiguous = inputs.contiguous();
        in.write(reinterpret_cast<const char*>(contiguous.data_ptr<float>()),
                 contiguous.numel() * sizeof(float));
        in.close();
        writeLogitsCsv(out.filePath("logits.csv"), logits);

        QProcess p;
        p.start(python_,
                {qEnvironmentVariable("RX_SOURCE_DIR") + "/tests/python/check_pytorch_export.py",
                 weights, out.filePath("model.resnet.json"), out.filePath("inputs.f32"),
                 out.filePath("logits.csv")});
        QVERIFY(p.waitForFinished(300000));
        const QString output =
            QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains("100 images, max abs diff"), qPrintable(output));
    }

    // The ONNX model passes ONNX's checker (python3-onnx), holds every state_dict tensor under its
    // name, and OpenCV's DNN module computes the app's logits from plain pixels to 1e-4.
    void onnxExportRunsInOpenCv_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"plain-20", "resnet-20", "resnet-20-b", "resnet-32-c",
                              "preact-bottleneck-29", "resnet-18", "mixed", "every-kind"})
            QTest::newRow(n) << QString(n);
    }
    void onnxExportRunsInOpenCv() {
        QFETCH(QString, name);
        QTemporaryDir run, out;
        Network net{nullptr};
        makeRun(run.path(), specNamed(name), &net, /*perPixelMean=*/name == "every-kind");
        if (QTest::currentTestFailed())
            return;
        const QString model = out.filePath("model.onnx");
        QString error;
        QVERIFY2(exportWeights(run.path(), ExportFormat::Onnx, model, &error), qPrintable(error));
        writeStateNames(out.filePath("names.txt"), net);
        writeAppLogits(run.path(), out.filePath("pixels.f32"), out.filePath("logits.csv"));
        if (QTest::currentTestFailed())
            return;
        runPython({script("check_onnx_export.py"), model, out.filePath("names.txt"),
                   out.filePath("pixels.f32"), out.filePath("logits.csv")},
                  QString("%1 images, max abs diff").arg(kCheckImages));
    }

    // The .py of one preset of each family (model/presets.cpp) and of the nets of every kind
    // loads the pytorch export with strict=True and computes the app's logits; its classes are
    // those of the kinds used. One Python process for all (importing torch takes seconds).
    void pytorchCodeReproducesTheApp() {
        const QStringList names = {"plain-20",    "resnet-20",         "resnet-20-b",
                                   "resnet-32-c", "preact-resnet-110", "preact-resnet-164",
                                   "resnet-18",   "resnet-50",         "resnet-34-cifar",
                                   "mixed",       "every-kind"};
        QTemporaryDir root;
        QStringList args = {script("check_pytorch_code.py"), QString::number(kCodeTolerance)};
        for (const QString& name : names) {
            const NetworkSpec spec = specNamed(name);
            const QString run = root.filePath(name + "-run"), out = root.filePath(name);
            QVERIFY(QDir().mkpath(run) && QDir().mkpath(out));
            Network net{nullptr};
            makeRun(run, spec, &net, /*perPixelMean=*/name == "every-kind");
            if (QTest::currentTestFailed())
                return;
            QString error;
            QVERIFY2(exportWeights(run, ExportFormat::PyTorch, out + "/model.pth", &error),
                     qPrintable(error));
            QVERIFY2(exportWeights(run, ExportFormat::PyTorchCode, out + "/model.py", &error),
                     qPrintable(error));
            QFile code(out + "/model.py");
            QVERIFY(code.open(QIODevice::ReadOnly));
            const QByteArray text = code.readAll();
            for (const BlockKindInfo& kind : blockKinds()) {
                const bool used =
                    std::any_of(spec.stages.begin(), spec.stages.end(),
                                [&](const StageSpec& s) { return s.block == kind.value; });
                QVERIFY2(
                    text.contains(QByteArray("class ") + kind.pythonClass + "(nn.Module):") == used,
                    qPrintable(name + ": " + kind.pythonClass));
                // Its docstring is the kind's tooltip, in UTF-8 ("3×3").
                QVERIFY(!used || text.contains(QByteArray(kind.tooltip).left(16)));
            }
            const bool optionA =
                std::any_of(spec.stages.begin(), spec.stages.end(), [](const StageSpec& s) {
                    return blockKindInfo(s.block).residual && s.shortcut == ShortcutOption::ZeroPad;
                });
            QCOMPARE(text.contains("class ZeroPadShortcut(nn.Module):"), optionA);
            QVERIFY(text.contains("def _make_layer(") && text.contains("def build_model("));
            writeAppLogits(run, out + "/pixels.f32", out + "/logits.csv", kCodeImages);
            if (QTest::currentTestFailed())
                return;
            args << out;
        }
        runPython(args, QString("resnet-50: %1 images, max abs diff").arg(kCodeImages));
    }

    // The ONNX and code exports carry the input normalisation: weights without one are refused.
    // A target that cannot be written is named in the message.
    void onnxAndCodeExportsRefuseBadInput() {
        QTemporaryDir run, out;
        Network net{nullptr};
        makeRun(run.path(), *preset("resnet-20"), &net);
        const QString pth = out.filePath("r20.pth");
        QString error;
        QVERIFY2(exportWeights(run.path(), ExportFormat::PyTorch, pth, &error), qPrintable(error));
        QVERIFY(QFile::remove(out.filePath("r20.preprocessing.json")));
        for (ExportFormat format : {ExportFormat::Onnx, ExportFormat::PyTorchCode}) {
            const QString target = out.filePath(QString("r20") + exportFormatInfo(format).suffix);
            QVERIFY(!exportWeights(pth, format, target, &error));
            QVERIFY2(error.startsWith("cannot write " + target) &&
                         error.contains("carry no input normalisation"),
                     qPrintable(error));
            QVERIFY(!QFile::exists(target));
        }
        QVERIFY(!exportWeights(run.path(), ExportFormat::Onnx, "/proc/r.onnx", &error));
        QVERIFY2(error.startsWith("cannot write /proc/r.onnx"), qPrintable(error));
        QVERIFY(
            !exportWeights(run.path(), ExportFormat::PyTorchCode, "/nonexistent/dir/r.py", &error));
        QVERIFY2(error.startsWith("cannot write /nonexistent/dir/r.py"), qPrintable(error));
        // The formats are found by their suffix and their dialog filter.
        QCOMPARE(exportFormatForPath("a/b.onnx"), std::optional(ExportFormat::Onnx));
        QCOMPARE(exportFormatForPath("a/b.py"), std::optional(ExportFormat::PyTorchCode));
        QCOMPARE(exportFormatForFilter(exportFilter(ExportFormat::Onnx)),
                 std::optional(ExportFormat::Onnx));
    }

    void libtorchExportReloadsForEval() {
        QTemporaryDir run, out, data;
        QVERIFY(test::writeSyntheticCifar(data.path(), 5, 60));
        Network net{nullptr};
        makeRun(run.path(), *preset("resnet-20"), &net);
        const QString weights = out.filePath("r20.pt");
        QString error;
        QVERIFY2(exportWeights(run.path(), ExportFormat::LibTorch, weights, &error),
                 qPrintable(error));
        QVERIFY(QFile::exists(out.filePath("r20.resnet.json")));
        EvalResult result;
        const QString csv = out.filePath("logits.csv");
        EvalOptions options;
        options.dataDir = data.path();
        options.logitsCsv = csv;
        QVERIFY2(evaluateWeights(weights, options, &result, &error), qPrintable(error));
        QCOMPARE(result.images, 60);
        QVERIFY(result.error >= 0 && result.error <= 100);

        // The CSV holds one row of 10 logits per test image, equal to the model's own output.
        CifarSplit testSplit;
        QVERIFY(readCifarBatch(data.filePath("test_batch.bin"), &testSplit, &error));
        torch::Tensor expected;
        {
            torch::NoGradGuard noGrad;
            expected =
                net->forward(Normalizer{torch::full({3, 1, 1}, 0.5), torch::full({3, 1, 1}, 0.25)}(
                    toDevice(testSplit, 0, 60, torch::kCPU).images));
        }
        // eval folds BN into the convs before the (Winograd) convolution; the model's forward
        // normalises after it: the same numbers to float rounding of logits about 15 in size.
        const double tolerance = 1e-6 * std::max(1.0, expected.abs().max().item<double>());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = f.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 60);
        for (int r = 0; r < 60; ++r) {
            const QList<QByteArray> cells = rows[r].split(',');
            QCOMPARE(cells.size(), 10);
            for (int c = 0; c < 10; ++c)
                QVERIFY(std::abs(cells[c].toDouble() - expected[r][c].item<double>()) < tolerance);
        }
        // The same file exported again from the export itself round-trips.
        QVERIFY2(exportWeights(weights, ExportFormat::LibTorch, out.filePath("again.pt"), &error),
                 qPrintable(error));
    }

    void readOnlyOrMissingTargetsFailClearly() {
        QTemporaryDir run;
        Network net{nullptr};
        makeRun(run.path(), *preset("resnet-20"), &net);
        QString error;
        QVERIFY(!exportWeights(run.path(), ExportFormat::PyTorch, "/proc/resnet.pth", &error));
        QVERIFY2(error.startsWith("cannot write /proc/resnet.pth"), qPrintable(error));
        QVERIFY(
            !exportWeights(run.path(), ExportFormat::LibTorch, "/nonexistent/dir/r.pt", &error));
        QVERIFY2(error.startsWith("cannot write /nonexistent/dir/r.pt"), qPrintable(error));
        QTemporaryDir empty;
        QVERIFY(!exportWeights(empty.path(), ExportFormat::PyTorch, "/tmp/x.pth", &error));
        QVERIFY2(error.contains("holds no checkpoint.pt"), qPrintable(error));
        EvalResult r;
        EvalOptions options;
        options.dataDir = "/tmp";
        QVERIFY(!evaluateWeights("/nonexistent.pt", options, &r, &error));
        QVERIFY2(error.contains("cannot read /nonexistent.pt"), qPrintable(error));
    }

    void evalOfWeightsWithoutNormalisation() {
        // A libtorch file without input mean/std (written by hand or by another tool): eval
        // falls back to the test set's own statistics instead of failing.
        QTemporaryDir run, data;
        QVERIFY(test::writeSyntheticCifar(data.path(), 5, 30));
        torch::manual_seed(3);
        const NetworkSpec spec = *preset("resnet-20");
        Network net(spec);
        QVERIFY(saveSpecFile(QDir(run.path()).filePath(kRunArchitectureFile), spec, nullptr));
        QString error;
        QVERIFY2(saveCheckpoint(QDir(run.path()).filePath(kRunCheckpointFile), net, nullptr,
                                Checkpoint{5, {}, {}, {}}, &error),
                 qPrintable(error));
        EvalOptions options;
        options.dataDir = data.path();
        EvalResult result;
        QVERIFY2(evaluateWeights(run.path(), options, &result, &error), qPrintable(error));
        QCOMPARE(result.images, 30);
        QVERIFY(std::isfinite(result.loss));
    }

    void evalReadsEveryKindOfWeights() {
        QTemporaryDir run, out, data;
        QVERIFY(test::writeSyntheticCifar(data.path(), 5, 50));
        Network net{nullptr};
        makeRun(run.path(), *preset("resnet-20"), &net);
        QString error;
        const QString pt = out.filePath("r20.pt"), pth = out.filePath("r20.pth");
        QVERIFY2(exportWeights(run.path(), ExportFormat::LibTorch, pt, &error), qPrintable(error));
        QVERIFY2(exportWeights(run.path(), ExportFormat::PyTorch, pth, &error), qPrintable(error));
        EvalOptions options;
        options.dataDir = data.path();
        QVector<EvalResult> results;
        for (const QString& weights :
             {run.path(), QDir(run.path()).filePath(kRunCheckpointFile), pt, pth}) {
            EvalResult r;
            QVERIFY2(evaluateWeights(weights, options, &r, &error),
                     qPrintable(weights + ": " + error));
            results << r;
        }
        for (const EvalResult& r : results) {
            QCOMPARE(r.images, 50);
            QCOMPARE(r.error, results.first().error);
            QVERIFY(std::abs(r.loss - results.first().loss) < 1e-6);
        }
        // A pytorch export without the architecture beside it needs --arch; the wrong one is
        // refused by name.
        QTemporaryDir alone;
        QVERIFY(QFile::copy(pth, alone.filePath("weights.pth")));
        EvalResult r;
        QVERIFY(!evaluateWeights(alone.filePath("weights.pth"), options, &r, &error));
        QVERIFY2(error.contains("no architecture found"), qPrintable(error));
        options.architecture = *preset("resnet-20");
        QVERIFY2(evaluateWeights(alone.filePath("weights.pth"), options, &r, &error),
                 qPrintable(error));
        options.architecture = *preset("resnet-32");
        QVERIFY(!evaluateWeights(alone.filePath("weights.pth"), options, &r, &error));
        QVERIFY2(error.contains("does not fit the architecture") &&
                     error.contains("layer1.3.conv1.weight is missing"),
                 qPrintable(error));
        options.architecture.reset();
        // Anything else says what was expected.
        QFile text(out.filePath("notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not weights");
        text.close();
        QVERIFY(QFile::copy(out.filePath("r20.resnet.json"), out.filePath("notes.resnet.json")));
        QVERIFY(!evaluateWeights(text.fileName(), options, &r, &error));
        QVERIFY2(error.contains("holds no trained weights: expected a run folder"),
                 qPrintable(error));
        QTemporaryDir empty;
        QVERIFY(!evaluateWeights(empty.path(), options, &r, &error));
        QVERIFY2(error.contains("holds no checkpoint.pt"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
