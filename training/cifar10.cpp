#include "cifar10.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <cstring>

namespace rx {

namespace {

class Cifar {
    Q_DECLARE_TR_FUNCTIONS(rx::Cifar10)
public:
    static QString missingDir(const QString& dir) {
        return tr("CIFAR-10 folder %1 does not exist; download the dataset or choose the folder "
                  "holding data_batch_1.bin … test_batch.bin")
            .arg(dir);
    }
    static QString missingFile(const QString& path) {
        return tr("CIFAR-10 file %1 is missing").arg(path);
    }
    static QString cannotRead(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
    static QString truncated(const QString& path, qint64 size) {
        return tr("CIFAR-10 file %1 is truncated or damaged: %2 bytes, expected %3 (10,000 "
                  "records of 3,073 bytes)")
            .arg(path)
            .arg(size)
            .arg(qint64(kCifarImagesPerBatch) * kCifarRecordBytes);
    }
    static QString badLabel(const QString& path, int record, int label) {
        return tr("CIFAR-10 file %1: record %2 has label %3, outside 0–9")
            .arg(path)
            .arg(record)
            .arg(label);
    }
};

const char* const kTrainFiles[] = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                                   "data_batch_4.bin", "data_batch_5.bin"};
const char* const kTestFile = "test_batch.bin";

void append(CifarSplit* to, const CifarSplit& from) {
    to->images += from.images;
    to->labels += from.labels;
}

}  // namespace

CifarSplit spreadSample(const CifarSplit& split, int first, int range, int count) {
    count = std::min(count, range);
    CifarSplit out;
    out.images.resize(qsizetype(count) * kCifarImageBytes);
    out.labels.resize(count);
    for (int k = 0; k < count; ++k) {
        const int i = first + spreadIndex(k, range, count);
        out.labels[k] = split.labels[i];
        std::memcpy(out.images.data() + qsizetype(k) * kCifarImageBytes,
                    split.images.constData() + qsizetype(i) * kCifarImageBytes, kCifarImageBytes);
    }
    return out;
}

bool readCifarBatch(const QString& path, CifarSplit* split, QString* error) {
    QFile file(path);
    if (!file.exists()) {
        *error = Cifar::missingFile(path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Cifar::cannotRead(path, file.errorString());
        return false;
    }
    // A real batch holds exactly 10,000 records; smaller whole-record files are accepted so that
    // tests and subsets can use small synthetic batches.
    const qint64 size = file.size();
    if (size == 0 || size % kCifarRecordBytes != 0 ||
        size > qint64(kCifarImagesPerBatch) * kCifarRecordBytes) {
        *error = Cifar::truncated(path, size);
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != size) {
        *error = Cifar::truncated(path, bytes.size());
        return false;
    }
    const int n = static_cast<int>(size / kCifarRecordBytes);
    CifarSplit out;
    out.images.resize(qsizetype(n) * kCifarImageBytes);
    out.labels.resize(n);
    for (int i = 0; i < n; ++i) {
        const char* record = bytes.constData() + qsizetype(i) * kCifarRecordBytes;
        const auto label = static_cast<unsigned char>(record[0]);
        if (label >= kCifarClasses) {
            *error = Cifar::badLabel(path, i, label);
            return false;
        }
        out.labels[i] = static_cast<char>(label);
        std::memcpy(out.images.data() + qsizetype(i) * kCifarImageBytes, record + 1,
                    kCifarImageBytes);
    }
    *split = std::move(out);
    return true;
}

bool loadCifar10(const QString& dir, CifarData* data, QString* error) {
    if (!QFileInfo(dir).isDir()) {
        *error = Cifar::missingDir(dir);
        return false;
    }
    const QDir d(dir);
    CifarData out;
    for (const char* name : kTrainFiles) {
        CifarSplit batch;
        if (!readCifarBatch(d.filePath(QLatin1String(name)), &batch, error))
            return false;
        append(&out.train, batch);
    }
    if (!readCifarBatch(d.filePath(QLatin1String(kTestFile)), &out.test, error))
        return false;
    out.classNames = readCifarClassNames(dir);
    *data = std::move(out);
    return true;
}

QStringList readCifarClassNames(const QString& dir) {
    QStringList names;
    QFile meta(QDir(dir).filePath(QStringLiteral("batches.meta.txt")));
    if (meta.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : meta.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                names << QString::fromUtf8(line.trimmed());
    }
    if (names.size() != kCifarClasses) {
        names.clear();
        for (const char* name : kCifarClassNames)
            names << QLatin1String(name);
    }
    return names;
}

QString cifarClassText(const QString& name) {
    return QCoreApplication::translate(kCifarClassContext, name.toUtf8().constData());
}

bool looksLikeCifar10(const QString& dir) {
    if (dir.isEmpty())
        return false;
    const QDir d(dir);
    for (const char* name : kTrainFiles)
        if (!d.exists(QLatin1String(name)))
            return false;
    return d.exists(QLatin1String(kTestFile));
}

QString defaultCifar10Dir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/cifar-10-batches-bin");
}

QString findCifar10(const QString& userPath) {
    if (!userPath.isEmpty())
        return userPath;  // the user's choice wins, even if wrong
    const QString env = qEnvironmentVariable("CIFAR10_DIR");
    if (looksLikeCifar10(env))
        return env;
    if (looksLikeCifar10(defaultCifar10Dir()))
        return defaultCifar10Dir();
    return {};
}

}  // namespace rx
