// What a trained network says about every test image: the softmax probabilities, the labels, and
// pure functions over them (confusion matrix, top-k) for the Predictions view and the tests.
// predictTestSet runs LibTorch through evaluateWeights (export.h): call it off the UI thread.
// No torch here.
#pragma once

#include "cifar10.h"
#include "export.h"

#include <QByteArray>
#include <QVector>

#include <span>

namespace rx {

struct TestPredictions {
    QByteArray labels;             // N, each 0..kCifarClasses−1, in test-set order
    QVector<float> probabilities;  // N × kCifarClasses, softmax of the logits, rows sum to 1
    double error = 0;              // % (as evaluateWeights reports it)
    double loss = 0;
    int size() const { return int(labels.size()); }
    int label(int image) const { return int(uchar(labels[image])); }
    std::span<const float> row(int image) const {
        return {probabilities.constData() + qsizetype(image) * kCifarClasses, kCifarClasses};
    }
    int predicted(int image) const;  // the most probable class (the first of equals)
    float confidence(int image) const { return row(image)[size_t(predicted(image))]; }
};

// Evaluates `weights` (anything evaluateWeights reads) on the test set of options.dataDir
// (testSubset, threads, cancel and onBatch as there; logits are kept whatever keepLogits says).
// False with a message, also when cancelled.
bool predictTestSet(const QString& weights, EvalOptions options, TestPredictions* out,
                    QString* error);

// Row-wise softmax of `logits` (rows × `classes`).
QVector<float> softmax(const QVector<float>& logits, int classes = kCifarClasses);

// The predicted class of every image of `p`.
QVector<int> predictedClasses(const TestPredictions& p);

// classes × classes counts, row-major: row = true class, column = predicted class.
struct ConfusionMatrix {
    int classes = kCifarClasses;
    QVector<int> counts;
    int at(int truth, int predicted) const { return counts[truth * classes + predicted]; }
    int total() const;
    int correct() const;            // the diagonal's sum
    int rowTotal(int truth) const;  // images of that class
    double errorPercent() const;    // 100 · (total − correct) / total; 0 when empty
    double rowErrorPercent(int truth) const;
};
ConfusionMatrix confusionMatrix(const QByteArray& labels, const QVector<int>& predicted,
                                int classes = kCifarClasses);

struct ClassProbability {
    int label = 0;
    float probability = 0;
};
// The `k` most probable classes of one row, most probable first (equal ones by label).
QVector<ClassProbability> topK(std::span<const float> probabilities, int k);

}  // namespace rx
