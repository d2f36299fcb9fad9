// CIFAR-10 in the official binary layout (data_batch_1..5.bin, test_batch.bin,
// batches.meta.txt): each record is 1 label byte and 3072 pixel bytes (R, G, B planes of 32×32).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rx {

inline constexpr int kCifarImageBytes = 3 * 32 * 32;
inline constexpr int kCifarRecordBytes = 1 + kCifarImageBytes;
inline constexpr int kCifarImagesPerBatch = 10000;
inline constexpr int kCifarClasses = 10;

// The class names as batches.meta.txt spells them, in label order. Shown through cifarClassText,
// which translates them (context kCifarClassContext).
inline constexpr const char* kCifarClassContext = "rx::Cifar10";
inline constexpr const char* kCifarClassNames[kCifarClasses] = {
    QT_TRANSLATE_NOOP("rx::Cifar10", "airplane"), QT_TRANSLATE_NOOP("rx::Cifar10", "automobile"),
    QT_TRANSLATE_NOOP("rx::Cifar10", "bird"),     QT_TRANSLATE_NOOP("rx::Cifar10", "cat"),
    QT_TRANSLATE_NOOP("rx::Cifar10", "deer"),     QT_TRANSLATE_NOOP("rx::Cifar10", "dog"),
    QT_TRANSLATE_NOOP("rx::Cifar10", "frog"),     QT_TRANSLATE_NOOP("rx::Cifar10", "horse"),
    QT_TRANSLATE_NOOP("rx::Cifar10", "ship"),     QT_TRANSLATE_NOOP("rx::Cifar10", "truck"),
};

struct CifarSplit {
    QByteArray images;  // N × 3 × 32 × 32, uint8, channel planes as in the file
    QByteArray labels;  // N, each 0..9
    int size() const { return static_cast<int>(labels.size()); }
};

struct CifarData {
    CifarSplit train;  // 50,000 images: data_batch_1..5
    CifarSplit test;   // 10,000 images: test_batch
    QStringList classNames;
};

// The k-th of `count` records spread evenly over `range` records (every range/count-th), so
// that a subset of a set stored in class order (as some copies of the test set are) still
// holds every class in its share. count ≤ range.
inline int spreadIndex(int k, int range, int count) {
    return static_cast<int>(static_cast<qint64>(k) * range / count);
}
// `count` records spread evenly over records [first, first + range) of `split` (all of them, in
// order, when count ≥ range).
CifarSplit spreadSample(const CifarSplit& split, int first, int range, int count);

// Reads one batch file; false with a message naming the file for a missing or truncated file
// or a label outside 0–9.
bool readCifarBatch(const QString& path, CifarSplit* split, QString* error);
// Reads the whole dataset from a folder holding the .bin files.
bool loadCifar10(const QString& dir, CifarData* data, QString* error);
// The names in `dir`/batches.meta.txt, or kCifarClassNames when it is missing or has not ten.
QStringList readCifarClassNames(const QString& dir);
// A class name (from batches.meta.txt) for display, in the user's language when it is one of
// kCifarClassNames; any other name as it is.
QString cifarClassText(const QString& name);
// True when `dir` holds the six batch files (sizes are checked when loading).
bool looksLikeCifar10(const QString& dir);

// Where the dataset is: the user's path when given, else $CIFAR10_DIR, else the app's data
// folder (QStandardPaths::AppDataLocation + "/cifar-10-batches-bin"). Empty when none holds it.
QString findCifar10(const QString& userPath = {});
// The folder a download unpacks into: AppDataLocation/cifar-10-batches-bin.
QString defaultCifar10Dir();

}  // namespace rx
