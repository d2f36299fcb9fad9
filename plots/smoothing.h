// Smoothing of noisy training curves as TensorBoard does it: an exponential moving average with
// debiasing. With weight w, every finite value y updates last = w·last + (1−w)·y and is shown as
// last / (1 − wⁿ) after n finite values, so the first points are not pulled towards zero.
// Non-finite values pass through unchanged and do not advance the average. Weight 0 gives the
// raw values exactly. The one place of this formula; no Qt widgets, no torch.
#pragma once

#include <QVector>

namespace rx {

constexpr double kMaxSmoothing = 0.99;     // the slider's end; weight 1 would never move
constexpr double kDefaultSmoothing = 0.6;  // TensorBoard's default

// The running state of smoothed(), for curves that grow one point at a time.
class Smoother {
public:
    // `weight` is clamped to [0, kMaxSmoothing].
    explicit Smoother(double weight = 0);
    // The shown value for the next value of the curve.
    double add(double value);
    double weight() const { return weight_; }

private:
    double weight_;
    double last_ = 0;
    double power_ = 1;  // wⁿ
};

// `values` smoothed with `weight` (clamped to [0, kMaxSmoothing]).
QVector<double> smoothed(const QVector<double>& values, double weight);

}  // namespace rx
