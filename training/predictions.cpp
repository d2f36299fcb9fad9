#include "predictions.h"

#include <algorithm>
#include <cmath>

namespace rx {

int TestPredictions::predicted(int image) const {
    const std::span<const float> r = row(image);
    return int(std::max_element(r.begin(), r.end()) - r.begin());
}

bool predictTestSet(const QString& weights, EvalOptions options, TestPredictions* out,
                    QString* error) {
    options.keepLogits = true;
    EvalResult result;
    if (!evaluateWeights(weights, options, &result, error))
        return false;
    TestPredictions p;
    p.labels = result.labels;
    p.probabilities = softmax(result.logits);
    p.error = result.error;
    p.loss = result.loss;
    *out = std::move(p);
    return true;
}

QVector<float> softmax(const QVector<float>& logits, int classes) {
    QVector<float> out(logits.size());
    for (qsizetype r = 0; r + classes <= logits.size(); r += classes) {
        const float* in = logits.constData() + r;
        const float top = *std::max_element(in, in + classes);
        double sum = 0;
        for (int c = 0; c < classes; ++c)
            sum += out[r + c] = std::exp(in[c] - top);
        for (int c = 0; c < classes; ++c)
            out[r + c] = float(out[r + c] / sum);
    }
    return out;
}

QVector<int> predictedClasses(const TestPredictions& p) {
    QVector<int> out(p.size());
    for (int i = 0; i < p.size(); ++i)
        out[i] = p.predicted(i);
    return out;
}

int ConfusionMatrix::total() const {
    int sum = 0;
    for (int n : counts)
        sum += n;
    return sum;
}

int ConfusionMatrix::correct() const {
    int sum = 0;
    for (int c = 0; c < classes; ++c)
        sum += at(c, c);
    return sum;
}

int ConfusionMatrix::rowTotal(int truth) const {
    int sum = 0;
    for (int c = 0; c < classes; ++c)
        sum += at(truth, c);
    return sum;
}

double ConfusionMatrix::errorPercent() const {
    const int n = total();
    return n ? 100.0 * (n - correct()) / n : 0.0;
}

double ConfusionMatrix::rowErrorPercent(int truth) const {
    const int n = rowTotal(truth);
    return n ? 100.0 * (n - at(truth, truth)) / n : 0.0;
}

ConfusionMatrix confusionMatrix(const QByteArray& labels, const QVector<int>& predicted,
                                int classes) {
    ConfusionMatrix m;
    m.classes = classes;
    m.counts.fill(0, classes * classes);
    const qsizetype n = std::min(labels.size(), predicted.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int truth = uchar(labels[i]);
        if (truth < classes && predicted[i] >= 0 && predicted[i] < classes)
            ++m.counts[truth * classes + predicted[i]];
    }
    return m;
}

QVector<ClassProbability> topK(std::span<const float> probabilities, int k) {
    QVector<ClassProbability> all;
    for (size_t c = 0; c < probabilities.size(); ++c)
        all.append({int(c), probabilities[c]});
    std::stable_sort(all.begin(), all.end(),
                     [](const ClassProbability& a, const ClassProbability& b) {
                         return a.probability > b.probability;
                     });
    all.resize(std::clamp<qsizetype>(k, 0, all.size()));
    return all;
}

}  // namespace rx
