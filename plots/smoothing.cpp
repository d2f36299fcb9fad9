#include "smoothing.h"

#include <algorithm>
#include <cmath>

namespace rx {

Smoother::Smoother(double weight) : weight_(std::clamp(weight, 0.0, kMaxSmoothing)) {}

double Smoother::add(double value) {
    if (!std::isfinite(value))
        return value;
    last_ = weight_ * last_ + (1 - weight_) * value;
    power_ *= weight_;
    return last_ / (1 - power_);
}

QVector<double> smoothed(const QVector<double>& values, double weight) {
    Smoother smoother(weight);
    QVector<double> out;
    out.reserve(values.size());
    for (double v : values)
        out << smoother.add(v);
    return out;
}

}  // namespace rx
