// Small synthetic CIFAR-10 folders for tests: the official binary layout, with images whose
// colour depends on the label so that a network can learn them quickly.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

namespace rx::test {

inline QByteArray syntheticBatch(int images, quint32 seed) {
    QRandomGenerator rng(seed);
    QByteArray bytes;
    bytes.reserve(images * 3073);
    for (int i = 0; i < images; ++i) {
        const int label = int(rng.bounded(10));
        bytes.append(char(label));
        for (int c = 0; c < 3; ++c) {
            // Class k: channel means spread over 0..255, plus noise and a class-dependent stripe.
            const int base = (label * 25 + c * 60 * (label % 3)) % 256;
            for (int p = 0; p < 1024; ++p) {
                const int stripe = ((p / 32 + label) % 4 == 0) ? 40 : 0;
                const int v = base + stripe + int(rng.bounded(30)) - 15;
                bytes.append(char(std::clamp(v, 0, 255)));
            }
        }
    }
    return bytes;
}

// Writes data_batch_1..5.bin (imagesPerBatch each), test_batch.bin and batches.meta.txt.
inline bool writeSyntheticCifar(const QString& dir, int imagesPerBatch, int testImages,
                                quint32 seed = 1) {
    QDir().mkpath(dir);
    const QDir d(dir);
    for (int b = 1; b <= 5; ++b) {
        QFile f(d.filePath(QStringLiteral("data_batch_%1.bin").arg(b)));
        if (!f.open(QIODevice::WriteOnly) || f.write(syntheticBatch(imagesPerBatch, seed + b)) < 0)
            return false;
    }
    QFile t(d.filePath(QStringLiteral("test_batch.bin")));
    if (!t.open(QIODevice::WriteOnly) || t.write(syntheticBatch(testImages, seed + 100)) < 0)
        return false;
    QFile m(d.filePath(QStringLiteral("batches.meta.txt")));
    return m.open(QIODevice::WriteOnly) &&
           m.write("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n") > 0;
}

// The real dataset when the environment has it (CI does), else empty.
inline QString realCifarDir() {
    const QString dir = qEnvironmentVariable("CIFAR10_DIR");
    return QFile::exists(dir + QStringLiteral("/data_batch_1.bin")) ? dir : QString();
}

}  // namespace rx::test
